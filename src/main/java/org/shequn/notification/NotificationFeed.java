package org.shequn.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.shequn.community.Communities;
import org.shequn.identity.Accounts;
import org.shequn.identity.AccountSummary;
import org.shequn.membership.ApplicationDecided;
import org.shequn.membership.ApplicationSubmitted;
import org.shequn.membership.Memberships;
import org.shequn.profile.VerificationDecided;
import org.shequn.social.Followed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns other modules' events into notifications. Each listener runs after the publishing transaction
 * committed, in its own transaction, and is retried from the outbox until it completes; the source key
 * keeps a retried event from notifying twice.
 */
@Component
class NotificationFeed {

    private final NotificationStore store;
    private final Communities communities;
    private final Memberships memberships;
    private final Accounts accounts;
    private final Clock clock;

    NotificationFeed(NotificationStore store, Communities communities, Memberships memberships, Accounts accounts,
                     Clock clock) {
        this.store = store;
        this.communities = communities;
        this.memberships = memberships;
        this.accounts = accounts;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ApplicationDecided decided) {
        var community = communities.find(decided.communityId()).orElse(null);
        if (community == null) {
            return;
        }
        add(new NotificationStore.NewNotification(decided.accountId(),
                decided.approved() ? Kind.APPLICATION_APPROVED.name() : Kind.APPLICATION_REJECTED.name(),
                community.slug(), community.name(), null, null, decided.reason(),
                "application-decided:" + decided.applicationId()));
    }

    @ApplicationModuleListener
    void on(ApplicationSubmitted submitted) {
        var community = communities.find(submitted.communityId()).orElse(null);
        if (community == null) {
            return;
        }
        var applicant = name(submitted.accountId());
        for (long reviewer : memberships.runnersOf(submitted.communityId())) {
            add(new NotificationStore.NewNotification(reviewer, Kind.APPLICATION_SUBMITTED.name(), community.slug(),
                    community.name(), submitted.accountId(), applicant, null,
                    "application-submitted:" + submitted.applicationId() + ":" + reviewer));
        }
    }

    @ApplicationModuleListener
    void on(VerificationDecided decided) {
        add(new NotificationStore.NewNotification(decided.accountId(),
                (decided.approved() ? "VERIFICATION_APPROVED_" : "VERIFICATION_REJECTED_") + decided.kind().name(),
                null, null, null, null, decided.reason(), "verification-decided:" + decided.requestId()));
    }

    @ApplicationModuleListener
    void on(Followed followed) {
        // following again after unfollowing may notify again: no source key
        add(new NotificationStore.NewNotification(followed.followeeId(),
                followed.nowFriends() ? Kind.FRIENDED.name() : Kind.FOLLOWED.name(), null, null,
                followed.followerId(), name(followed.followerId()), null, null));
    }

    private String name(long accountId) {
        return accounts.find(accountId).map(AccountSummary::displayName).orElse("?");
    }

    private void add(NotificationStore.NewNotification notification) {
        store.insert(notification, OffsetDateTime.now(clock));
    }
}
