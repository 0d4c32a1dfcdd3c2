-- Scoping to a sub-group (分群): a post, a check-in challenge, an event or a poll may be for one sub-group only
-- (null: the whole community). Seen by that group's members and the community's runners; no foreign key to the
-- subgroup module's table (a deleted group's items stay, seen by runners only).
alter table posts add column subgroup_id bigint;
alter table checkin_challenges add column subgroup_id bigint;
alter table events add column subgroup_id bigint;
alter table polls add column subgroup_id bigint;
-- a sub-group's own feed reads its posts newest first
create index posts_subgroup_feed_ix on posts (subgroup_id, created_at desc, id desc);
