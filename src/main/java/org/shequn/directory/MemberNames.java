package org.shequn.directory;

import java.util.List;
import org.shequn.identity.AccountSummary;

/** The directory's API for other modules: finding a community's members by name (e.g. for @mentions). */
public interface MemberNames {

    /** Members whose display name starts with {@code prefix} (any case), shortest names first; at most {@code limit}. */
    List<AccountSummary> startingWith(long communityId, String prefix, int limit);
}
