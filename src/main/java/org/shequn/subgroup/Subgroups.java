package org.shequn.subgroup;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.shequn.directory.CommunityMembers;
import org.shequn.identity.AccountSummary;
import org.shequn.identity.Accounts;
import org.shequn.interaction.Interactions;
import org.shequn.membership.CommunityGate;
import org.shequn.membership.MemberLeft;
import org.shequn.membership.Memberships;
import org.shequn.membership.Scope;
import org.shequn.membership.Standing;
import org.shequn.content.ContentReader;
import org.shequn.content.GroupFeed;
import org.shequn.subgroup.view.ScopedItem;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.text.ControlCharacters;
import org.shequn.subgroup.view.SplitProposal;
import org.shequn.subgroup.view.SubgroupCard;
import org.shequn.subgroup.view.SubgroupMember;
import org.shequn.subgroup.view.SubgroupPage;
import org.shequn.subgroup.view.SubgroupsPage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sub-groups (分群): runners create them and move members in and out, or split the whole community automatically
 * (a proposal first, applied as adjusted). A member is in at most one of a community's sub-groups. When the
 * community goes by sub-group, a group's leader also adds and removes its members. A leader who leaves the community
 * leaves the group leaderless, and the owner is asked to hand it over.
 */
@Service
public class Subgroups {

    static final int NAME_MAX = 40;
    static final int BASIS_MAX = 40;
    static final int MAX_GROUPS = 200;
    /** Who counts as active for a split: interactions in this long. */
    static final Duration ACTIVE_WINDOW = Duration.ofDays(90);

    private final CommunityGate gate;
    private final Memberships memberships;
    private final CommunityMembers directory;
    private final Interactions interactions;
    private final Accounts accounts;
    private final SubgroupStore store;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;
    private final ContentReader content;
    private final org.shequn.checkin.Challenges challenges;
    private final org.shequn.event.Events groupEvents;
    private final org.shequn.voting.Polls polls;
    private final org.shequn.voting.Elections elections;

