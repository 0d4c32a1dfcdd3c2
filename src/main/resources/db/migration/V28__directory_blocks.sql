-- The directory's own copy of who blocked whom, kept by the directory in the blocking transaction (Blocked and
-- Unblocked events), so a directory page hides both sides of a block inside its one query instead of asking the
-- social module first. Filled once from the social module's table.
create table directory_blocks (
    blocker_id bigint not null,
    blocked_id bigint not null,
    primary key (blocker_id, blocked_id)
);
create index directory_blocks_blocked_ix on directory_blocks (blocked_id, blocker_id);
insert into directory_blocks (blocker_id, blocked_id) select blocker_id, blocked_id from blocks;
