-- membership: one lockable row per community. Every membership change locks it (select ... for update)
-- before counting, so two people can never both take the last seat. The communities table belongs to the
-- community module; this row is ours. members mirrors count(*) of memberships, kept in the same transaction.
create table community_seats (
    community_id bigint not null primary key,
    members      int    not null
);
insert into community_seats (community_id, members)
    select community_id, count(*) from memberships group by community_id;

create index invitations_creator_ix on invitations (community_id, created_by, created_at);
create index bans_community_ix on bans (community_id, created_at);
