package org.shequn.membership;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import org.shequn.community.CommunityInfo;
import org.shequn.community.EntryPolicy;
import org.shequn.shared.Rejection;
import org.shequn.shared.Validation;
import org.shequn.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Entry by approval: apply with answers to the owner's questions, withdraw, and the owner's or an
 * admin's decision. The rules are checked again when approving: the community may have filled up, or the
 * applicant may have been banned, since they applied.
 */
@Service
public class Applying {

    private final CommunityGate gate;
    private final Admission admission;
    private final ApplicationStore applications;
    private final MembershipStore store;
    private final Validation validation;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Joining joining;

    Applying(CommunityGate gate, Admission admission, ApplicationStore applications, MembershipStore store, Validation validation,
             ApplicationEventPublisher events, Clock clock, Joining joining) {
        this.joining = joining;
        this.gate = gate;
        this.admission = admission;
        this.applications = applications;
        this.store = store;
        this.validation = validation;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public long apply(Viewer viewer, String slug, ApplicationAnswers answers) {
        var community = gate.of(viewer, slug).requireSignedIn().community();
        validation.check(answers);
        var questions = community.questions();
        if (answers.list().size() != questions.size()) {
            throw Rejection.invalid("answers", "membership.apply.answerEach", questions.size());
        }
        Admission.checkWritable(community);
        if (community.entryPolicy() != EntryPolicy.APPROVAL) {
            throw Rejection.conflict("membership.apply.notByApproval");
        }
        int members = admission.lock(community);
        admission.checkMayEnter(community, viewer.accountId(), true);
        if (applications.pending(community.id(), viewer.accountId()).isPresent()) {
            throw Rejection.conflict("membership.apply.pendingExists");
        }
        Admission.checkSeat(community, members);
        var pairs = new ArrayList<ApplicationStore.Answer>();
        for (int i = 0; i < questions.size(); i++) {
            pairs.add(new ApplicationStore.Answer(questions.get(i), answers.list().get(i).strip()));
        }
        var now = now();
        long id = applications.insert(community.id(), viewer.accountId(), pairs, now);
        events.publishEvent(new ApplicationSubmitted(id, community.id(), viewer.accountId()));
        store.audit(community.id(), viewer.accountId(), viewer.accountId(), "APPLIED", null, now);
        return id;
    }

    @Transactional
    public void withdraw(Viewer viewer, String slug) {
        var standing = gate.of(viewer, slug).requireSignedIn();
        if (standing.banned()) {
            throw Rejection.forbidden("membership.banned");
        }
        var community = standing.community();
        Admission.checkWritable(community);
        admission.lock(community);
        var pending = applications.pending(community.id(), viewer.accountId())
                .orElseThrow(() -> Rejection.notFound("membership.apply.noPending"));
        var now = now();
        applications.decide(pending.id(), ApplicationStore.Status.WITHDRAWN, viewer.accountId(), null, now);
        store.audit(community.id(), viewer.accountId(), viewer.accountId(), "WITHDRAWN", null, now);
    }

    /** Returns the applicant's account. */
    @Transactional
    public long approve(Viewer viewer, String slug, long applicationId) {
        var community = runnable(viewer, slug);
        int members = admission.lock(community);
        var application = pendingIn(community, applicationId);
        admission.checkMayEnter(community, application.accountId(), false);
        Admission.checkSeat(community, members);
        var now = now();
        applications.decide(application.id(), ApplicationStore.Status.APPROVED, viewer.accountId(), null, now);
        events.publishEvent(new ApplicationDecided(application.id(), community.id(), application.accountId(), true, null));
        store.audit(community.id(), viewer.accountId(), application.accountId(), "APPROVED", null, now);
        if (joining.charges(community)) {
            // approved, awaiting payment: the entry module's checkout lets them in once they have paid
            return application.accountId();
        }
        admission.enrol(community, application.accountId(), JoinedVia.APPLICATION, null, null);
        return application.accountId();
    }

    /** Returns the applicant's account. */
    @Transactional
    public long reject(Viewer viewer, String slug, long applicationId, Rejecting rejecting) {
        var community = runnable(viewer, slug);
        validation.check(rejecting);
        admission.lock(community);
        var application = pendingIn(community, applicationId);
        var reason = rejecting.reason().strip();
        var now = now();
        applications.decide(application.id(), ApplicationStore.Status.REJECTED, viewer.accountId(), reason, now);
        events.publishEvent(new ApplicationDecided(application.id(), community.id(), application.accountId(), false, reason));
        store.audit(community.id(), viewer.accountId(), application.accountId(), "REJECTED", reason, now);
        return application.accountId();
    }

    /** The community, when the viewer decides its applications (see {@link Standing#requireAdmitter}) and it is not archived. */
    CommunityInfo runnable(Viewer viewer, String slug) {
        return gate.of(viewer, slug).requireAdmitter("membership.runnersOnly").requireWritable("membership.archived").community();
    }

    private ApplicationStore.ApplicationRow pendingIn(CommunityInfo community, long applicationId) {
        var application = applications.byId(applicationId).filter(a -> a.communityId() == community.id())
                .orElseThrow(() -> Rejection.notFound("membership.apply.notFound"));
        if (application.status() != ApplicationStore.Status.PENDING) {
            throw Rejection.conflict("membership.apply.alreadyDecided");
        }
        return application;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
