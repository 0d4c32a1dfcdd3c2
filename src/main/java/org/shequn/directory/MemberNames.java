package org.shequn.directory;

import java.util.List;
import org.shequn.identity.AccountSummary;

/** The directory's API for other modules: finding a community's members by name (e.g. for @mentions). */
public interface MemberNames {

    /**
     * Members whose display name contains {@code text} (any case): those whose name starts with it first (a
     * Chinese name is typed from the family name, but people are also called by their given name), then
     * shorter names first; at most {@code limit}.
     */
    List<AccountSummary> matching(long communityId, String text, int limit);
}
