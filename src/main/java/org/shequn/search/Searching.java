package org.shequn.search;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.shequn.community.Communities;
import org.shequn.community.CommunityInfo;
import org.shequn.membership.CommunityGate;
import org.shequn.membership.Standing;
import org.shequn.identity.Accounts;
import org.shequn.membership.Memberships;
import org.shequn.search.view.SearchForm;
import org.shequn.search.view.SearchHit;
import org.shequn.search.view.SearchResults;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.springframework.stereotype.Service;

/** Searches one community (members only) or every community the viewer belongs to. */
@Service
public class Searching {

    static final int PAGE_SIZE = 20;
    static final int MAX_QUERY = 100;
    static final int MAX_TERMS = 10;
    private static final int MAX_OFFSET = 1000;
    private static final Set<String> POST_KINDS = Set.of("DISCUSSION", "QUESTION", "ARTICLE");
    private static final Pattern CURSOR = Pattern.compile("(\\d{1,4})(a?)");

    private final SearchStore store;
    private final Communities communities;
    private final CommunityGate gate;
    private final Accounts accounts;
    private final Memberships memberships;

    Searching(SearchStore store, Communities communities, CommunityGate gate, Accounts accounts,
              Memberships memberships) {
        this.memberships = memberships;
        this.store = store;
        this.communities = communities;
        this.gate = gate;
        this.accounts = accounts;
    }

    public SearchResults community(Viewer viewer, String slug, SearchForm form) {
        var standing = member(viewer, slug);
        var community = standing.community();
        var query = parse(form);
        return run(query, List.of(community.id()), community).withRuns(standing.runs());
    }

    /** The search page before anything was typed: still members only. */
    public SearchResults blank(Viewer viewer, String slug) {
        var standing = member(viewer, slug);
        var community = standing.community();
        return new SearchResults("", community.slug(), community.name(), List.of(), true, List.of(), null,
                standing.runs());
    }

    private Standing member(Viewer viewer, String slug) {
        return gate.of(viewer, slug).requireMember("search.membersOnly");
    }

    public SearchResults mine(Viewer viewer, SearchForm form) {
        Viewer.require(viewer);
        var query = parse(form);
        var ids = memberships.communitiesOf(viewer.accountId());
        return run(query, ids, null);
    }

    private SearchResults run(Query query, List<Long> communityIds, CommunityInfo community) {
        if (communityIds.isEmpty()) {
            return new SearchResults(query.q(), slugOf(community), nameOf(community), query.terms(), true, List.of(), null, false);
        }
        boolean any = query.any();
        var hits = store.search(communityIds, query.terms(), any ? 1 : query.terms().size(), query.filter(),
                query.offset(), PAGE_SIZE + 1);
        if (hits.isEmpty() && !any && query.offset() == 0 && query.terms().size() > 1) {
            any = true;
            hits = store.search(communityIds, query.terms(), 1, query.filter(), 0, PAGE_SIZE + 1);
        }
        String next = null;
        if (hits.size() > PAGE_SIZE) {
            hits = hits.subList(0, PAGE_SIZE);
            next = (query.offset() + PAGE_SIZE) + (any ? "a" : "");
        }
        // within one community every hit is from the community already read
        var infos = community != null ? java.util.Map.of(community.id(), community)
                : communities.findAll(hits.stream().map(SearchStore.Hit::communityId).distinct().toList());
        var authors = accounts.findAll(hits.stream().map(SearchStore.Hit::authorId).distinct().toList());
        var items = new ArrayList<SearchHit>();
        for (var h : hits) {
            var info = infos.get(h.communityId());
            if (info == null) {
                continue;
            }
            boolean comment = SearchIndexer.COMMENT.equals(h.kind());
            var text = h.plainText().isEmpty() ? h.title() : h.plainText();
            var author = authors.get(h.authorId());
            items.add(new SearchHit(h.kind(), h.postId(), comment ? h.refId() : null, h.postKind(), info.slug(), info.name(),
                    h.sectionId(), h.title(), Snippets.of(text, query.terms()), h.authorId(),
                    author == null ? "" : author.displayName(), h.createdAt(),
                    "/c/" + info.slug() + "/posts/" + h.postId() + (comment ? "#comment-" + h.refId() : "")));
        }
        return new SearchResults(query.q(), slugOf(community), nameOf(community), query.terms(), !any, items, next, false);
    }

