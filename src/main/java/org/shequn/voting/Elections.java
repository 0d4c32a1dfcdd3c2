package org.shequn.voting;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.shequn.community.Communities;
import org.shequn.identity.Accounts;
import org.shequn.identity.AccountSummary;
import org.shequn.membership.CommunityGate;
import org.shequn.membership.CoreTerms;
import org.shequn.membership.Electorate;
import org.shequn.membership.Memberships;
import org.shequn.membership.Scope;
import org.shequn.membership.Scopes;
import org.shequn.membership.Standing;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.voting.view.BallotReceipt;
import org.shequn.voting.view.ElectionList;
import org.shequn.voting.view.ElectionPage;
import org.shequn.voting.view.ElectionView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Elections of core members (选举骨干). The owner opens one; members nominate themselves, or another member who
 * then accepts; when voting opens the roll is fixed (who may vote and stand); each voter casts one approval ballot,
 * written apart from the roll's "voted" flag with nothing linking them, and gets a receipt code; when voting closes
 * the ballots are counted with sequential Phragmén and the winners become core members for the term. Fixing the
 * roll, the count and the end of the term happen on the first look after their moment or in {@link ElectionJobs},
 * whichever comes first, each exactly once (a conditional update claims it).
 *
 * <p>The same election serves a sub-group choosing its leader (选举组长, scope {@code SUBGROUP}): one seat, only the
 * group's members nominate, stand and vote (its roll is the group's eligible members when voting opens), seen by the
 * group and the runners (anyone else: no such election); the winner becomes the group's leader through
 * {@link GroupLeaderElected}, which the subgroup module acts on, and no core member is made.
 */
@Service
public class Elections {

    private final CommunityGate gate;
    private final ElectionStore store;
    private final Electorate electorate;
    private final CoreTerms coreTerms;
    private final Memberships memberships;
    private final Communities communities;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Scopes scopes;

