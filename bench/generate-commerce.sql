-- Benchmark data for bench/checkout.sh, on top of generate.sql's community :'slug': account 1 of the run (its owner)
-- opens a shop selling :products virtual products (one SKU each, 19.90, :stock units each, 10% commission) and one
-- hot product of :hot_stock units (the flash sale); the community's store carries all of them. Written straight into
-- the tables the commerce module reads (the schema comes from the app's own migrations).
-- Usage: psql -v slug=bench-... -v products=10000 -v stock=1000 -v hot_stock=1000 -f generate-commerce.sql
-- Prints: first spread SKU id, last spread SKU id, hot SKU id.
\set ON_ERROR_STOP on
begin;
create temporary table bench_shop as
with inserted as (
    insert into shops (merchant_account_id, name, description, contact, settlement, created_at)
    select c.owner_id, '压测小店', '', 'bench@bench.invalid', '', now() from communities c where c.slug = :'slug'
    returning id
)
select id from inserted;

create temporary table bench_products as
with inserted as (
    insert into products (shop_id, title, description, category, tags, shipped, commission_bp, published, search_terms,
                          created_at, updated_at)
    select (select id from bench_shop), case when g <= :products then '压测课程 ' || g else '秒杀课程' end, '', '课程',
           '|课程|', false, 1000, true, '', now(), now()
    from generate_series(1, :products + 1) g
    order by g
    returning id
)
select id, row_number() over (order by id) as n from inserted;

insert into skus (product_id, attributes, price_minor, currency, stock, position)
select id, '', 1990, 'CNY', case when n <= :products then :stock else :hot_stock end, 0 from bench_products order by n;

insert into store_items (community_id, product_id, recommendation, added_by, added_at)
select c.id, p.id, '', c.owner_id, now() from communities c cross join bench_products p where c.slug = :'slug';
commit;
vacuum analyze skus;
vacuum analyze products;
vacuum analyze store_items;
select min(k.id) filter (where p.n <= :products), max(k.id) filter (where p.n <= :products),
       max(k.id) filter (where p.n > :products),
       count(*) filter (where p.n <= :products) = max(k.id) filter (where p.n <= :products) - min(k.id) filter (where p.n <= :products) + 1
from skus k join bench_products p on p.id = k.product_id;
