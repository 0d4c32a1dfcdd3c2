-- assignment reminders: one claim row per assignment and member, written before the member is told, so two nodes
-- (or a second run) never remind anyone twice.
create table assignment_reminders (
    assignment_id     bigint                   not null references assignments (id),
    account_id        bigint                   not null,
    sent_at           timestamp with time zone not null,
    primary key (assignment_id, account_id)
);
