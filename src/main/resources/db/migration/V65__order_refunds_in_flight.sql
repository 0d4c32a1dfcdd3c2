-- commerce: a merchant's refund approval is claimed (status APPROVING, decided_at set), refunded at the payment's
-- channel outside the database transaction, then recorded (APPROVED); the order clock looks each minute for claims
-- left APPROVING by an interrupted process, and a whole refund through a dispute closes a request still REQUESTED
-- (SUPERSEDED). Statuses stay varchar(16) without a check, as in V44.
create index order_refunds_status_ix on order_refunds (status, decided_at);
