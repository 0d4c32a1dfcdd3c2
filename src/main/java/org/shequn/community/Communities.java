package org.shequn.community;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The community module's API for other modules. */
public interface Communities {

    Optional<CommunityInfo> find(long communityId);

    Optional<CommunityInfo> findBySlug(String slug);

    Map<Long, CommunityInfo> findAll(Collection<Long> communityIds);

    /** The community's rules (群规) as Markdown, for showing them where people enter; empty when there is none. */
    String rules(long communityId);
}
