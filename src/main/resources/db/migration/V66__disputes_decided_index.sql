-- commerce: the operators' list of decided disputes pages latest first by (decided_at, id) keyset; without this index
-- each page would sort every decided dispute (the status index serves the undecided queue, by opened_at).
create index order_disputes_decided_ix on order_disputes (decided_at, id);
