-- check-in reminders: at a challenge's chosen local time, to the members who have not checked in that day; an
-- optional evening nudge to those whose streak would break. One row per challenge, local date and stage records
-- that a reminder went out, so two nodes (or a restart) never send it twice. Each member may mute a challenge.
alter table checkin_challenges add column remind_at time;
alter table checkin_challenges add column nudge_at time;

create table checkin_reminder_runs (
    challenge_id      bigint                   not null references checkin_challenges (id),
    local_date        date                     not null,
    -- REMIND or NUDGE
    stage             varchar(16)              not null,
    sent_at           timestamp with time zone not null,
    recipients        integer                  not null,
    primary key (challenge_id, local_date, stage)
);

create table checkin_mutes (
    challenge_id      bigint                   not null references checkin_challenges (id),
    account_id        bigint                   not null,
    muted_at          timestamp with time zone not null,
    primary key (challenge_id, account_id)
);
