-- search: which version of the analyzer wrote each document, so a change in segmentation (version 2 folds
-- traditional characters into simplified ones) re-indexes what older versions wrote; and how far the
-- background rebuild has walked through the posts for each version. Posts written before the index
-- existed (V11) are picked up by the same walk.
alter table search_documents add column analyzer integer default 1 not null;

create table search_rebuilds (
    analyzer     integer primary key,
    last_post_id bigint  not null,
    finished_at  timestamp with time zone
);
