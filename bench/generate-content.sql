-- Benchmark content for one existing community (made by generate.sql): :posts posts and :comments comments
-- by its members, spread over the last months, and the search index for all of them, written straight into
-- the tables (the schema comes from the app's own migrations). Texts are drawn from a vocabulary of the
-- seeds' words, so common words (社群, 运营) sit in a large share of the documents, as they would.
-- The newest post gets 50 comments (the "post page" case).
-- Usage: psql -v slug=bench-... -v posts=1000000 -v comments=5000000 -f generate-content.sql
\set ON_ERROR_STOP on
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

create temporary table bench_c as select id from communities where slug = :'slug';
create temporary table bench_authors as
select account_id, (row_number() over (order by account_id)) - 1 as n
from memberships where community_id = (select id from bench_c);
select count(*) as authors from bench_authors \gset

-- post g: 6 words chosen by g (a cheap deterministic spread), created 20 s apart, newest last
insert into posts (community_id, section_id, author_id, kind, title, body, tags, comment_count, created_at)
select c.id, null, a.account_id,
       case g % 10 when 0 then 'QUESTION' when 1 then 'ARTICLE' else 'DISCUSSION' end,
       case when g % 10 = 1 then w1.word || '与' || w2.word || '（第' || g || '篇）' else '' end,
       '关于' || w1.word || '和' || w2.word || '的想法：' || w3.word || '，' || w4.word || '，' || w5.word || '，' || w6.word || '。第' || g || '号',
       '', 0, now() - ((:posts - g) * interval '20 seconds')
from generate_series(1, :posts) g
cross join bench_c c
join bench_authors a on a.n = g % :authors
join bench_words w1 on w1.n = g % :vocabulary
join bench_words w2 on w2.n = (g / 7) % :vocabulary
join bench_words w3 on w3.n = (g / 49) % :vocabulary
join bench_words w4 on w4.n = (g * 7 + 3) % :vocabulary
join bench_words w5 on w5.n = (g * 13 + 5) % :vocabulary
join bench_words w6 on w6.n = (g * 31 + 11) % :vocabulary;

create temporary table bench_posts as
select id, author_id, created_at, (row_number() over (order by id)) as n
from posts where community_id = (select id from bench_c);
create index on bench_posts (n);
select max(n) as post_count, max(id) as newest_post from bench_posts \gset

-- comments: the newest post gets 50, the rest spread round-robin over the others, oldest posts first
insert into comments (post_id, community_id, parent_id, author_id, body, created_at)
select p.id, (select id from bench_c), null, a.account_id,
       '回复：' || w1.word || '很重要，' || w2.word || '也是。#' || g, p.created_at + (g % 97) * interval '1 second'
from generate_series(1, :comments) g
join bench_posts p on p.n = case when g <= 50 then :post_count else 1 + (g - 51) % greatest(:post_count - 1, 1) end
join bench_authors a on a.n = (g * 3) % :authors
join bench_words w1 on w1.n = (g * 17) % :vocabulary
join bench_words w2 on w2.n = (g * 29 + 7) % :vocabulary;

update posts p set comment_count = c.n
from (select post_id, count(*) as n from comments where community_id = (select id from bench_c) group by post_id) c
where p.id = c.post_id;

-- the search index: one document per post and per comment, one term row per distinct word
insert into search_documents (community_id, kind, ref_id, post_id, post_kind, section_id, author_id, title, plain_text,
                              created_at, removed, analyzer)
select community_id, 'POST', id, id, kind, section_id, author_id, title, body, created_at, false, 2
from posts where community_id = (select id from bench_c);
insert into search_documents (community_id, kind, ref_id, post_id, post_kind, section_id, author_id, title, plain_text,
                              created_at, removed, analyzer)
select c.community_id, 'COMMENT', c.id, c.post_id, p.kind, p.section_id, c.author_id, p.title, c.body, c.created_at, false, 2
from comments c join posts p on p.id = c.post_id where c.community_id = (select id from bench_c);
insert into search_terms (community_id, term, document_id, frequency, title_frequency)
select d.community_id, w.word, d.id, 1, case when position(w.word in d.title) > 0 then 1 else 0 end
from search_documents d
join bench_words w on position(w.word in d.plain_text) > 0
where d.community_id = (select id from bench_c);
insert into search_rebuilds (analyzer, last_post_id, finished_at) values (2, :newest_post, now()) on conflict do nothing;
commit;
vacuum analyze posts;
vacuum analyze comments;
vacuum analyze search_documents;
vacuum analyze search_terms;
select (select count(*) from posts) as posts, (select count(*) from comments) as comments,
       (select count(*) from search_terms) as search_terms, :newest_post as newest_post;