    Subgroups(CommunityGate gate, Memberships memberships, CommunityMembers directory, Interactions interactions,
              Accounts accounts, SubgroupStore store, ApplicationEventPublisher events, MessageSource messages,
              Clock clock, ContentReader content, org.shequn.checkin.Challenges challenges,
              org.shequn.event.Events groupEvents, org.shequn.voting.Polls polls, org.shequn.voting.Elections elections) {
        this.polls = polls;
        this.elections = elections;
        this.content = content;
        this.challenges = challenges;
        this.groupEvents = groupEvents;
        this.accounts = accounts;
        this.gate = gate;
        this.memberships = memberships;
        this.directory = directory;
        this.interactions = interactions;
        this.store = store;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    public SubgroupsPage list(Viewer viewer, String slug) {
        var standing = gate.of(viewer, slug).requireMember("subgroup.membersOnly");
        var rows = store.all(standing.communityId());
        var names = names(standing.communityId());
        var mine = store.groupOf(standing.communityId(), standing.accountId()).orElse(-1L);
        int grouped = rows.stream().mapToInt(SubgroupStore.Row::members).sum();
        return new SubgroupsPage(slug, standing.community().name(), standing.runs(), standing.owner(),
                standing.community().governance().name(),
                rows.stream().map(r -> card(r, names, mine)).toList(), names.size(), Math.max(0, names.size() - grouped));
    }

    public SubgroupPage view(Viewer viewer, String slug, long id) {
        var standing = gate.of(viewer, slug).requireMember("subgroup.membersOnly");
        var row = group(standing, id);
        var everyone = roster(standing.communityId());
        var byId = everyone.stream().collect(Collectors.toMap(CommunityMembers.Member::accountId, Function.identity()));
        var seats = store.members(id);
        var inGroup = seats.stream().map(SubgroupStore.Seat::accountId).collect(Collectors.toSet());
        var members = seats.stream().filter(s -> byId.containsKey(s.accountId()))
                .map(s -> member(byId.get(s.accountId()), row.leaderId())).toList();
        boolean manages = manages(standing, row);
        var addable = new ArrayList<SubgroupMember>();
        if (manages) {
            var groupedElsewhere = store.groupedOutside(standing.communityId(), id);
            everyone.stream().filter(m -> !inGroup.contains(m.accountId()))
                    .filter(m -> standing.runs() || !groupedElsewhere.contains(m.accountId()))
                    .forEach(m -> addable.add(member(m, null)));
        }
        var names = everyone.stream().collect(Collectors.toMap(CommunityMembers.Member::accountId,
                CommunityMembers.Member::displayName));
        boolean sees = standing.sees(Scope.of(id));
        boolean writable = !standing.community().archived();
        return new SubgroupPage(slug, standing.community().name(), standing.runs(),
                card(row, names, inGroup.contains(standing.accountId()) ? id : -1), members, manages, addable, sees,
                sees ? content.groupFeed(viewer, slug, id, null) : null, sees ? scoped(viewer, slug, id) : List.of(),
                writable && (standing.runs() || Scope.of(id).ledBy(standing)), writable && standing.runs());
    }

    /**
     * A sub-group's leader election was counted: its winner leads the group now, unless they left the group (or the
     * group was deleted) since its roll was fixed; then the group keeps the leader it has, and the runners hand it
     * over by hand, and the owner is told so ({@link SubgroupWinnerGone}). The previous leader stays in the group as a
     * member. In the count's transaction.
     */
    @EventListener
    void on(org.shequn.voting.GroupLeaderElected elected) {
        store.byId(elected.communityId(), elected.subgroupId()).ifPresent(g -> {
            if (store.groupOf(elected.communityId(), elected.accountId()).filter(in -> in == g.id()).isPresent()) {
                store.setLeader(g.id(), elected.accountId());
            } else {
                events.publishEvent(new SubgroupWinnerGone(elected.communityId(), g.id(), g.name(), elected.accountId()));
            }
        });
    }

    /** A sub-group's own feed, one page after {@code cursor}: its members and the runners only (404 for others). */
    public GroupFeed feed(Viewer viewer, String slug, long id, String cursor) {
        var standing = gate.of(viewer, slug).requireMember("subgroup.membersOnly");
        group(standing, id);
        return content.groupFeed(viewer, slug, id, cursor);
    }

    /** What else is scoped to the group: its challenges, events, polls and elections, for its page. */
    private List<ScopedItem> scoped(Viewer viewer, String slug, long id) {
        var items = new ArrayList<ScopedItem>();
        challenges.ofSubgroup(viewer, slug, id).forEach(c -> items.add(new ScopedItem("checkin", c.title(), c.href())));
        groupEvents.ofSubgroup(viewer, slug, id).forEach(e -> items.add(new ScopedItem("event", e.title(), e.href())));
        polls.ofSubgroup(viewer, slug, id).forEach(p -> items.add(new ScopedItem("poll", p.title(), p.href())));
        elections.ofSubgroup(viewer, slug, id).forEach(e -> items.add(new ScopedItem("election", e.title(), e.href())));
        return items;
    }

    @Transactional
    public SubgroupCard create(Viewer viewer, String slug, SubgroupDraft draft) {
        var standing = runner(viewer, slug);
        var checked = check(draft);
        if (store.all(standing.communityId()).size() >= MAX_GROUPS) {
            throw Rejection.conflict("subgroup.tooMany", MAX_GROUPS);
        }
        taken(standing.communityId(), checked.name(), -1);
        long id = store.insert(standing.communityId(), checked.name(), checked.basis(), checked.cap(),
                standing.accountId(), now());
        if (checked.leaderId() != null) {
            lead(standing, id, checked.leaderId());
        }
        return card(group(standing, id), names(standing.communityId()), -1);
    }

    @Transactional
    public SubgroupCard update(Viewer viewer, String slug, long id, SubgroupDraft draft) {
        var standing = runner(viewer, slug);
        var row = group(standing, id);
        var checked = check(draft);
        taken(standing.communityId(), checked.name(), id);
        if (checked.cap() != null && checked.cap() < row.members()) {
            throw Rejection.invalid("cap", "subgroup.cap.belowMembers", row.members());
        }
        store.update(id, checked.name(), checked.basis(), checked.cap());
        if (checked.leaderId() != null && !checked.leaderId().equals(row.leaderId())) {
            lead(standing, id, checked.leaderId());
        }
        return card(group(standing, id), names(standing.communityId()), -1);
    }

    @Transactional
    public void delete(Viewer viewer, String slug, long id) {
        var standing = runner(viewer, slug);
        group(standing, id);
        store.delete(id);
    }

    /** Puts a member in the group (out of another, which only runners may do); the cap holds. */
    @Transactional
    public SubgroupPage add(Viewer viewer, String slug, long id, Long accountId) {
        var standing = manager(viewer, slug);
        var row = group(standing, id);
        if (!manages(standing, row)) {
            throw Rejection.forbidden("subgroup.runnersOnly");
        }
        standing.requireWritable();
        long member = member(standing, accountId);
        var current = store.groupOf(standing.communityId(), member);
        if (current.isPresent() && current.get() == id) {
            throw Rejection.conflict("subgroup.member.already");
        }
        if (current.isPresent() && !standing.runs()) {
            throw Rejection.forbidden("subgroup.member.elsewhere");
        }
        if (row.cap() != null && row.members() >= row.cap()) {
            throw Rejection.conflict("subgroup.full", row.cap());
        }
        current.ifPresent(other -> leaveLeadership(standing.communityId(), other, member));
        store.place(standing.communityId(), member, id, now());
        return view(viewer, slug, id);
    }

    @Transactional
    public SubgroupPage remove(Viewer viewer, String slug, long id, long accountId) {
        var standing = manager(viewer, slug);
        var row = group(standing, id);
        if (!manages(standing, row)) {
            throw Rejection.forbidden("subgroup.runnersOnly");
        }
        standing.requireWritable();
        if (store.groupOf(standing.communityId(), accountId).filter(g -> g == id).isEmpty()) {
            throw Rejection.notFound("subgroup.member.notIn");
        }
        store.remove(standing.communityId(), accountId);
        leaveLeadership(standing.communityId(), id, accountId);
        return view(viewer, slug, id);
    }

    /** The proposal of an automatic split into groups of {@code size}, by {@code basis}; nothing is written. */
    public SplitProposal propose(Viewer viewer, String slug, Integer size, String basis) {
        var standing = gate.of(viewer, slug).requireRunner("subgroup.runnersOnly");
        SplitBasis by = basis(basis);
        var everyone = roster(standing.communityId());
        var activity = interactions.activity(standing.communityId(), now().minus(ACTIVE_WINDOW));
        var plan = SplitPlan.of(everyone.stream().map(m -> new SplitPlan.Candidate(m.accountId(), m.displayName(),
                key(m, by), activity.getOrDefault(m.accountId(), 0))).toList(), size, by);
        var byId = everyone.stream().collect(Collectors.toMap(CommunityMembers.Member::accountId, Function.identity()));
        var groups = new ArrayList<SplitProposal.ProposedGroup>();
        var used = new HashMap<String, Integer>();
        for (int i = 0; i < plan.groups().size(); i++) {
            var g = plan.groups().get(i);
            var name = g.name().isEmpty() ? text("subgroup.split.numbered", i + 1) : g.name();
            int seen = used.merge(name, 1, Integer::sum);
            groups.add(new SplitProposal.ProposedGroup(i, seen > 1 ? name + " " + seen : name, g.leader().accountId(),
                    g.members().stream().map(c -> member(byId.get(c.accountId()), g.leader().accountId())).toList()));
        }
        return new SplitProposal(slug, standing.community().name(), by.name(), plan.size(),
                store.all(standing.communityId()).size(), groups);
    }

    /** Replaces the community's sub-groups with the (adjusted) split, in one transaction. */
    @Transactional
    public SubgroupsPage apply(Viewer viewer, String slug, SplitApplication application) {
        var standing = runner(viewer, slug);
        if (application == null || application.groups() == null || application.groups().isEmpty()
                || application.groups().size() > MAX_GROUPS) {
            throw Rejection.invalid("groups", "subgroup.split.groups", MAX_GROUPS);
        }
        var members = roster(standing.communityId()).stream().map(CommunityMembers.Member::accountId)
                .collect(Collectors.toSet());
        var placed = new HashSet<Long>();
        var names = new HashSet<String>();
        for (int i = 0; i < application.groups().size(); i++) {
            var g = application.groups().get(i);
            var name = name(g.name(), "groups[" + i + "].name");
            if (!names.add(name)) {
                throw Rejection.invalid("groups[" + i + "].name", "subgroup.nameTaken");
            }
            var ids = g.memberIds() == null ? List.<Long>of() : g.memberIds();
            for (var id : ids) {
                if (id == null || !members.contains(id)) {
                    throw Rejection.invalid("groups[" + i + "].memberIds", "subgroup.member.notMember");
                }
                if (!placed.add(id)) {
                    throw Rejection.invalid("groups[" + i + "].memberIds", "subgroup.split.twice");
                }
            }
            if (g.leaderId() != null && !ids.contains(g.leaderId())) {
                throw Rejection.invalid("groups[" + i + "].leaderId", "subgroup.leader.notInGroup");
            }
        }
        store.deleteAll(standing.communityId());
        var now = now();
        for (var g : application.groups()) {
            long id = store.insert(standing.communityId(), g.name().strip(), "", null, standing.accountId(), now);
            for (var member : g.memberIds() == null ? List.<Long>of() : g.memberIds()) {
                store.place(standing.communityId(), member, id, now);
            }
            store.setLeader(id, g.leaderId());
        }
        return list(viewer, slug);
    }

    /** A member who leaves the community leaves their sub-group; a leaving leader's group asks for a new one. */
    @EventListener
    void on(MemberLeft left) {
        store.groupOf(left.communityId(), left.accountId()).ifPresent(group -> {
            store.remove(left.communityId(), left.accountId());
            leaveLeadership(left.communityId(), group, left.accountId());
        });
    }

    private void leaveLeadership(long communityId, long groupId, long accountId) {
        store.byId(communityId, groupId).filter(g -> Long.valueOf(accountId).equals(g.leaderId())).ifPresent(g -> {
            store.setLeader(g.id(), null);
            events.publishEvent(new SubgroupLeaderLeft(communityId, g.id(), g.name(), accountId));
        });
    }

    private void lead(Standing standing, long id, long leaderId) {
        long leader = member(standing, leaderId);
        var current = store.groupOf(standing.communityId(), leader);
        if (current.isEmpty() || current.get() != id) {
            current.ifPresent(other -> leaveLeadership(standing.communityId(), other, leader));
            store.place(standing.communityId(), leader, id, now());
        }
        store.setLeader(id, leader);
    }

    private boolean manages(Standing standing, SubgroupStore.Row row) {
        return standing.runs() || (standing.community().governance().leadersRunGroups()
                && Long.valueOf(standing.accountId()).equals(row.leaderId()));
    }

    /** A runner is refused in an archived community before any group is looked up; a leader once it is known. */
    private Standing manager(Viewer viewer, String slug) {
        var standing = gate.of(viewer, slug).requireMember("subgroup.membersOnly");
        return standing.runs() ? standing.requireWritable() : standing;
    }

    private Standing runner(Viewer viewer, String slug) {
        return gate.of(viewer, slug).requireRunner("subgroup.runnersOnly").requireWritable();
    }

    private SubgroupStore.Row group(Standing standing, long id) {
        return store.byId(standing.communityId(), id).orElseThrow(() -> Rejection.notFound("subgroup.notFound"));
    }

    private long member(Standing standing, Long accountId) {
        if (accountId == null) {
            throw Rejection.invalid("accountId", "validation.required");
        }
        if (memberships.roleOf(standing.communityId(), accountId).isEmpty()) {
            throw Rejection.invalid("accountId", "subgroup.member.notMember");
        }
        return accountId;
    }

    private void taken(long communityId, String name, long exceptId) {
        if (store.all(communityId).stream().anyMatch(g -> g.id() != exceptId && g.name().equals(name))) {
            throw Rejection.conflictOn("name", "subgroup.nameTaken");
        }
    }

    private static SubgroupDraft check(SubgroupDraft draft) {
        if (draft == null) {
            throw Rejection.invalid("name", "validation.required");
        }
        var name = name(draft.name(), "name");
        var basis = draft.basis() == null ? "" : draft.basis().strip();
        if (basis.length() > BASIS_MAX || ControlCharacters.in(basis)) {
            throw Rejection.invalid("basis", "subgroup.basis.invalid", BASIS_MAX);
        }
        if (draft.cap() != null && (draft.cap() < 2 || draft.cap() > 10_000)) {
            throw Rejection.invalid("cap", "subgroup.cap.range");
        }
        return new SubgroupDraft(name, basis, draft.cap(), draft.leaderId());
    }

    private static String name(String typed, String field) {
        var name = typed == null ? "" : typed.strip();
        if (name.isEmpty() || name.length() > NAME_MAX || ControlCharacters.in(name)) {
            throw Rejection.invalid(field, "subgroup.name.invalid", NAME_MAX);
        }
        return name;
    }

    private static SplitBasis basis(String typed) {
        try {
            return SplitBasis.valueOf(typed == null ? "" : typed.strip());
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("basis", "subgroup.split.basis");
        }
    }

    private static String key(CommunityMembers.Member m, SplitBasis by) {
        var value = switch (by) {
            case CITY, MIXED -> m.city();
            case INDUSTRY -> m.industry();
        };
        return value == null ? "" : value.strip();
    }

    /**
     * The community's members as membership knows them (the authority on who is in), with the identity the directory
     * holds for each (its read model may not have the newest yet: then the account's name, no city or industry).
     */
    private List<CommunityMembers.Member> roster(long communityId) {
        var ids = new ArrayList<Long>();
        long after = 0;
        List<Long> page;
        do {
            page = memberships.membersOf(communityId, after, 1000);
            ids.addAll(page);
            after = page.isEmpty() ? after : page.getLast();
        } while (page.size() == 1000);
        var facts = directory.of(communityId).stream()
                .collect(Collectors.toMap(CommunityMembers.Member::accountId, Function.identity()));
        var missing = ids.stream().filter(id -> !facts.containsKey(id)).toList();
        var accounts = missing.isEmpty() ? Map.<Long, AccountSummary>of() : this.accounts.findAll(missing);
        return ids.stream().map(id -> facts.containsKey(id) ? facts.get(id) : new CommunityMembers.Member(id,
                accounts.containsKey(id) ? accounts.get(id).displayName() : "?", null, null, null)).toList();
    }

    private Map<Long, String> names(long communityId) {
        return roster(communityId).stream().collect(Collectors.toMap(CommunityMembers.Member::accountId,
                CommunityMembers.Member::displayName));
    }

    private static SubgroupCard card(SubgroupStore.Row r, Map<Long, String> names, long mine) {
        return new SubgroupCard(r.id(), r.name(), r.basis(), r.cap(), r.members(), r.leaderId(),
                r.leaderId() == null ? null : names.get(r.leaderId()), r.id() == mine);
    }

    private static SubgroupMember member(CommunityMembers.Member m, Long leaderId) {
        return new SubgroupMember(m.accountId(), m.displayName(), m.city(), m.industry(),
                leaderId != null && leaderId == m.accountId());
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
