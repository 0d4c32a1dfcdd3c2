-- Benchmark data: :communities communities sharing :members members, each with identity tags, written
-- straight into the tables the member directory reads (the schema comes from the app's own migrations).
-- Account 1 of the run owns every community and holds the API token 'shq_bench_token_for_load_runs_only'.
-- Usage: psql -v communities=1 -v members=100000 -f generate.sql
\set ON_ERROR_STOP on
begin;
create temporary table bench_values (kind text, pos int, value text);
insert into bench_values
select 'city', ordinality, v from unnest(array['北京','上海','深圳','杭州','广州','成都','南京','武汉','西安','苏州','厦门','长沙']) with ordinality v
union all
select 'industry', ordinality, v from unnest(array['互联网','金融','教育','医疗','制造','零售','咨询','媒体','游戏','新能源']) with ordinality v
union all
select 'company', ordinality, v from unnest(array['腾讯','阿里巴巴','字节跳动','美团','京东','华为','小米','百度','网易','拼多多','快手','滴滴','招商银行','平安','蔚来','大疆']) with ordinality v
union all
select 'position', ordinality, v from unnest(array['产品经理','工程师','设计师','运营','市场','销售','数据分析师','创始人','投资人','HR']) with ordinality v
union all
select 'school', ordinality, v from unnest(array['清华大学','北京大学','复旦大学','浙江大学','上海交通大学','南京大学','武汉大学','中山大学','华中科技大学','四川大学']) with ordinality v
union all
select 'skill', ordinality, v from unnest(array['java','python','增长','用户研究','数据分析','ui设计','写作','短视频','私域运营','社群运营','项目管理','融资','sql','go','react','品牌','直播','投放','供应链','财务','法务','招聘','机器学习','kotlin','rust','摄影','演讲','英语','ppt','excel']) with ordinality v;

create temporary table bench_accounts as
with inserted as (
    insert into accounts (email, password_hash, display_name, failed_logins, created_at)
    select 'bench-' || md5(random()::text) || '-' || g || '@bench.invalid',
           '$2a$04$0000000000000000000000000000000000000000000000000000a', '成员' || g, 0, now()
    from generate_series(1, :members) g
    returning id
)
select id, row_number() over (order by id) as n from inserted;

insert into api_tokens (account_id, name, token_hash, token_prefix, created_at)
select id, 'bench', encode(sha256('shq_bench_token_for_load_runs_only'::bytea), 'hex'), 'shq_bench_to', now()
from bench_accounts where n = 1
on conflict do nothing;

create temporary table bench_communities as
with inserted as (
    insert into communities (slug, name, description, vision, community_values, mission, rules, visibility,
        member_cap, entry_policy, requires_real_name, requires_position, members_may_invite, owner_id, created_at, updated_at)
    select 'bench-' || substr(md5(random()::text), 1, 8) || '-' || c, '压测社群 ' || c, '', '', '', '', '', 'PUBLIC',
           100000, 'OPEN', false, false, false, (select id from bench_accounts where n = 1), now(), now()
    from generate_series(1, :communities) c
    returning id
)
select id, row_number() over (order by id) as n from inserted;

-- member k belongs to community ((k - 1) mod N) + 1; account 1 owns and belongs to every community
create temporary table bench_members as
select c.id as community_id, a.id as account_id, a.n,
       case when a.n = 1 then 'OWNER' else 'MEMBER' end as role,
       now() - (a.n || ' minutes')::interval as joined_at
from bench_accounts a join bench_communities c on c.n = ((a.n - 1) % :communities) + 1
union all
select c.id, a.id, a.n, 'OWNER', now() from bench_accounts a cross join bench_communities c where a.n = 1 and c.n > 1;

insert into memberships (community_id, account_id, role, joined_via, joined_at)
select community_id, account_id, role, 'OPEN', joined_at from bench_members;

insert into community_seats (community_id, members)
select community_id, count(*) from bench_members group by community_id;

insert into directory_entries (community_id, account_id, display_name, role, joined_at, city, industry, company,
    position, schools, skills, real_name_verified, position_verified)
select m.community_id, m.account_id, '成员' || m.n, m.role, m.joined_at,
       (select value from bench_values where kind = 'city' and pos = 1 + m.n % 12),
       (select value from bench_values where kind = 'industry' and pos = 1 + m.n % 10),
       (select value from bench_values where kind = 'company' and pos = 1 + (m.n / 7) % 16),
       (select value from bench_values where kind = 'position' and pos = 1 + (m.n / 3) % 10),
       (select value from bench_values where kind = 'school' and pos = 1 + (m.n / 11) % 10),
       (select string_agg(value, E'\n') from bench_values where kind = 'skill'
            and pos in (1 + m.n % 30, 1 + (m.n / 30) % 30, 1 + (m.n / 900) % 30)),
       m.n % 3 = 0, m.n % 5 = 0
from bench_members m;

insert into directory_tags (community_id, tag, account_id, joined_at)
select distinct e.community_id, t.tag, e.account_id, e.joined_at
from directory_entries e
join bench_members m on m.community_id = e.community_id and m.account_id = e.account_id
cross join lateral (
    values ('city:' || lower(e.city)), ('industry:' || lower(e.industry)), ('company:' || lower(e.company)),
           ('position:' || lower(e.position)), ('school:' || lower(e.schools)), ('role:' || lower(e.role))
    union all
    select 'skill:' || lower(s) from unnest(string_to_array(e.skills, E'\n')) s
) t(tag);
commit;
-- what autovacuum does on a live system: statistics, and the visibility map index-only scans rely on
vacuum analyze directory_entries;
vacuum analyze directory_tags;
vacuum analyze memberships;
select (select count(*) from directory_entries) as directory_entries, (select count(*) from directory_tags) as directory_tags;
select slug from communities where id = (select min(id) from bench_communities);
