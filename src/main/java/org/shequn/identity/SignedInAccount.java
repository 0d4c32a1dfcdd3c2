package org.shequn.identity;

import java.io.Serializable;
import org.shequn.shared.Viewer;

/** The principal of a signed-in session or API token; stored in the database-backed session. */
public record SignedInAccount(long accountId, String displayName, boolean operator) implements Viewer, Serializable {
}
