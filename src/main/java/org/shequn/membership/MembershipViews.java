package org.shequn.membership;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.shequn.community.Communities;
import org.shequn.community.CommunityInfo;
import org.shequn.community.CommunityRole;
import org.shequn.identity.Accounts;
import org.shequn.identity.AccountSummary;
import org.shequn.membership.view.AnswerView;
import org.shequn.membership.view.ApplicationView;
import org.shequn.membership.view.ApplyPage;
import org.shequn.membership.view.AuditEntry;
import org.shequn.membership.view.BanView;
import org.shequn.membership.view.CommunityHeader;
import org.shequn.membership.view.InvitationView;
import org.shequn.membership.view.ManagePage;
import org.shequn.membership.view.MemberView;
import org.shequn.membership.view.MyCommunities;
import org.shequn.shared.Cursor;
import org.shequn.profile.ProfileCard;
import org.shequn.profile.Profiles;
import org.shequn.shared.Page;
import org.shequn.shared.PublicUrls;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.text.Markdown;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** What the membership pages and the API show; reads only, with who-may-see checks. */
@Component
public class MembershipViews {

    static final int PAGE_SIZE = 50;
    static final int MEMBER_LIMIT = 500;

    private final CommunityGate gate;
    private final Joining joining;
    private final MembershipStore store;
    private final ApplicationStore applications;
    private final Communities communities;
    private final Accounts accounts;
    private final Markdown markdown;
    private final Clock clock;

    MembershipViews(CommunityGate gate, Joining joining, MembershipStore store, ApplicationStore applications,
                    Communities communities, Accounts accounts, Markdown markdown, Clock clock, PublicUrls urls,
                    ObjectProvider<Profiles> profiles) {
        this.urls = urls;
        this.profiles = profiles;
        this.gate = gate;
        this.joining = joining;
        this.store = store;
        this.applications = applications;
        this.communities = communities;
        this.accounts = accounts;
        this.markdown = markdown;
        this.clock = clock;
    }

    private final PublicUrls urls;
    // as in Admission: read through a provider, so membership's slice tests run without the profile module
    private final ObjectProvider<Profiles> profiles;

    public CommunityHeader header(CommunityInfo c) {
        return new CommunityHeader(c.id(), c.slug(), c.name(), c.description(), store.count(c.id()), c.memberCap(),
                c.entryPolicy().name(), c.requiresRealName(), c.requiresPosition(), c.membersMayInvite(), c.archived(),
                c.questions(), c.coverUrl());
    }

    /** The rules (群规) as safe HTML, for pages where people decide whether to come in; blank when there are none. */
    public String rulesHtml(CommunityInfo c) {
        return markdown.toSafeHtml(communities.rules(c.id()));
    }

    /** The community anyone may open (the invitation landing), with the viewer's role in it if any. */
    public Standing visit(Viewer viewer, String slug) {
        return gate.of(viewer, slug).requireCommunity();
    }

    public static String roleName(Standing standing) {
        return standing.role().map(Enum::name).orElse(null);
    }

    public ApplyPage applyPage(Viewer viewer, String slug) {
        var standing = gate.of(viewer, slug).requireSignedIn();
        var community = standing.community();
        var latest = applications.latest(community.id(), viewer.accountId())
                .map(a -> applicationViews(List.of(a)).getFirst()).orElse(null);
        return new ApplyPage(header(community), markdown.toSafeHtml(communities.rules(community.id())),
                roleName(standing), latest);
    }

    /** Owner and admins only. */
    public CommunityInfo runnable(Viewer viewer, String slug) {
        return gate.of(viewer, slug).requireRunner().community();
    }

    public Page<ApplicationView> applications(Viewer viewer, String slug, String status, String cursor) {
        return applications(gate.of(viewer, slug).requireAdmitter("membership.runnersOnly").community(), status, cursor);
    }

    private Page<ApplicationView> applications(CommunityInfo community, String status, String cursor) {
        ApplicationStore.Status wanted;
        try {
            wanted = status == null || status.isBlank() ? ApplicationStore.Status.PENDING
                    : ApplicationStore.Status.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("status", "membership.apply.badStatus");
        }
        var after = Cursor.decode(cursor);
        var rows = applications.queue(community.id(), wanted, after == null ? 0 : after.id(), PAGE_SIZE + 1);
        boolean more = rows.size() > PAGE_SIZE;
        var page = more ? rows.subList(0, PAGE_SIZE) : rows;
        var next = more ? new Cursor("a", page.getLast().id()).encode() : null;
        return new Page<>(applicationViews(page), next);
    }

    public ManagePage managePage(Viewer viewer, String slug) {
        var runner = gate.of(viewer, slug).requireRunner();
        var community = runner.community();
        var queue = applications(community, "PENDING", null);
        var memberRows = store.members(community.id(), MEMBER_LIMIT);
        var banRows = store.bans(community.id(), MEMBER_LIMIT);
        var ids = new HashSet<Long>();
        memberRows.forEach(m -> {
            ids.add(m.accountId());
            if (m.invitedBy() != null) {
                ids.add(m.invitedBy());
            }
        });
        banRows.forEach(b -> {
            ids.add(b.accountId());
            ids.add(b.bannedBy());
        });
        var names = accounts.findAll(ids);
        var members = memberRows.stream().map(m -> new MemberView(m.accountId(), name(names, m.accountId()),
                m.role().name(), m.joinedVia(), m.invitedBy(), m.invitedBy() == null ? null : name(names, m.invitedBy()),
                m.joinedAt())).toList();
        var bans = banRows.stream().map(b -> new BanView(b.accountId(), name(names, b.accountId()), b.reason(),
                name(names, b.bannedBy()), b.createdAt())).toList();
        return new ManagePage(header(community), roleName(runner), queue.items(), queue.next(), members, bans);
    }

