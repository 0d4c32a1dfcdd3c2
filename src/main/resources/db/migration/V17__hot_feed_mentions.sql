-- feeds: the hot score (kept on the post, changed on activity), its counters, the distinct participants,
-- an index per feed scope for the hot order and one per author for the following feed, and post tags for the
-- tag filter.
alter table posts add column reaction_count integer not null default 0;
alter table posts add column participant_count integer not null default 0;
-- log10(max(1, weight)) + created_at's epoch seconds / 45000: see README "How the hot feed is computed"
alter table posts add column hot_score double precision not null default 0;
update posts set hot_score = extract(epoch from created_at) / 45000
    + log10(greatest(1, 2 * comment_count));

-- hot is a keyset walk down one of these; its cost does not grow with the community
create index posts_hot_ix on posts (community_id, hot_score desc, id desc);
create index posts_section_hot_ix on posts (section_id, hot_score desc, id desc);
-- the following feed reads each followed author's newest posts
create index posts_author_ix on posts (author_id, created_at desc, id desc);

-- everyone other than the author who commented on or reacted to a post, once
create table post_participants (
    post_id    bigint not null,
    account_id bigint not null,
    primary key (post_id, account_id)
);

-- one row per tag of a live post; rewritten on publish and edit
create table post_tags (
    post_id      bigint      not null,
    community_id bigint      not null,
    tag          varchar(20) not null,
    created_at   timestamp with time zone not null,
    primary key (post_id, tag)
);
create index post_tags_feed_ix on post_tags (community_id, tag, created_at desc, post_id desc);
