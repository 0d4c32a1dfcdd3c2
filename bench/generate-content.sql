-- Benchmark content for one existing community (made by generate.sql): :posts posts and :comments comments
-- by its members, spread over the last months, likes on posts, the participants and counters the hot feed
-- ranks by (hot_score per README "How the hot feed is computed"), and the search index for all of them,
-- written straight into the tables (the schema comes from the app's own migrations). Texts are drawn from a
-- vocabulary of the seeds' words, so common words (社群, 运营) sit in a large share of the documents.
-- The newest post gets 50 comments (the "post page" case).
--
-- Fast at full size (1M posts, 5M comments): every row is computed from its generate_series number, ids
-- included (post g has id :post_base + g, ...), so nothing is joined back, the search terms come from the
-- known word numbers instead of scanning each text, and the secondary indexes are dropped for the load and
-- re-created afterwards with exactly the migrations' definitions (V10, V11, V12, V17).
-- Usage: psql -v slug=bench-... -v posts=1000000 -v comments=5000000 -f generate-content.sql
\set ON_ERROR_STOP on
\timing on
begin;
create temporary table bench_words (n int primary key, word text);
insert into bench_words
select ordinality - 1, w from unnest(array[
  '社群','运营','私域','流量','增长','用户','内容','活动','裂变','转化','留存','品牌','社区','会员','价值观','愿景',
  '使命','门槛','成员','群主','分享','讨论','读书','写作','产品','设计','数据','分析','创业','融资','招聘','职场',
  '城市','深圳','北京','上海','杭州','线下','聚会','直播','短视频','电商','商城','佣金','分销','任务','打卡','积分',
  '表情包','精华','置顶','提问','回答','信任','连接','互动','口碑','复购','growth','community','retention','product'
]) with ordinality w;
select count(*) as vocabulary from bench_words \gset
select id as community from communities where slug = :'slug' \gset
create temporary table bench_authors as
select account_id, (row_number() over (order by account_id)) - 1 as n from memberships where community_id = :community;
alter table bench_authors add primary key (n);
select count(*) as authors from bench_authors \gset
select coalesce(max(id), 0) as post_base from posts \gset
select coalesce(max(id), 0) as comment_base from comments \gset
select coalesce(max(id), 0) as document_base from search_documents \gset
select greatest(:posts - 1, 1) as spread, now() as t0 \gset

drop index posts_feed_ix, posts_section_feed_ix, posts_pinned_ix, posts_featured_ix, posts_section_featured_ix,
  posts_author_recent_ix, posts_hot_ix, posts_section_hot_ix, posts_author_ix, comments_post_ix,
  comments_author_recent_ix, search_documents_ref_ux, search_documents_post_ix, search_terms_postings_ix,
  search_terms_document_ix, posts_hidden_ix, comments_hidden_ix;

-- likes: post g gets g % 4 of them, from members spread by g
insert into reactions (post_id, comment_id, account_id, reaction, community_id, created_at)
select :post_base + g, 0, a.account_id, 'like', :community,
       timestamptz :'t0' - ((:posts - g) * interval '20 seconds') + k * interval '1 minute'
from generate_series(1, :posts) g
cross join lateral generate_series(1, g % 4) k
join bench_authors a on a.n = (g * 11 + k * 37) % :authors;

-- comment g is on post n(g): the newest post gets the first 50, the rest go round-robin over the others
create temporary view bench_comment_rows as
select g, case when g <= 50 then :posts else 1 + (g - 51) % :spread end as n, (g * 3) % :authors as author_n
from generate_series(1, :comments) g;

-- everyone other than the author who commented on or liked a post, once
insert into post_participants (post_id, account_id)
select distinct :post_base + x.n, a.account_id
from (select n, author_n from bench_comment_rows
      union all
      select g, (g * 11 + k * 37) % :authors from generate_series(1, :posts) g cross join lateral generate_series(1, g % 4) k) x
join bench_authors a on a.n = x.author_n
where x.author_n <> x.n % :authors;

-- post g: 6 words chosen by g (a cheap deterministic spread), created 20 s apart, newest last
create temporary table bench_participants as
select post_id - :post_base as n, count(*) as participants from post_participants where post_id > :post_base group by post_id;
create index on bench_participants (n);
insert into posts (id, community_id, section_id, author_id, kind, title, body, tags, comment_count, reaction_count,
                   participant_count, hot_score, created_at)
select :post_base + g, :community, null, a.account_id, kind, title,
       '关于' || w1.word || '和' || w2.word || '的想法：' || w3.word || '，' || w4.word || '，' || w5.word || '，' || w6.word || '。第' || g || '号',
       '', comments, likes, participants,
       extract(epoch from created_at) / 45000 + log10(greatest(1, likes + 2 * comments + 3 * participants)), created_at
from (select g, case g % 10 when 0 then 'QUESTION' when 1 then 'ARTICLE' else 'DISCUSSION' end as kind,
             timestamptz :'t0' - ((:posts - g) * interval '20 seconds') as created_at, g % 4 as likes,
             case when g = :posts then least(:comments, 50)
                  when :comments - 50 >= g then (:comments - 50 - g) / :spread + 1 else 0 end as comments,
             coalesce(p.participants, 0) as participants
      from generate_series(1, :posts) g left join bench_participants p on p.n = g) s
join bench_authors a on a.n = g % :authors
join bench_words w1 on w1.n = g % :vocabulary
join bench_words w2 on w2.n = (g / 7) % :vocabulary
join bench_words w3 on w3.n = (g / 49) % :vocabulary
join bench_words w4 on w4.n = (g * 7 + 3) % :vocabulary
join bench_words w5 on w5.n = (g * 13 + 5) % :vocabulary
join bench_words w6 on w6.n = (g * 31 + 11) % :vocabulary
cross join lateral (select case when g % 10 = 1 then w1.word || '与' || w2.word || '（第' || g || '篇）' else '' end as title) t;

insert into comments (id, post_id, community_id, parent_id, author_id, body, created_at)
select :comment_base + c.g, :post_base + c.n, :community, null, a.account_id,
       '回复：' || w1.word || '很重要，' || w2.word || '也是。#' || c.g,
       timestamptz :'t0' - ((:posts - c.n) * interval '20 seconds') + (c.g % 97) * interval '1 second'
from bench_comment_rows c
join bench_authors a on a.n = c.author_n
join bench_words w1 on w1.n = (c.g * 17) % :vocabulary
join bench_words w2 on w2.n = (c.g * 29 + 7) % :vocabulary;

-- the search index: one document per post (id :document_base + g) and per comment (after the posts)
insert into search_documents (id, community_id, kind, ref_id, post_id, post_kind, section_id, author_id, title,
                              plain_text, created_at, removed, analyzer)
select :document_base + id - :post_base, community_id, 'POST', id, id, kind, section_id, author_id, title, body,
       created_at, false, 2
from posts where id > :post_base;
insert into search_documents (id, community_id, kind, ref_id, post_id, post_kind, section_id, author_id, title,
                              plain_text, created_at, removed, analyzer)
select :document_base + :posts + c.id - :comment_base, c.community_id, 'COMMENT', c.id, c.post_id, p.kind,
       p.section_id, c.author_id, p.title, c.body, c.created_at, false, 2
from comments c join posts p on p.id = c.post_id where c.id > :comment_base;
-- one term row per distinct word, from the words each text was built from
insert into search_terms (community_id, term, document_id, frequency, title_frequency)
select :community, w.word, :document_base + g, 1, case when g % 10 = 1 and x.n in (g % :vocabulary, (g / 7) % :vocabulary) then 1 else 0 end
from generate_series(1, :posts) g
cross join lateral (select distinct unnest(array[g % :vocabulary, (g / 7) % :vocabulary, (g / 49) % :vocabulary,
       (g * 7 + 3) % :vocabulary, (g * 13 + 5) % :vocabulary, (g * 31 + 11) % :vocabulary]) as n) x
join bench_words w on w.n = x.n;
insert into search_terms (community_id, term, document_id, frequency, title_frequency)
select :community, w.word, :document_base + :posts + g, 1, 0
from generate_series(1, :comments) g
cross join lateral (select distinct unnest(array[(g * 17) % :vocabulary, (g * 29 + 7) % :vocabulary]) as n) x
join bench_words w on w.n = x.n;
insert into search_rebuilds (analyzer, last_post_id, finished_at) values (2, :post_base + :posts, now()) on conflict do nothing;
select setval(pg_get_serial_sequence('posts', 'id'), (select max(id) from posts));
select setval(pg_get_serial_sequence('comments', 'id'), (select max(id) from comments));
select setval(pg_get_serial_sequence('search_documents', 'id'), (select max(id) from search_documents));

-- the migrations' indexes, built once over the loaded rows
set maintenance_work_mem = '256MB';
create index posts_feed_ix on posts (community_id, created_at desc, id desc);
create index posts_section_feed_ix on posts (section_id, created_at desc, id desc);
create index posts_pinned_ix on posts (community_id, pinned_at);
create index posts_featured_ix on posts (community_id, featured_at desc, id desc);
create index posts_section_featured_ix on posts (section_id, featured_at desc, id desc);
create index posts_author_recent_ix on posts (community_id, author_id, created_at);
create index posts_hot_ix on posts (community_id, hot_score desc, id desc);
create index posts_section_hot_ix on posts (section_id, hot_score desc, id desc);
create index posts_author_ix on posts (author_id, created_at desc, id desc);
create index comments_post_ix on comments (post_id, created_at, id);
create index comments_author_recent_ix on comments (community_id, author_id, created_at);
create index posts_hidden_ix on posts (community_id, hidden_at);
create index comments_hidden_ix on comments (community_id, hidden_at);
create unique index search_documents_ref_ux on search_documents (kind, ref_id);
create index search_documents_post_ix on search_documents (post_id);
create index search_terms_postings_ix on search_terms (community_id, term, document_id, frequency, title_frequency);
create index search_terms_document_ix on search_terms (document_id);
commit;
vacuum analyze posts;
vacuum analyze comments;
vacuum analyze reactions;
vacuum analyze post_participants;
vacuum analyze search_documents;
vacuum analyze search_terms;
\timing off
select (select count(*) from posts where community_id = :community) as posts,
       (select count(*) from comments where community_id = :community) as comments,
       (select count(*) from search_terms where community_id = :community) as search_terms, :post_base + :posts as newest_post;
