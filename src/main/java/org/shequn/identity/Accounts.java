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

    boolean isOperator(long accountId);

    void rename(long accountId, String displayName);
}
