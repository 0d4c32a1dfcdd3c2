-- Benchmark data for bench/checkout.sh's notification run: :count unpaid orders, copies of order :template (one the
-- checkout run made through the API, so the split is the app's own), each bought by one of the community's members
-- in turn, and each with a pending test-mode payment, as POST /api/v1/orders/{id}/payment would have started it.
-- :'set' names the batch ('w' warm-up, 'm' measured). The copies' stock is not taken: they only need paying.
-- Usage: psql -v template=42 -v count=50000 -v set=m -f generate-notifications.sql
\set ON_ERROR_STOP on
begin;
create temporary table bench_buyers as
select m.account_id, row_number() over (order by m.account_id) - 1 as n
from memberships m join orders o on o.community_id = m.community_id
where o.id = :template and m.role = 'MEMBER';

create temporary table bench_notify_orders as
with inserted as (
    insert into orders (buyer_account_id, community_id, shop_id, referrer_account_id, status, currency, total_minor,
                        commission_minor, referral_minor, platform_fee_minor, merchant_minor, address, idempotency_key,
                        request_hash, created_at, expires_at)
    select b.account_id, o.community_id, o.shop_id, 0, 'CREATED', o.currency, o.total_minor, o.commission_minor,
           o.referral_minor, o.platform_fee_minor, o.merchant_minor, o.address, 'bench-notify-' || :'set' || '-' || g,
           o.request_hash, now(), now() + interval '1 day'
    from orders o cross join generate_series(1, :count) g
    join bench_buyers b on b.n = g % (select count(*) from bench_buyers)
    where o.id = :template
    returning id, buyer_account_id, total_minor, currency
)
select * from inserted;

insert into order_lines (order_id, sku_id, product_id, title, attributes, unit_price_minor, quantity, commission_bp)
select n.id, l.sku_id, l.product_id, l.title, l.attributes, l.unit_price_minor, l.quantity, l.commission_bp
from bench_notify_orders n cross join order_lines l where l.order_id = :template;

insert into payments (trade_no, purpose, amount_minor, currency, channel, status, payer_account_id, description,
                      return_to, idempotency_key, created_at)
select 'BN' || :'set' || n.id, 'order:' || n.id, n.total_minor, n.currency, 'TEST', 'PENDING', n.buyer_account_id,
       '社群订单 #' || n.id, '/orders/' || n.id, 'bench-pay-' || n.id, now()
from bench_notify_orders n;
commit;
vacuum analyze orders;
vacuum analyze payments;