    public Page<AuditEntry> audit(Viewer viewer, String slug, String cursor) {
        var community = runnable(viewer, slug);
        var before = Cursor.decode(cursor);
        var rows = store.auditTrail(community.id(), before == null ? null : before.id(), PAGE_SIZE + 1);
        boolean more = rows.size() > PAGE_SIZE;
        var page = more ? rows.subList(0, PAGE_SIZE) : rows;
        var ids = page.stream().flatMap(r -> Stream.of(r.actorId(), r.subjectId())).filter(Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet());
        var names = accounts.findAll(ids);
        var entries = page.stream().map(r -> new AuditEntry(r.id(), r.actorId(),
                r.actorId() == null ? null : name(names, r.actorId()), r.subjectId(),
                r.subjectId() == null ? null : name(names, r.subjectId()), r.action(), r.detail(), r.createdAt())).toList();
        return new Page<>(entries, more ? new Cursor("a", page.getLast().id()).encode() : null);
    }

    public MyCommunities mine(Viewer viewer) {
        Viewer.require(viewer);
        var memberships = store.mine(viewer.accountId());
        var pending = applications.pendingOf(viewer.accountId());
        Set<Long> ids = new HashSet<>();
        memberships.forEach(m -> ids.add(m.communityId()));
        pending.forEach(p -> ids.add(p.communityId()));
        var infos = communities.findAll(ids);
        var mine = memberships.stream().filter(m -> infos.containsKey(m.communityId()))
                .map(m -> new MyCommunities.Membership(infos.get(m.communityId()).slug(), infos.get(m.communityId()).name(),
                        m.role().name(), m.joinedAt())).toList();
        var waiting = pending.stream().filter(p -> infos.containsKey(p.communityId()))
                .map(p -> new MyCommunities.PendingApplication(p.id(), infos.get(p.communityId()).slug(),
                        infos.get(p.communityId()).name(), p.createdAt())).toList();
        return new MyCommunities(mine, waiting);
    }

    /** Who made the invitation behind a code, for its landing page; refuses a code that cannot be used (any more). */
    public String inviterName(CommunityInfo community, String code) {
        return invitationView(community, joining.usable(community, code)).creatorName();
    }

    List<InvitationView> invitationViews(CommunityInfo community, List<InvitationStore.InvitationRow> rows) {
        var names = accounts.findAll(rows.stream().map(InvitationStore.InvitationRow::createdBy).toList());
        var now = OffsetDateTime.now(clock);
        return rows.stream().map(i -> invitationView(community, i, names, now, urls)).toList();
    }

    InvitationView invitationView(CommunityInfo community, InvitationStore.InvitationRow i) {
        return invitationViews(community, List.of(i)).getFirst();
    }

    private static InvitationView invitationView(CommunityInfo community, InvitationStore.InvitationRow i,
                                                 Map<Long, AccountSummary> names, OffsetDateTime now, PublicUrls urls) {
        return new InvitationView(i.id(), i.code(), urls.of("/c/" + community.slug() + "/join?code=" + i.code()), i.createdBy(),
                name(names, i.createdBy()), i.createdAt(), i.expiresAt(), i.maxUses(), i.uses(),
                InvitationState.of(i, now).name());
    }

    private static ApplicationView.Applicant applicant(ProfileCard card) {
        return card == null ? ApplicationView.Applicant.UNKNOWN : new ApplicationView.Applicant(card.avatarUrl(),
                orEmpty(card.position()), orEmpty(card.company()), orEmpty(card.city()), card.realNameVerified(),
                card.positionVerified());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    List<ApplicationView> applicationViews(List<ApplicationStore.ApplicationRow> rows) {
        var ids = rows.stream().map(ApplicationStore.ApplicationRow::id).toList();
        var answers = applications.answers(ids);
        var applicants = rows.stream().map(ApplicationStore.ApplicationRow::accountId).toList();
        var names = accounts.findAll(applicants);
        var source = profiles.getIfAvailable();
        var cards = source == null || applicants.isEmpty() ? Map.<Long, ProfileCard>of() : source.findAll(applicants);
        return rows.stream().map(a -> new ApplicationView(a.id(), a.accountId(), name(names, a.accountId()),
                a.status().name(), a.createdAt(),
                answers.getOrDefault(a.id(), List.of()).stream().map(x -> new AnswerView(x.question(), x.answer())).toList(),
                a.reason(), a.decidedAt(), applicant(cards.get(a.accountId())))).toList();
    }

    static String name(Map<Long, AccountSummary> names, long id) {
        var summary = names.get(id);
        return summary == null ? "?" : summary.displayName();
    }

    static boolean runs(CommunityRole role) {
        return role != null && role.runsCommunity();
    }
}
