-- commerce: a dispute decided with a refund is claimed first (status REFUNDED, refund_minor set), refunded at the
-- payment's channel outside the database transaction, and then recorded as an approved order_refunds row: refund_id
-- says it was recorded, so a decision interrupted between the channel and the record is finished once (and only
-- once) by the order clock. Disputes refunded before this column existed were recorded in one transaction: they
-- point at their refund row (0 where none can be matched, which still means "recorded").
alter table order_disputes add column refund_id bigint;
update order_disputes set refund_id = coalesce((select max(r.id) from order_refunds r
                                                where r.order_id = order_disputes.order_id and r.status = 'APPROVED'
                                                  and r.amount_minor = order_disputes.refund_minor), 0)
where status = 'REFUNDED';
