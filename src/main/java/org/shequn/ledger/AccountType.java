package org.shequn.ledger;

/**
 * The kinds of ledger account. {@link #CLEARING} holds what buyers paid until it is owed onwards; the credit accounts
 * ({@link #MERCHANT}, {@link #COMMUNITY_COMMISSION}, {@link #COMMUNITY_ENTRY}, {@link #REFERRER}, {@link #PLATFORM_FEE})
 * say what the platform owes whom; {@link #PAYOUT} is the money that left the platform to an owner or merchant.
 */
public enum AccountType {
    CLEARING, MERCHANT, COMMUNITY_COMMISSION, COMMUNITY_ENTRY, REFERRER, PLATFORM_FEE, PAYOUT;

    /** The platform's own accounts have no owner (owner id 0); the others belong to a shop, community or account. */
    public boolean owned() {
        return this != CLEARING && this != PLATFORM_FEE && this != PAYOUT;
    }

    /** Accounts whose amounts wait for settlement and can be paid out; clearing and payout are the money's way in and out. */
    public boolean settles() {
        return this != CLEARING && this != PAYOUT;
    }
}
