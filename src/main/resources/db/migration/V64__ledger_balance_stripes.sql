-- Each account's cached balance in up to eight rows (stripes) that add up to it. A posting transaction adds to one
-- stripe picked at random, so payments of different orders seldom wait on one row of the clearing and fee accounts,
-- which every payment changes (ADR 11). The existing balances move to stripe 0.
create table ledger_balance_stripes (
    account_type  varchar(32) not null,
    owner_id      bigint      not null,
    currency      char(3)     not null,
    stripe        smallint    not null,
    balance_minor bigint      not null,
    primary key (account_type, owner_id, currency, stripe)
);
insert into ledger_balance_stripes (account_type, owner_id, currency, stripe, balance_minor)
select account_type, owner_id, currency, 0, balance_minor from ledger_balances;
drop table ledger_balances;
alter table ledger_balance_stripes rename to ledger_balances;
