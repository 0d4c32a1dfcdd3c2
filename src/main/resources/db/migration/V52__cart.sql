-- A buyer's cart (购物车): lines per community store, each with the unit price the buyer saw when adding it, so a
-- price changed since is shown and confirmed before checkout; the member whose share link brought them, if any.
-- Like the rest of commerce, no foreign keys to other modules' tables.
create table cart_lines (
    account_id       bigint       not null,
    community_id     bigint       not null,
    sku_id           bigint       not null references skus (id) on delete cascade,
    quantity         integer      not null check (quantity between 1 and 99),
    seen_price_minor bigint       not null check (seen_price_minor >= 0),
    currency         char(3)      not null,
    referrer_id      bigint,
    added_at         timestamp with time zone not null,
    primary key (account_id, community_id, sku_id)
);
