package org.shequn.membership;

import java.util.Map;

/**
 * A community's sub-groups by id, in their order, with their names: what {@link Scopes} offers and checks. An
 * interface the subgroup module implements (it depends on modules that must not depend on it).
 */
public interface SubgroupCatalog {

    Map<Long, String> names(long communityId);

    /** The accounts in the community's sub-group {@code subgroupId}. */
    java.util.Set<Long> members(long communityId, long subgroupId);
}
