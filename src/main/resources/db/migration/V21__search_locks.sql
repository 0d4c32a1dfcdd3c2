-- One row per post whose index entries are being rewritten: indexing takes it FOR UPDATE first, so the
-- listeners for one post's events (hide, restore, a comment...) run one after another, each from the
-- post's state at that moment, instead of interleaving and deadlocking.
create table search_locks (
    post_id bigint primary key
);
