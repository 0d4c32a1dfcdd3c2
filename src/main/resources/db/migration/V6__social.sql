-- social: following (mutual follows are friends) and blocking.
-- No foreign keys to accounts: that table belongs to identity; social checks existence through
-- the Accounts API and will react to an account-closed event once there is one.

create table follows (
    follower_id bigint                   not null,
    followee_id bigint                   not null,
    created_at  timestamp with time zone not null,
    primary key (follower_id, followee_id)
);
-- "who follows me", newest first, and "whom I follow", newest first (keyset pagination)
create index follows_followee_ix on follows (followee_id, created_at, follower_id);
create index follows_follower_ix on follows (follower_id, created_at, followee_id);

create table blocks (
    blocker_id bigint                   not null,
    blocked_id bigint                   not null,
    created_at timestamp with time zone not null,
    primary key (blocker_id, blocked_id)
);
create index blocks_blocked_ix on blocks (blocked_id, blocker_id);
