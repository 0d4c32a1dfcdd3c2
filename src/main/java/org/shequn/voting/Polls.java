package org.shequn.voting;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.shequn.identity.Accounts;
import org.shequn.identity.AccountSummary;
import org.shequn.membership.CommunityGate;
import org.shequn.membership.Scope;
import org.shequn.membership.Scopes;
import org.shequn.membership.Standing;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.voting.view.PollList;
import org.shequn.voting.view.PollView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Polls (投票): runners open and close them, members vote once while one is open and see the results its rule
 * allows. An anonymous poll keeps who voted apart from what was chosen (the choices carry a random ballot id that
 * nothing else names), the same separation as an election's ballots. A poll may be for one sub-group (membership's
 * {@link Scope}): only its members vote; they and whoever runs polls see it (anyone else: no such poll, never
 * listed); by sub-group its leader opens and closes it too.
 */
@Service
public class Polls {

    /** How far ahead a deadline may be. */
    static final Duration LONGEST = Duration.ofDays(366);

    private final CommunityGate gate;
    private final PollStore store;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Scopes scopes;

    Polls(CommunityGate gate, PollStore store, Accounts accounts, ApplicationEventPublisher events, Clock clock,
          Scopes scopes) {
        this.scopes = scopes;
        this.gate = gate;
        this.store = store;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PollList list(Viewer viewer, String slug) {
        var standing = member(viewer, slug);
        var now = now();
        var rows = store.list(standing.communityId(), PollRunners.mayRun(standing) ? ""
                : Scope.filter(standing, "subgroup_id"));
        return list(standing, rows, now);
    }

    /** A sub-group's polls, for its page: none for a viewer who may not see the group's things. */
    @Transactional(readOnly = true)
    public List<org.shequn.membership.GroupItem> ofSubgroup(Viewer viewer, String slug, long subgroupId) {
        var standing = member(viewer, slug);
        if (!Scope.of(subgroupId).visibleTo(standing)) {
            return List.of();
        }
        return store.ofSubgroup(standing.communityId(), subgroupId).stream().map(r -> new org.shequn.membership.GroupItem(r.id(), r.question(),
                "/c/" + standing.community().slug() + "/polls/" + r.id())).toList();
    }

    /**
     * A sub-group's polls over the API, newest first: its members and the runners see them; for anyone else, and for
     * a group the community does not have, there is no such group (404).
     */
    @Transactional(readOnly = true)
    public List<PollView> ofGroup(Viewer viewer, String slug, long subgroupId) {
        var standing = member(viewer, slug);
        if (!scopes.names(standing.communityId()).containsKey(subgroupId) || !Scope.of(subgroupId).visibleTo(standing)) {
            throw Rejection.notFound("voting.group.notFound");
        }
        return list(standing, store.ofSubgroup(standing.communityId(), subgroupId), now()).items();
    }

    private PollList list(Standing standing, List<PollStore.PollRow> rows, OffsetDateTime now) {
        var voted = new HashSet<>(store.votedIn(standing.accountId(), rows.stream().map(PollStore.PollRow::id).toList()));
        var names = names(rows.stream().map(PollStore.PollRow::authorId).toList());
        var groups = groupNames(standing, rows);
        var items = rows.stream().map(r -> view(standing, r, voted.contains(r.id()), now, names, false, groups)).toList();
        return new PollList(standing.community().slug(), standing.community().name(), standing.community().archived(),
                standing.runs(), PollRunners.mayOpenAny(standing) && !standing.community().archived(), items, List.of(),
                null);
    }

    @Transactional(readOnly = true)
    public PollView get(Viewer viewer, String slug, long id) {
        var standing = member(viewer, slug);
        var row = found(standing, id);
        return view(standing, row, store.voted(row.id(), standing.accountId()), now(), names(List.of(row.authorId())), true,
                groupNames(standing, List.of(row)));
    }

    /** A poll's page: the community around it and the poll, as the only item. */
    @Transactional(readOnly = true)
    public PollList page(Viewer viewer, String slug, long id) {
        var standing = member(viewer, slug);
        var poll = get(viewer, slug, id);
        return new PollList(standing.community().slug(), standing.community().name(), standing.community().archived(),
                standing.runs(), PollRunners.mayOpenAny(standing) && !standing.community().archived(), List.of(poll),
                List.of(), null);
    }

    /**
     * The community's name and the sub-groups the viewer may open a poll for, for the form ({@code subgroup}
     * preselected, e.g. from the group's page): any for a runner, their own for a core member who opens polls, the
     * group they lead for a leader (who may open nothing else).
     */
    @Transactional(readOnly = true)
    public PollList editor(Viewer viewer, String slug, Long subgroup) {
        var standing = member(viewer, slug);
        if (!PollRunners.mayOpenAny(standing)) {
            throw Rejection.forbidden("voting.poll.runnersOnly");
        }
        standing.requireWritable();
        var choices = PollRunners.mayRun(standing) ? scopes.choices(standing) : scopes.ledChoices(standing);
        var selected = choices.stream().anyMatch(c -> subgroup != null && c.id() == subgroup) ? subgroup : null;
        return new PollList(standing.community().slug(), standing.community().name(), false, true, true, List.of(),
                choices, selected);
    }

    @Transactional
    public PollView open(Viewer viewer, String slug, PollDraft draft) {
        var d = draft == null ? new PollDraft(null, null, null, null, null, null, null) : draft;
        var standing = member(viewer, slug);
        // a leader (by sub-group) opens polls for the group they lead and nothing else
        if (!PollRunners.mayRun(standing, Scope.of(d.subgroupId()))) {
            throw Rejection.forbidden(d.subgroupId() == null || !standing.leadsSubgroup() ? "voting.poll.runnersOnly"
                    : "voting.poll.notYourGroup");
        }
        standing.requireWritable();
        var scope = scopes.choose(standing, d.subgroupId(), "subgroupId");
        var now = now();
        var problems = new ArrayList<Rejection.FieldProblem>();
        TextChecks.check(problems, "question", d.question(), PollDraft.QUESTION_MAX, true);
        var options = d.options() == null ? List.<String>of()
                : d.options().stream().filter(o -> o != null && !o.isBlank()).map(String::strip).toList();
        if (options.size() < PollDraft.OPTIONS_MIN || options.size() > PollDraft.OPTIONS_MAX) {
            problems.add(new Rejection.FieldProblem("options", "voting.poll.options.count", PollDraft.OPTIONS_MIN,
                    PollDraft.OPTIONS_MAX));
        } else if (new HashSet<>(options).size() != options.size()) {
            problems.add(new Rejection.FieldProblem("options", "voting.poll.options.same"));
        } else {
            for (var option : options) {
                TextChecks.check(problems, "options", option, PollDraft.OPTION_MAX, true);
            }
        }
        int maxChoices = d.maxChoices() == null ? 1 : d.maxChoices();
        if (maxChoices < 1 || (options.size() >= PollDraft.OPTIONS_MIN && maxChoices > options.size())) {
            problems.add(new Rejection.FieldProblem("maxChoices", "voting.poll.maxChoices", Math.max(options.size(), 1)));
        }
        if (d.closesAt() == null) {
            problems.add(new Rejection.FieldProblem("closesAt", "voting.poll.closesAt.required"));
        } else if (!d.closesAt().isAfter(now) || d.closesAt().isAfter(now.plus(LONGEST))) {
            problems.add(new Rejection.FieldProblem("closesAt", "voting.poll.closesAt.range"));
        }
        TextChecks.throwIfAny(problems);
        var results = d.results() == null ? PollResults.AFTER_VOTING : d.results();
        long id = store.insert(standing.communityId(), standing.accountId(), d.question().strip(), maxChoices, results,
                Boolean.TRUE.equals(d.anonymous()), d.closesAt(), now, options, scope.subgroupId());
        var row = store.byId(standing.communityId(), id).orElseThrow();
        return view(standing, row, false, now, names(List.of(row.authorId())), true, groupNames(standing, List.of(row)));
    }

    /**
     * The member's one vote: 1 to {@code maxChoices} different options of this poll, while it is open. A second
     * vote, a late one, or an option of another poll is refused and nothing is written.
     */
    @Transactional
    public PollView vote(Viewer viewer, String slug, long id, List<Long> optionIds) {
        var standing = member(viewer, slug).requireWritable();
        var row = found(standing, id);
        // a runner sees a sub-group's poll but only its members vote in it
        if (!row.scope().takingPartBy(standing)) {
            throw Rejection.forbidden("scope.membersOnly");
        }
        var now = now();
        if (row.closed(now)) {
            throw Rejection.conflict("voting.poll.closed");
        }
        var chosen = optionIds == null ? List.<Long>of() : optionIds;
        if (chosen.isEmpty()) {
            throw Rejection.invalid("options", "voting.poll.vote.none");
        }
        if (new HashSet<>(chosen).size() != chosen.size() || chosen.size() > row.maxChoices()) {
            throw Rejection.invalid("options", "voting.poll.vote.tooMany", row.maxChoices());
        }
        var ofPoll = store.options(row.id()).stream().map(PollStore.OptionRow::id).toList();
        if (!ofPoll.containsAll(chosen)) {
            throw Rejection.invalid("options", "voting.poll.vote.notAnOption");
        }
        var ballot = UUID.randomUUID().toString();
        if (store.markVoted(row.id(), standing.accountId(), row.anonymous() ? null : ballot, now) == 0) {
            throw Rejection.conflict("voting.poll.already");
        }
        for (long option : chosen) {
            store.choose(row.id(), ballot, option);
        }
        if (!row.anonymous()) {
            events.publishEvent(new PollVoted(standing.communityId(), row.id(), standing.accountId(), now));
        }
        return view(standing, row, true, now, names(List.of(row.authorId())), true, groupNames(standing, List.of(row)));
    }

    /** Closes it before its deadline; results shown after closing show now. */
    @Transactional
    public PollView close(Viewer viewer, String slug, long id) {
        var standing = member(viewer, slug);
        // a runner is refused (403, then 409 archived) before the poll is looked up, as before; a leader once it is known
        boolean leads = standing.leadsSubgroup() && standing.community().governance().leadersRunGroups();
        if (!PollRunners.mayRun(standing) && !leads) {
            throw Rejection.forbidden("voting.poll.runnersOnly");
        }
        if (PollRunners.mayRun(standing)) {
            standing.requireWritable();
        }
        var row = found(standing, id);
        if (!PollRunners.mayRun(standing, row.scope())) {
            throw Rejection.forbidden("voting.poll.runnersOnly");
        }
        standing.requireWritable();
        var now = now();
        if (store.close(row.id(), standing.accountId(), now) == 0) {
            throw Rejection.conflict("voting.poll.closed");
        }
        var closed = store.byId(standing.communityId(), id).orElseThrow();
        return view(standing, closed, store.voted(id, standing.accountId()), now, names(List.of(row.authorId())), true,
                groupNames(standing, List.of(row)));
    }

    /** The groups' names for "仅 {group} 可见", read only when a poll is scoped. */
    private Map<Long, String> groupNames(Standing standing, List<PollStore.PollRow> rows) {
        return rows.stream().anyMatch(r -> r.subgroupId() != null) ? scopes.names(standing.communityId()) : Map.of();
    }

    private PollView view(Standing standing, PollStore.PollRow row, boolean voted, OffsetDateTime now,
                          Map<Long, AccountSummary> authors, boolean full, Map<Long, String> groups) {
        boolean closed = row.closed(now);
        boolean visible = row.results().visible(voted, closed);
        var counts = visible && full ? store.counts(row.id()) : Map.<Long, Integer>of();
        var named = visible && full && !row.anonymous() ? store.namedChoices(row.id()) : Map.<Long, List<Long>>of();
        var voterNames = names(named.values().stream().flatMap(List::stream).distinct().toList());
        var options = full ? store.options(row.id()).stream().map(o -> new PollView.Option(o.id(), o.label(),
                visible ? counts.getOrDefault(o.id(), 0) : null,
                visible ? named.getOrDefault(o.id(), List.of()).stream().map(a -> name(voterNames, a)).toList() : null))
                .toList() : List.<PollView.Option>of();
        boolean writable = !standing.community().archived();
        return new PollView(row.id(), row.question(), options, row.maxChoices(), row.results(), row.anonymous(),
                row.closesAt(), row.createdAt(), row.closedAt(), closed, voted, visible,
                visible && full ? store.voters(row.id()) : null,
                !closed && !voted && writable && row.scope().takingPartBy(standing),
                !closed && writable && PollRunners.mayRun(standing, row.scope()), name(authors, row.authorId()),
                row.subgroupId(), Scopes.label(groups, row.subgroupId()));
    }

    /** The poll, if the viewer may see it: a sub-group's is no such poll to anyone outside it who does not run polls. */
    private PollStore.PollRow found(Standing standing, long id) {
        return store.byId(standing.communityId(), id).filter(r -> PollRunners.sees(standing, r.scope()))
                .orElseThrow(() -> Rejection.notFound("voting.poll.notFound"));
    }

    private Standing member(Viewer viewer, String slug) {
        return gate.of(viewer, slug).requireMember("voting.membersOnly");
    }

    private Map<Long, AccountSummary> names(List<Long> ids) {
        return accounts.findAll(ids);
    }

    private static String name(Map<Long, AccountSummary> names, long id) {
        var summary = names.get(id);
        return summary == null ? "" : summary.displayName();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
