package org.shequn.identity;

import java.io.Serializable;
import java.security.Principal;
import org.shequn.shared.Viewer;

/**
 * The principal of a signed-in session or API token; stored in the database-backed session. Its name is the
 * account id: the session table keeps the principal's name in 100 characters, and without a name of its own
 * the record's {@code toString()} (with a 40-character display name) did not fit, so signing in failed.
 */
public record SignedInAccount(long accountId, String displayName, boolean operator)
        implements Viewer, Principal, Serializable {

    @Override
    public String getName() {
        return Long.toString(accountId);
    }
}
