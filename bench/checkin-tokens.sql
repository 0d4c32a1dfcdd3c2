-- API tokens shq_bench_member_1..N for every ordinary member of community :'slug' (N = all of them), so the
-- check-in peak signs in as as many different people as check in (bench/checkin.lua). Idempotent.
\set ON_ERROR_STOP on
begin;
insert into api_tokens (account_id, name, token_hash, token_prefix, created_at)
select account_id, 'bench', encode(sha256(('shq_bench_member_' || n)::bytea), 'hex'), 'shq_bench_me', now()
from (select m.account_id, row_number() over (order by m.account_id) as n
      from memberships m join communities c on c.id = m.community_id
      where c.slug = :'slug' and m.role = 'MEMBER') members
on conflict do nothing;
commit;
select count(*) as member_tokens from api_tokens where token_prefix = 'shq_bench_me';
