-- API tokens shq_bench_member_1..32 for 32 ordinary members of community :'slug', who also join every other
-- community of the bench database, so a load run can sign in as 32 different people (bench/members.lua).
-- -v readers=N makes N of them instead (bench/checkout.sh: 2,000 buyers). Idempotent.
\set ON_ERROR_STOP on
\if :{?readers}
\else
\set readers 32
\endif
begin;
create temporary table bench_readers as
select account_id, n from (
    select m.account_id, row_number() over (order by m.account_id) as n
    from memberships m join communities c on c.id = m.community_id
    where c.slug = :'slug' and m.role = 'MEMBER') members
where n <= :readers;
insert into api_tokens (account_id, name, token_hash, token_prefix, created_at)
select account_id, 'bench', encode(sha256(('shq_bench_member_' || n)::bytea), 'hex'), 'shq_bench_me', now()
from bench_readers
on conflict do nothing;
insert into memberships (community_id, account_id, role, joined_via, joined_at)
select c.id, r.account_id, 'MEMBER', 'OPEN', now() from communities c cross join bench_readers r
on conflict do nothing;
commit;
