-- directory: the member directory (成员列表), a read model per community kept current from membership and
-- profile events. One row per membership with what the directory shows, and one row per identity tag
-- (city:北京, skill:java, ...) so any combination of tag filters is a set of indexed lookups.
create table directory_entries (
    community_id       bigint       not null,
    account_id         bigint       not null,
    display_name       varchar(40)  not null,
    avatar_url         varchar(200),
    role               varchar(10)  not null,
    joined_at          timestamp with time zone not null,
    inviter_id         bigint,
    inviter_name       varchar(40),
    city               varchar(40),
    industry           varchar(40),
    company            varchar(80),
    position           varchar(60),
    -- list values joined by line breaks (which the profile never allows inside a value)
    schools            varchar(500),
    skills             varchar(1000),
    real_name_verified boolean      not null,
    position_verified  boolean      not null,
    primary key (community_id, account_id)
);
create index directory_entries_page_ix on directory_entries (community_id, joined_at, account_id);
create index directory_entries_account_ix on directory_entries (account_id);

create table directory_tags (
    community_id bigint       not null,
    tag          varchar(100) not null,
    account_id   bigint       not null,
    primary key (community_id, tag, account_id)
);
-- (community, account, tag): a tag filter probes it index-only for each candidate row, and removing a
-- member's tags uses its prefix
create index directory_tags_member_ix on directory_tags (community_id, account_id, tag);
