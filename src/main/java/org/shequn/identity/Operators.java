package org.shequn.identity;

import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Platform operators are the accounts named in {@code shequn.operators}; on an installation that names
 * none, the first account ever registered is the operator, so a fresh install can be run at all.
 */
@Component
class Operators {

    private final List<String> emails;
    private final AccountStore store;
    /** Once an installation has a first account it keeps it forever, so it is looked up only until found. */
    private volatile Long firstAccountId;

    Operators(@Value("${shequn.operators:}") List<String> emails, AccountStore store) {
        this.emails = emails.stream().map(e -> e.trim().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty()).toList();
        this.store = store;
    }

    boolean isOperator(long accountId, String email) {
        if (!emails.isEmpty()) {
            return emails.contains(email);
        }
        var first = firstAccountId;
        if (first == null) {
            first = store.firstAccountId().orElse(null);
            firstAccountId = first;
        }
        return first != null && first == accountId;
    }
}
