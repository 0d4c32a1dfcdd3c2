package org.shequn.ledger;

/**
 * The kinds of ledger account. {@link #CLEARING} holds what buyers paid until it is owed onwards; the credit accounts
 * ({@link #MERCHANT}, {@link #COMMUNITY_COMMISSION}, {@link #COMMUNITY_ENTRY}, {@link #REFERRER}, {@link #PLATFORM_FEE})
 * say what the platform owes whom; {@link #PAYOUT} is the money that left the platform to an owner or merchant;
 * {@link #TO_REFUND} (待退款) holds money that reached the platform for something that could not take it (an order that
 * had expired, an entry that was refused, a wrong amount) until it has gone back to the payer: never settled or paid out.
 */
public enum AccountType {
    CLEARING, MERCHANT, COMMUNITY_COMMISSION, COMMUNITY_ENTRY, REFERRER, PLATFORM_FEE, PAYOUT, TO_REFUND;

    /** The platform's own accounts have no owner (owner id 0); the others belong to a shop, community or account. */
    public boolean owned() {
        return this != CLEARING && this != PLATFORM_FEE && this != PAYOUT && this != TO_REFUND;
    }

    /**
     * Accounts whose amounts wait for settlement and can be paid out; clearing and payout are the money's way in and
     * out, and what is to be refunded goes back to its payer, never to an owner or merchant.
     */
    public boolean settles() {
        return this != CLEARING && this != PAYOUT && this != TO_REFUND;
    }

    /** Accounts that say what the platform owes (credit accounts): their balances are shown as the entries negated. */
    public boolean credit() {
        return settles() || this == TO_REFUND;
    }
}
