-- interaction: who was active in a community since a time (the sub-group split's activity count) reads a range of
-- this index, not every interaction the community ever had. Covering actor_id, it needs no table rows.
create index interactions_community_time_ix on interactions (community_id, occurred_at, actor_id);