    Elections(CommunityGate gate, ElectionStore store, Electorate electorate, CoreTerms coreTerms,
              Memberships memberships, Communities communities, Accounts accounts, ApplicationEventPublisher events,
              Clock clock, Scopes scopes) {
        this.scopes = scopes;
        this.gate = gate;
        this.store = store;
        this.electorate = electorate;
        this.coreTerms = coreTerms;
        this.memberships = memberships;
        this.communities = communities;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ElectionList list(Viewer viewer, String slug) {
        var standing = member(viewer, slug);
        var now = now();
        var rows = store.list(standing.communityId(), Scope.filter(standing, "scope_id"));
        var groups = groupNames(standing, rows);
        var items = rows.stream().map(row -> view(standing, settle(row, now), now, false, groups)).toList();
        // admins open a sub-group's leader election (the owner alone a community's)
        return new ElectionList(standing.community().slug(), standing.community().name(),
                standing.community().archived(), standing.runs(),
                (standing.owner() || (standing.runs() && !scopes.choices(standing).isEmpty()))
                        && !standing.community().archived(), items, List.of(), null, standing.owner());
    }

    /** A sub-group's leader elections, for its page: none for a viewer who may not see the group's things. */
    @Transactional(readOnly = true)
    public List<org.shequn.membership.GroupItem> ofSubgroup(Viewer viewer, String slug, long subgroupId) {
        var standing = member(viewer, slug);
        if (!Scope.of(subgroupId).visibleTo(standing)) {
            return List.of();
        }
        return store.ofSubgroup(standing.communityId(), subgroupId).stream().map(r -> new org.shequn.membership.GroupItem(r.id(), r.title(),
                "/c/" + standing.community().slug() + "/elections/" + r.id())).toList();
    }

    /**
     * A sub-group's leader elections over the API, newest first, each settled: its members and the runners see them;
     * for anyone else, and for a group the community does not have, there is no such group (404).
     */
    @Transactional
    public List<ElectionView> ofGroup(Viewer viewer, String slug, long subgroupId) {
        var standing = member(viewer, slug);
        if (!scopes.names(standing.communityId()).containsKey(subgroupId) || !Scope.of(subgroupId).visibleTo(standing)) {
            throw Rejection.notFound("voting.group.notFound");
        }
        var now = now();
        var rows = store.ofSubgroup(standing.communityId(), subgroupId);
        var groups = groupNames(standing, rows);
        return rows.stream().map(row -> view(standing, settle(row, now), now, false, groups)).toList();
    }

    /** Settles what is due first (the roll, the count, the term's end), so a page never shows a stale phase. */
    @Transactional
    public ElectionView get(Viewer viewer, String slug, long id) {
        var standing = member(viewer, slug);
        var now = now();
        var row = settle(found(standing, id), now);
        return view(standing, row, now, true, groupNames(standing, List.of(row)));
    }

    /** The page: the election and, while nominating, whom the viewer may nominate (at most 500 members). */
    @Transactional
    public ElectionPage page(Viewer viewer, String slug, long id) {
        var standing = member(viewer, slug);
        var election = get(viewer, slug, id);
        var nominees = List.<ElectionPage.Person>of();
        if (election.mayNominate()) {
            var taken = new HashSet<Long>();
            election.candidates().forEach(c -> taken.add(c.accountId()));
            // a group's election: only its members may stand
            var row = found(standing, id);
            var inScope = scopes.audience(standing.communityId(), row.scopeOf());
            var ids = memberships.membersOf(standing.communityId(), 0, 500).stream().filter(a -> !taken.contains(a))
                    .filter(inScope::test).toList();
            var names = accounts.findAll(ids);
            nominees = ids.stream().map(a -> new ElectionPage.Person(a, name(names, a))).toList();
        }
        return new ElectionPage(standing.community().slug(), standing.community().name(), standing.community().archived(),
                standing.runs(), election, nominees);
    }

    /**
     * The form: the owner opens a community's election or a sub-group's; an admin only a sub-group's (the groups
     * offered; {@code subgroup} preselected, e.g. from the group's page).
     */
    @Transactional(readOnly = true)
    public ElectionList editor(Viewer viewer, String slug, Long subgroup) {
        var standing = gate.of(viewer, slug).requireRunner("voting.election.ownerOnly").requireWritable();
        var choices = scopes.choices(standing);
        if (!standing.owner() && choices.isEmpty()) {
            throw Rejection.forbidden("voting.election.ownerOnly");
        }
        var selected = choices.stream().anyMatch(c -> subgroup != null && c.id() == subgroup) ? subgroup
                : standing.owner() ? null : choices.getFirst().id();
        return new ElectionList(standing.community().slug(), standing.community().name(), false, true, true, List.of(),
                choices, selected, standing.owner());
    }

    @Transactional
    public ElectionView open(Viewer viewer, String slug, ElectionDraft draft) {
        var d = draft == null ? new ElectionDraft(null, null, null, null, null, null, null, null) : draft;
        // A community's election makes core members, so it stays the owner's. A sub-group's leader election may be
        // opened by the owner or an admin, but not by the group's current leader, even by sub-group: it decides
        // the leader's own seat, and a leader who set its dates and rules could time it to suit themselves or never
        // hold one; a group unhappy with its leader must be able to ask the runners for one. The leader may stand.
        var standing = d.subgroupId() == null ? owner(viewer, slug)
                : gate.of(viewer, slug).requireRunner("voting.election.runnersOnlyGroup").requireWritable();
        var scope = scopes.choose(standing, d.subgroupId(), "subgroupId");
        var now = now();
        var problems = new ArrayList<Rejection.FieldProblem>();
        TextChecks.check(problems, "title", d.title(), ElectionDraft.TITLE_MAX, true);
        if (d.details() != null && !d.details().isBlank()) {
            TextChecks.check(problems, "details", d.details(), ElectionDraft.DETAILS_MAX, false);
        }
        if (d.seats() == null || d.seats() < 1 || d.seats() > ElectionDraft.SEATS_MAX) {
            problems.add(new Rejection.FieldProblem("seats", "voting.election.seats", ElectionDraft.SEATS_MAX));
        } else if (!scope.wholeCommunity() && d.seats() != 1) {
            problems.add(new Rejection.FieldProblem("seats", "voting.election.groupSeats"));
        }
        if (d.minMemberDays() != null && (d.minMemberDays() < 0 || d.minMemberDays() > ElectionDraft.DAYS_MAX)) {
            problems.add(new Rejection.FieldProblem("minMemberDays", "voting.election.days", ElectionDraft.DAYS_MAX));
        }
        if (d.termDays() == null || d.termDays() < 1 || d.termDays() > ElectionDraft.DAYS_MAX) {
            problems.add(new Rejection.FieldProblem("termDays", "voting.election.termDays", ElectionDraft.DAYS_MAX));
        }
        if (d.votingOpensAt() == null || !d.votingOpensAt().isAfter(now)
                || d.votingOpensAt().isAfter(now.plus(Polls.LONGEST))) {
            problems.add(new Rejection.FieldProblem("votingOpensAt", "voting.election.opensAt"));
        } else if (d.votingClosesAt() == null || !d.votingClosesAt().isAfter(d.votingOpensAt())
                || d.votingClosesAt().isAfter(d.votingOpensAt().plus(Polls.LONGEST))) {
            problems.add(new Rejection.FieldProblem("votingClosesAt", "voting.election.closesAt"));
        }
        TextChecks.throwIfAny(problems);
        var details = d.details() == null || d.details().isBlank() ? null : d.details().replace("\r\n", "\n").strip();
        long id = store.insert(standing.communityId(), d.title().strip(), details, d.seats(),
                d.minMemberDays() == null ? 0 : d.minMemberDays(), d.termDays(), standing.accountId(), now,
                d.votingOpensAt(), d.votingClosesAt(), scope.subgroupId());
        var row = store.byId(standing.communityId(), id).orElseThrow();
        return view(standing, row, now, true, groupNames(standing, List.of(row)));
    }

    /**
     * Nominates the viewer (standing at once) or another member (standing once they accept), during nomination,
     * with a short statement. Someone already nominated, or who will not have been a member long enough when
     * voting opens, is refused.
     */
    @Transactional
    public ElectionView nominate(Viewer viewer, String slug, long id, Nomination nomination) {
        var standing = member(viewer, slug).requireWritable().requireNotMuted(now(), "voting.muted");
        var now = now();
        var row = settle(found(standing, id), now);
        row.scopeOf().requireTakingPart(standing, "voting.election.notFound");
        if (row.phase(now) != ElectionPhase.NOMINATION) {
            throw Rejection.conflict("voting.election.notNominating");
        }
        var n = nomination == null ? new Nomination(null, null) : nomination;
        long nominee = n.accountId() == null ? standing.accountId() : n.accountId();
        var problems = new ArrayList<Rejection.FieldProblem>();
        TextChecks.check(problems, "statement", n.statement(), Nomination.STATEMENT_MAX, false);
        TextChecks.throwIfAny(problems);
        if (memberships.roleOf(standing.communityId(), nominee).isEmpty()) {
            throw Rejection.invalid("accountId", "voting.election.nomineeNotMember");
        }
        if (!scopes.audience(standing.communityId(), row.scopeOf()).test(nominee)) {
            throw Rejection.invalid("accountId", "voting.election.nomineeNotInGroup");
        }
        if (!electorate.eligible(standing.communityId(), nominee, row.votingOpensAt().minusDays(row.minMemberDays()), now)) {
            throw Rejection.invalid("accountId", "voting.election.nomineeNotEligible", row.minMemberDays());
        }
        if (store.isNominated(row.id(), nominee)) {
            throw Rejection.conflict("voting.election.alreadyNominated");
        }
        boolean self = nominee == standing.accountId();
        try {
            store.insertCandidate(row.id(), nominee, standing.accountId(), clean(n.statement()), now, self ? now : null);
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            throw Rejection.conflict("voting.election.alreadyNominated");
        }
        return view(standing, row, now, true, groupNames(standing, List.of(row)));
    }

    /** The nominee agrees to stand, with their own statement (or the nominator's, when blank). */
    @Transactional
    public ElectionView accept(Viewer viewer, String slug, long id, long candidateId, String statement) {
        var standing = member(viewer, slug).requireWritable();
        var now = now();
        var row = settle(found(standing, id), now);
        row.scopeOf().requireTakingPart(standing, "voting.election.notFound");
        var candidate = store.candidates(row.id()).stream().filter(c -> c.id() == candidateId).findFirst()
                .orElseThrow(() -> Rejection.notFound("voting.election.candidateNotFound"));
        if (candidate.accountId() != standing.accountId()) {
            throw Rejection.forbidden("voting.election.notYourNomination");
        }
        if (row.phase(now) != ElectionPhase.NOMINATION) {
            throw Rejection.conflict("voting.election.notNominating");
        }
        var text = statement == null || statement.isBlank() ? candidate.statement() : statement;
        var problems = new ArrayList<Rejection.FieldProblem>();
        TextChecks.check(problems, "statement", text, Nomination.STATEMENT_MAX, false);
        TextChecks.throwIfAny(problems);
        if (store.accept(row.id(), candidateId, standing.accountId(), clean(text), now) == 0) {
            throw Rejection.conflict("voting.election.alreadyAccepted");
        }
        return view(standing, row, now, true, groupNames(standing, List.of(row)));
    }

    /**
     * The voter's one approval ballot: any non-empty set of different standing candidates, while voting is open,
     * only for those on the roll. The roll's flag and the ballot are written in this one transaction; the ballot
     * carries a new receipt code and nothing that names the voter or when it came in.
     */
    @Transactional
    public BallotReceipt vote(Viewer viewer, String slug, long id, List<Long> candidateIds) {
        var standing = member(viewer, slug).requireWritable();
        var now = now();
        var row = settle(found(standing, id), now);
        // a group's election: the runners look on, only its members vote (and only those on its roll)
        row.scopeOf().requireTakingPart(standing, "voting.election.notFound");
        if (row.phase(now) != ElectionPhase.VOTING) {
            throw Rejection.conflict(row.phase(now) == ElectionPhase.NOMINATION ? "voting.election.notYetVoting"
                    : "voting.election.votingClosed");
        }
        var onRoll = store.onRoll(row.id(), standing.accountId());
        if (onRoll.isEmpty()) {
            throw Rejection.forbidden("voting.election.notOnRoll");
        }
        var chosen = candidateIds == null ? List.<Long>of() : candidateIds;
        var standingIds = standingCandidates(row).stream().map(ElectionStore.CandidateRow::id).toList();
        if (chosen.isEmpty()) {
            throw Rejection.invalid("candidates", "voting.election.ballot.empty");
        }
        if (chosen.size() > standingIds.size() || new HashSet<>(chosen).size() != chosen.size()) {
            throw Rejection.invalid("candidates", "voting.election.ballot.tooMany", standingIds.size());
        }
        if (!standingIds.containsAll(chosen)) {
            throw Rejection.invalid("candidates", "voting.election.ballot.notCandidate");
        }
        if (onRoll.get() || store.markVoted(row.id(), standing.accountId()) == 0) {
            throw Rejection.conflict("voting.election.alreadyVoted");
        }
        var receipt = Receipt.next();
        store.insertBallot(row.id(), receipt, chosen.stream().sorted().toList());
        events.publishEvent(new ElectionVoted(standing.communityId(), row.id(), standing.accountId(), now));
        return new BallotReceipt(receipt);
    }

    /** What is due for every election whose moment has come; for {@link ElectionJobs}. Returns how many were looked at. */
    @Transactional
    public int settleDue(int limit) {
        var now = now();
        var due = store.due(now, limit);
        due.forEach(row -> settle(row, now));
        return due.size();
    }

    /** Fixes the roll once voting has opened, counts once it has closed, ends the term once it is over. */
    private ElectionStore.ElectionRow settle(ElectionStore.ElectionRow row, OffsetDateTime now) {
        var phase = row.phase(now);
        boolean changed = false;
        if (phase != ElectionPhase.NOMINATION && row.rollFixedAt() == null && store.claimRoll(row.id(), now) == 1) {
            // a sub-group's roll: its members then, under the same rules (member days, not banned, not muted)
            var inScope = scopes.audience(row.communityId(), row.scopeOf());
            store.addToRoll(row.id(), electorate.eligible(row.communityId(),
                    row.votingOpensAt().minusDays(row.minMemberDays()), row.votingOpensAt()).stream()
                    .filter(inScope::test).toList());
            changed = true;
        }
        if (phase == ElectionPhase.RESULT && row.countedAt() == null
                && store.claimCount(row.id(), now, now.plusDays(row.termDays())) == 1) {
            var fresh = store.byId(row.communityId(), row.id()).orElseThrow();
            var count = count(fresh);
            var standing = standingCandidates(fresh);
            for (int rank = 0; rank < count.elected().size(); rank++) {
                var winner = standing.get(count.elected().get(rank));
                store.elect(winner.id(), rank + 1);
                if (row.leaderElection()) {
                    events.publishEvent(new GroupLeaderElected(row.communityId(), row.scopeId(), row.id(),
                            winner.accountId(), row.createdBy()));
                } else {
                    coreTerms.grant(row.communityId(), winner.accountId(), fresh.termEndsAt(), row.createdBy(), now);
                }
            }
            changed = true;
        }
        if (row.termEndsAt() != null && !now.isBefore(row.termEndsAt()) && row.termEndedAt() == null
                && store.claimTermEnd(row.id(), now) == 1) {
            // a group's leader keeps leading past the term until the next election or a runner hands it over:
            // a group left leaderless by the calendar would be worse off; only core seats end here
            if (!row.leaderElection()) {
                for (var candidate : store.candidates(row.id())) {
                    if (candidate.electedRank() != null) {
                        coreTerms.end(row.communityId(), candidate.accountId(), now);
                    }
                }
                communities.find(row.communityId()).ifPresent(community ->
                        events.publishEvent(new ElectionTermEnded(row.communityId(), row.id(), community.ownerId(), row.title())));
            }
            changed = true;
        }
        return changed ? store.byId(row.communityId(), row.id()).orElseThrow() : row;
    }

    /** Accepted nominees on the roll, in nomination order (the tie-break's order). */
    private List<ElectionStore.CandidateRow> standingCandidates(ElectionStore.ElectionRow row) {
        var roll = row.rollFixedAt() == null ? null : store.roll(row.id());
        return store.candidates(row.id()).stream()
                .filter(c -> c.acceptedAt() != null && (roll == null || roll.containsKey(c.accountId()))).toList();
    }

    private PhragmenCount.Result count(ElectionStore.ElectionRow row) {
        var standing = standingCandidates(row);
        var index = new HashMap<Long, Integer>();
        for (int i = 0; i < standing.size(); i++) {
            index.put(standing.get(i).id(), i);
        }
        var ballots = store.ballots(row.id()).values().stream()
                .map(marks -> marks.stream().filter(index::containsKey).mapToInt(index::get).toArray()).toList();
        return PhragmenCount.count(standing.size(), ballots, row.seats());
    }

    /** The groups' names for labels, read only when an election is a group's. */
    private Map<Long, String> groupNames(Standing standing, List<ElectionStore.ElectionRow> rows) {
        return rows.stream().anyMatch(ElectionStore.ElectionRow::leaderElection) ? scopes.names(standing.communityId())
                : Map.of();
    }

    private ElectionView view(Standing viewer, ElectionStore.ElectionRow row, OffsetDateTime now, boolean full,
                              Map<Long, String> groups) {
        var phase = row.phase(now);
        var all = store.candidates(row.id());
        var roll = row.rollFixedAt() == null ? null : store.roll(row.id());
        var ids = new ArrayList<Long>();
        all.forEach(c -> {
            ids.add(c.accountId());
            ids.add(c.nominatedBy());
        });
        var names = accounts.findAll(ids);
        var candidates = all.stream().map(c -> new ElectionView.Candidate(c.id(), c.accountId(), name(names, c.accountId()),
                c.statement(), c.nominatedBy() == c.accountId() ? null : name(names, c.nominatedBy()),
                c.acceptedAt() != null, c.acceptedAt() != null && (roll == null || roll.containsKey(c.accountId())),
                c.accountId() == viewer.accountId(), c.electedRank())).toList();
        Boolean onRoll = roll == null ? null : roll.containsKey(viewer.accountId());
        boolean voted = roll != null && Boolean.TRUE.equals(roll.get(viewer.accountId()));
        boolean writable = !viewer.community().archived();
        ElectionView.Result result = null;
        if (full && row.countedAt() != null) {
            result = result(row, candidates);
        }
        return new ElectionView(row.id(), row.title(), row.details(), row.seats(), row.minMemberDays(), row.termDays(),
                phase, row.createdAt(), row.votingOpensAt(), row.votingClosesAt(), row.termEndsAt(),
                row.termEndedAt() != null, candidates, roll == null ? null : roll.size(),
                roll == null ? null : (int) roll.values().stream().filter(Boolean::booleanValue).count(), onRoll, voted,
                writable && phase == ElectionPhase.NOMINATION && row.scopeOf().takingPartBy(viewer),
                writable && phase == ElectionPhase.VOTING && Boolean.TRUE.equals(onRoll) && !voted
                        && row.scopeOf().takingPartBy(viewer), result,
                row.leaderElection() ? row.scopeId() : null,
                row.leaderElection() ? Scopes.label(groups, row.scopeId()) : null);
    }

    /** The count again from the stored ballots (it is deterministic): what the published result shows. */
    private ElectionView.Result result(ElectionStore.ElectionRow row, List<ElectionView.Candidate> candidates) {
        var standing = standingCandidates(row);
        var nameOf = new HashMap<Long, String>();
        candidates.forEach(c -> nameOf.put(c.id(), c.name()));
        var count = count(row);
        var rounds = count.rounds().stream().map(r -> new ElectionView.Round(r.number(),
                nameOf.get(standing.get(r.elected()).id()), r.load().toString(), r.load().decimal(4),
                r.offers().stream().map(o -> new ElectionView.Offer(nameOf.get(standing.get(o.candidate()).id()),
                        o.approvals(), o.load().toString(), o.load().decimal(4), o.candidate() == r.elected())).toList()))
                .toList();
        var ballots = store.ballots(row.id()).entrySet().stream().map(e -> new ElectionView.Ballot(e.getKey(),
                e.getValue().stream().map(c -> nameOf.getOrDefault(c, "")).toList())).toList();
        var elected = count.elected().stream().map(i -> nameOf.get(standing.get(i).id())).toList();
        return new ElectionView.Result(elected, ballots.size(), rounds, ballots, row.seats() - elected.size());
    }

    /** The election, if the viewer may see it: a group's is no such election to anyone outside it but the runners. */
    private ElectionStore.ElectionRow found(Standing standing, long id) {
        return store.byId(standing.communityId(), id).filter(r -> r.scopeOf().visibleTo(standing))
                .orElseThrow(() -> Rejection.notFound("voting.election.notFound"));
    }

    private Standing member(Viewer viewer, String slug) {
        return gate.of(viewer, slug).requireMember("voting.membersOnly");
    }

    private Standing owner(Viewer viewer, String slug) {
        return gate.of(viewer, slug).requireOwner("voting.election.ownerOnly").requireWritable();
    }

    private static String clean(String text) {
        return text.replace("\r\n", "\n").strip();
    }

    private static String name(Map<Long, AccountSummary> names, long id) {
        var summary = names.get(id);
        return summary == null ? "" : summary.displayName();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
