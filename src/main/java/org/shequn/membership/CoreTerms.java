package org.shequn.membership;

import java.time.OffsetDateTime;
import org.shequn.community.CommunityRole;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Core membership (骨干) for a term, as an election gives it: the role is the one the gate reads, with an end date
 * beside it. Only a plain member becomes a core member this way (an owner or admin keeps the stronger role; an
 * appointed core member keeps their open-ended seat); setting a role by hand drops the term. Runs inside the
 * caller's transaction, so an election's result and its seats are written together.
 */
@Service
public class CoreTerms {

    private final MembershipStore store;
    private final ApplicationEventPublisher events;

    CoreTerms(MembershipStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    /** True when the member is now a core member until {@code until}; false when they keep another role. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean grant(long communityId, long accountId, OffsetDateTime until, long byAccountId, OffsetDateTime now) {
        var before = store.role(communityId, accountId).orElse(null);
        if (store.grantCoreTerm(communityId, accountId, until) == 0) {
            return false;
        }
        if (before != CommunityRole.CORE) {
            events.publishEvent(new MemberRoleChanged(communityId, accountId, before, CommunityRole.CORE, byAccountId));
        }
        // the detail is the term's end as the audit page shows times: minutes, China time
        store.audit(communityId, byAccountId, accountId, "CORE_TERM", until.atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), now);
        return true;
    }

    /** True when the member's elected term had ended by {@code now} and they are a member again. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean end(long communityId, long accountId, OffsetDateTime now) {
        if (store.endCoreTerm(communityId, accountId, now) == 0) {
            return false;
        }
        events.publishEvent(new MemberRoleChanged(communityId, accountId, CommunityRole.CORE, CommunityRole.MEMBER, accountId));
        store.audit(communityId, null, accountId, "CORE_TERM_ENDED", null, now);
        return true;
    }
}
