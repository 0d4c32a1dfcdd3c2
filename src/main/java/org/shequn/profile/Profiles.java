package org.shequn.profile;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The profile module's API for other modules. */
public interface Profiles {

    /** Empty when there is no such account. */
    Optional<ProfileCard> find(long accountId);

    /** Cards for the given accounts (missing ids are left out), in one query. */
    Map<Long, ProfileCard> findAll(Collection<Long> accountIds);
}
