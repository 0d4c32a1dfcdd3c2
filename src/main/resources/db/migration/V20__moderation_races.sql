-- moderation under simultaneous requests.
-- 1. One open report per member and item, enforced by the database: open_target is 'post:<id>' or
--    'comment:<id>' while the report is OPEN and null once handled (nulls never collide in a unique index,
--    so a member may report an item again after a moderator dismissed the first report). Reports that
--    earlier races duplicated stay open without a key.
alter table moderation_reports add column open_target varchar(32);
update moderation_reports set open_target = case when post_id is not null
        then 'post:' || cast(post_id as varchar(20)) else 'comment:' || cast(comment_id as varchar(20)) end
where status = 'OPEN' and not exists (
    select 1 from moderation_reports o where o.status = 'OPEN' and o.reporter_id = moderation_reports.reporter_id
    and coalesce(o.post_id, -1) = coalesce(moderation_reports.post_id, -1)
    and coalesce(o.comment_id, -1) = coalesce(moderation_reports.comment_id, -1)
    and o.id < moderation_reports.id);
create unique index moderation_reports_open_ux on moderation_reports (reporter_id, open_target);

-- 2. Rows that count-then-write checks lock (SELECT ... FOR UPDATE) before counting, so two requests cannot
--    both see room under a limit: account_id 0 is the whole community (posts per community, pins, sections),
--    any other is one member in it (comments per member). Created on first use.
create table content_locks (
    community_id bigint not null,
    account_id   bigint not null,
    primary key (community_id, account_id)
);
