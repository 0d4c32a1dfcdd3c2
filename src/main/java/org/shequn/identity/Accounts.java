package org.shequn.identity;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The identity module's API for other modules. */
public interface Accounts {

    Optional<AccountSummary> find(long accountId);

    Map<Long, AccountSummary> findAll(Collection<Long> accountIds);

    /** Finds an account by its email, for features that address people by email (e.g. ownership transfer). */
    Optional<AccountSummary> findByEmail(String email);

    /** Where to send someone mail (notifications, digests); empty for accounts registered by phone only. */
    Optional<String> email(long accountId);

    boolean isOperator(long accountId);

    void rename(long accountId, String displayName);
}