    private static String slugOf(CommunityInfo c) {
        return c == null ? null : c.slug();
    }

    private static String nameOf(CommunityInfo c) {
        return c == null ? null : c.name();
    }

    record Query(String q, List<String> terms, SearchStore.Filter filter, int offset, boolean any) {
    }

    /** Checks every field and reports all problems at once. */
    static Query parse(SearchForm form) {
        var problems = new ArrayList<Rejection.FieldProblem>();
        var q = form == null || form.q() == null ? "" : form.q().strip();
        List<String> terms = List.of();
        if (q.isEmpty()) {
            problems.add(new Rejection.FieldProblem("q", "search.q.required"));
        } else if (q.length() > MAX_QUERY) {
            problems.add(new Rejection.FieldProblem("q", "search.q.tooLong", MAX_QUERY));
        } else {
            terms = ChineseTokenizer.queryTerms(q);
            if (terms.isEmpty()) {
                problems.add(new Rejection.FieldProblem("q", "search.q.noWords"));
            }
            if (terms.size() > MAX_TERMS) {
                terms = terms.subList(0, MAX_TERMS);
            }
        }
        if (form == null) {
            throw Rejection.invalid(problems);
        }
        Long section = number(form.section(), "section", problems);
        Long author = number(form.author(), "author", problems);
        String kind = null;
        String postKind = null;
        if (present(form.kind())) {
            var k = form.kind().strip().toUpperCase(Locale.ROOT);
            if (k.equals(SearchIndexer.POST) || k.equals(SearchIndexer.COMMENT)) {
                kind = k;
            } else if (POST_KINDS.contains(k)) {
                kind = SearchIndexer.POST;
                postKind = k;
            } else {
                problems.add(new Rejection.FieldProblem("kind", "search.kind.invalid"));
            }
        }
        var from = day(form.from(), "from", problems);
        var to = day(form.to(), "to", problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(new Rejection.FieldProblem("to", "search.to.beforeFrom"));
        }
        int offset = 0;
        boolean any = false;
        if (present(form.cursor())) {
            var m = CURSOR.matcher(form.cursor().strip());
            if (m.matches() && Integer.parseInt(m.group(1)) <= MAX_OFFSET) {
                offset = Integer.parseInt(m.group(1));
                any = !m.group(2).isEmpty();
            } else {
                problems.add(new Rejection.FieldProblem("cursor", "search.cursor.invalid"));
            }
        }
        if (!problems.isEmpty()) {
            throw Rejection.invalid(problems);
        }
        var filter = new SearchStore.Filter(section, kind, postKind, author,
                from == null ? null : from.atStartOfDay().atOffset(ZoneOffset.UTC),
                to == null ? null : to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        return new Query(q, terms, filter, offset, any);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static Long number(String value, String field, List<Rejection.FieldProblem> problems) {
        if (!present(value)) {
            return null;
        }
        var s = value.strip();
        if (s.length() > 18 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            problems.add(new Rejection.FieldProblem(field, "search." + field + ".invalid"));
            return null;
        }
        return Long.parseLong(s);
    }

    private static LocalDate day(String value, String field, List<Rejection.FieldProblem> problems) {
        if (!present(value)) {
            return null;
        }
        try {
            var s = value.strip();
            if (s.length() != 10) {
                throw new DateTimeParseException("length", s, 0);
            }
            var d = LocalDate.parse(s);
            if (d.getYear() < 1970 || d.getYear() > 9999) {
                throw new DateTimeParseException("range", s, 0);
            }
            return d;
        } catch (DateTimeParseException e) {
            problems.add(new Rejection.FieldProblem(field, "search.date.invalid"));
            return null;
        }
    }
}
