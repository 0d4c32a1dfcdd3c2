-- The moderation page's held posts and comments (hidden_at set, hidden_by null): hidden_at is null on almost
-- every row, so "hidden_at is not null" reads only a community's few hidden rows instead of walking its whole
-- feed index (a million entries in a large community).
create index posts_hidden_ix on posts (community_id, hidden_at);
create index comments_hidden_ix on comments (community_id, hidden_at);
