-- insight (issue 13 point 8): what a buyer agreed at checkout to share with the merchant, stored with the order as
-- it was then. shares_tags is false unless the buyer chose to share; the shared_* columns stay null when false, so
-- nothing the buyer kept private is ever written.
alter table orders add column shares_tags boolean not null default false;
alter table orders add column shared_position varchar(60);
alter table orders add column shared_industry varchar(40);
alter table orders add column shared_city varchar(40);
alter table orders add column shared_education varchar(80);
alter table orders add column shared_verified boolean;
create index orders_shop_paid_ix on orders (shop_id, paid_at);
