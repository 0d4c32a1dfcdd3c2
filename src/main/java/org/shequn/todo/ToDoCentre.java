package org.shequn.todo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.shequn.community.Communities;
import org.shequn.community.CommunityInfo;
import org.shequn.content.MemberAgenda;
import org.shequn.identity.AccountSummary;
import org.shequn.identity.Accounts;
import org.shequn.membership.CommunityFigures;
import org.shequn.membership.CommunityGate;
import org.shequn.membership.Memberships;
import org.shequn.membership.Standing;
import org.shequn.moderation.Moderation;
import org.shequn.shared.Viewer;
import org.shequn.todo.view.AwaitedQuestion;
import org.shequn.todo.view.CommunityToDo;
import org.shequn.todo.view.MyHome;
import org.shequn.todo.view.Person;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the to-do centre of one community, and the home page across mine. */
@Service
public class ToDoCentre {

    static final String RUNNERS_ONLY = "todo.runnersOnly";
    /** How many applicants, newcomers and questions a list shows before "all". */
    private static final int FEW = 5;
    private static final int NEW_POSTS_CAP = 100;

    private final CommunityGate gate;
    private final CommunityFigures figures;
    private final Moderation moderation;
    private final MemberAgenda agenda;
    private final Memberships memberships;
    private final Communities communities;
    private final Accounts accounts;

    ToDoCentre(CommunityGate gate, CommunityFigures figures, Moderation moderation, MemberAgenda agenda,
               Memberships memberships, Communities communities, Accounts accounts) {
        this.gate = gate;
        this.figures = figures;
        this.moderation = moderation;
        this.agenda = agenda;
        this.memberships = memberships;
        this.communities = communities;
        this.accounts = accounts;
    }

    /** Owners and admins only (401, 404, 403 in the gate's order); readable in an archived community too. */
    @Transactional(readOnly = true)
    public CommunityToDo community(Viewer viewer, String slug) {
        var runner = gate.of(viewer, slug).requireRunner(RUNNERS_ONLY);
        var community = runner.community();
        var f = figures.of(runner, FEW);
        var waiting = moderation.waiting(runner);
        var asked = agenda.questionsAwaiting(runner.accountId(), List.of(community.id()), FEW);
        var ids = new HashSet<Long>();
        f.waiting().forEach(w -> ids.add(w.accountId()));
        ids.addAll(f.newcomers());
        asked.forEach(q -> ids.add(q.askerId()));
        var names = ids.isEmpty() ? Map.<Long, AccountSummary>of() : accounts.findAll(ids);
        return new CommunityToDo(community.slug(), community.name(), community.archived(), runner.memberCount(),
                community.memberCap(), f.pendingApplications(),
                f.waiting().stream().map(w -> new Person(w.accountId(), name(names, w.accountId()), w.appliedAt())).toList(),
                waiting.openReports(), waiting.heldPosts(), waiting.heldComments(),
                questions(asked, Map.of(community.id(), community), names), f.newThisWeek(),
                f.newcomers().stream().map(id -> new Person(id, name(names, id), null)).toList(),
                f.weeks().stream().map(w -> new CommunityToDo.Week(w.monday(), w.members())).toList(),
                checklist(community, f.invited()));
    }

    private CommunityToDo.Checklist checklist(CommunityInfo community, boolean invited) {
        var started = agenda.started(community.id());
        var rules = communities.rules(community.id());
        return new CommunityToDo.Checklist(rules != null && !rules.isBlank(), started.section(), invited, started.post());
    }

    /** The signed-in home: every community I belong to, those I run first, then by name. */
    @Transactional(readOnly = true)
    public MyHome home(Viewer viewer) {
        Viewer.require(viewer);
        long me = viewer.accountId();
        var ids = memberships.communitiesOf(me);
        var infos = communities.findAll(ids);
        var fresh = agenda.newPosts(me, infos.keySet(), NEW_POSTS_CAP);
        var mine = new ArrayList<MyHome.Mine>();
        for (var info : infos.values()) {
            var standing = gate.of(viewer, info.id());
            if (!standing.member()) {
                continue;
            }
            mine.add(new MyHome.Mine(info.slug(), info.name(), info.coverUrl(),
                    standing.role().orElseThrow().name(), standing.memberCount(), fresh.getOrDefault(info.id(), 0),
                    standing.runs() ? work(standing) : null));
        }
        mine.sort(Comparator.comparing((MyHome.Mine m) -> m.work() == null).thenComparing(MyHome.Mine::name));
        var asked = agenda.questionsAwaiting(me, infos.keySet(), 10);
        var askers = asked.isEmpty() ? Map.<Long, AccountSummary>of()
                : accounts.findAll(asked.stream().map(MemberAgenda.AwaitedQuestion::askerId).distinct().toList());
        var self = accounts.findAll(List.of(me)).get(me);
        return new MyHome(self == null ? "" : self.displayName(), mine, questions(asked, infos, askers));
    }

    private MyHome.Work work(Standing runner) {
        var f = figures.of(runner, 0);
        var waiting = moderation.waiting(runner);
        return new MyHome.Work(f.pendingApplications(), waiting.openReports(),
                waiting.heldPosts() + waiting.heldComments(), f.newThisWeek());
    }

    private static List<AwaitedQuestion> questions(List<MemberAgenda.AwaitedQuestion> asked,
                                                   Map<Long, CommunityInfo> infos, Map<Long, AccountSummary> names) {
        var out = new ArrayList<AwaitedQuestion>();
        for (var q : asked) {
            var info = infos.get(q.communityId());
            if (info != null) {
                out.add(new AwaitedQuestion(q.postId(), info.slug(), info.name(), q.title(), q.askerId(),
                        name(names, q.askerId()), q.askedAt()));
            }
        }
        return out;
    }

    private static String name(Map<Long, AccountSummary> names, long id) {
        var a = names.get(id);
        return a == null ? "?" : a.displayName();
    }
}
