-- Kept answers are forgotten after a week (clients retry within minutes or hours); the expiry job deletes by age.
create index idempotency_keys_created_ix on idempotency_keys (created_at);
