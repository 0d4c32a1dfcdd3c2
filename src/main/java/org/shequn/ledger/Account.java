package org.shequn.ledger;

import org.shequn.shared.Rejection;

/**
 * One ledger account: a type and its owner — a shop id for {@link AccountType#MERCHANT}, a community id for the
 * community accounts, an account id for {@link AccountType#REFERRER}, and 0 for the platform's own accounts.
 */
public record Account(AccountType type, long ownerId) {

    public static final Account CLEARING = new Account(AccountType.CLEARING, 0);
    public static final Account PLATFORM_FEE = new Account(AccountType.PLATFORM_FEE, 0);
    public static final Account PAYOUT = new Account(AccountType.PAYOUT, 0);
    public static final Account TO_REFUND = new Account(AccountType.TO_REFUND, 0);

    public Account {
        if (type == null) {
            throw Rejection.invalid("accountType", "ledger.account.invalid");
        }
        if (type.owned() ? ownerId <= 0 : ownerId != 0) {
            throw Rejection.invalid("ownerId", "ledger.account.invalid");
        }
    }

    public static Account merchant(long shopId) {
        return new Account(AccountType.MERCHANT, shopId);
    }

    public static Account communityCommission(long communityId) {
        return new Account(AccountType.COMMUNITY_COMMISSION, communityId);
    }

    public static Account communityEntry(long communityId) {
        return new Account(AccountType.COMMUNITY_ENTRY, communityId);
    }

    public static Account referrer(long accountId) {
        return new Account(AccountType.REFERRER, accountId);
    }

    /** "MERCHANT:5", as the operator's page and statements name an account. */
    @Override
    public String toString() {
        return type.name() + ":" + ownerId;
    }
}
