-- The 问答 tab lists a community's questions, newest first, without walking its discussions.
create index posts_kind_feed_ix on posts (community_id, kind, created_at desc, id desc);
