package org.shequn.directory;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.shequn.community.CommunityInfo;
import org.shequn.community.Communities;
import org.shequn.community.MemberRoster;
import org.shequn.directory.view.DirectoryFilter;
import org.shequn.directory.view.DirectoryMember;
import org.shequn.directory.view.DirectoryPage;
import org.shequn.identity.Accounts;
import org.shequn.identity.AccountSummary;
import org.shequn.shared.Cursor;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.social.SocialGraph;
import org.springframework.stereotype.Service;

/**
 * Reading the directory: members only (outsiders get the count and the owner), people who blocked each
 * other never see each other, filters combine with AND.
 */
@Service
class MemberDirectory {

    static final int PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 50;
    private static final long FACET_TTL_MILLIS = 60_000;

    private final DirectoryStore store;
    private final Communities communities;
    private final MemberRoster roster;
    private final Accounts accounts;
    private final SocialGraph social;
    /** Facet lists are suggestions for the filter form; a minute-old list on one node is fine. */
    private final Map<Long, Facets> facetCache = new ConcurrentHashMap<>();

    private record Facets(Map<String, List<String>> values, long at) {
    }

    MemberDirectory(DirectoryStore store, Communities communities, MemberRoster roster, Accounts accounts,
                    SocialGraph social) {
        this.store = store;
        this.communities = communities;
        this.roster = roster;
        this.accounts = accounts;
        this.social = social;
    }

    DirectoryPage page(Viewer viewer, String slug, DirectoryFilter filter, String cursorToken, Integer limit,
                       boolean withFacets) {
        var community = heading(slug);
        var standing = roster.standing(community.id(), viewer == null ? 0 : viewer.accountId());
        int count = standing.memberCount();
        var owner = community.ownerName();
        if (viewer == null || standing.role().isEmpty()) {
            if (viewer == null && !withFacets) {
                throw Rejection.unauthenticated();
            }
            return new DirectoryPage(community.slug(), community.name(), false, count, community.ownerId(), owner,
                    List.of(), null, Map.of());
        }
        int size = limit == null ? PAGE_SIZE : limit;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw Rejection.invalid("limit", "directory.limit", MAX_PAGE_SIZE);
        }
        var cursor = Cursor.decode(cursorToken);
        OffsetDateTime before = cursor == null ? null : cursor.time();
        Set<Long> hidden = social.blockedEitherWay(viewer.accountId());
        var rows = store.page(community.id(), tags(filter), blankToNull(filter.q(), 40, "q"), hidden, before,
                cursor == null ? 0 : cursor.id(), size + 1);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            var last = rows.getLast();
            next = Cursor.at(last.joinedAt(), last.accountId()).encode();
        }
        return new DirectoryPage(community.slug(), community.name(), true, count, community.ownerId(), owner, rows, next,
                withFacets ? facets(community.id()) : Map.of());
    }

    /** A member's entry as another member sees it, with the friends they share. */
    DirectoryMember member(Viewer viewer, String slug, long accountId) {
        Viewer.require(viewer);
        var community = community(slug);
        if (!isMember(viewer, community)) {
            throw Rejection.forbidden("directory.membersOnly");
        }
        if (accountId != viewer.accountId() && social.blockedEitherWay(viewer.accountId(), accountId)) {
            throw Rejection.notFound("directory.noSuchMember");
        }
        return store.one(community.id(), accountId).orElseThrow(() -> Rejection.notFound("directory.noSuchMember"));
    }

    List<AccountSummary> mutualFriends(Viewer viewer, long accountId) {
        if (viewer == null || viewer.accountId() == accountId) {
            return List.of();
        }
        var ids = social.mutualFriends(viewer.accountId(), accountId, 12);
        var names = accounts.findAll(ids);
        return ids.stream().map(names::get).filter(java.util.Objects::nonNull).toList();
    }

    /** What a directory page shows about the community itself. */
    private record Heading(long id, String slug, String name, long ownerId, String ownerName, long at) {
    }

    private static final long HEADING_TTL_MILLIS = 5_000;
    /**
     * Name and owner change rarely; keeping them a few seconds per node saves four queries on every page.
     * Who may see the directory is never cached: membership is read fresh each time.
     */
    private final Map<String, Heading> headings = new ConcurrentHashMap<>();

    private Heading heading(String slug) {
        var key = slug == null ? "" : slug.toLowerCase(java.util.Locale.ROOT);
        var cached = headings.get(key);
        long now = System.currentTimeMillis();
        if (cached != null && now - cached.at() < HEADING_TTL_MILLIS) {
            return cached;
        }
        var community = community(slug);
        var owner = accounts.find(community.ownerId()).map(AccountSummary::displayName).orElse("?");
        var fresh = new Heading(community.id(), community.slug(), community.name(), community.ownerId(), owner, now);
        if (headings.size() > 10_000) {
            headings.clear();
        }
        headings.put(key, fresh);
        return fresh;
    }

    private CommunityInfo community(String slug) {
        return communities.findBySlug(slug).orElseThrow(() -> Rejection.notFound("community.notFound"));
    }

    private boolean isMember(Viewer viewer, CommunityInfo community) {
        return viewer != null && roster.roleOf(community.id(), viewer.accountId()).isPresent();
    }

    private Map<String, List<String>> facets(long communityId) {
        var cached = facetCache.get(communityId);
        long now = System.currentTimeMillis();
        if (cached == null || now - cached.at() > FACET_TTL_MILLIS) {
            cached = new Facets(store.facets(communityId, 30), now);
            facetCache.put(communityId, cached);
        }
        return cached.values();
    }

    static List<String> tags(DirectoryFilter f) {
        var tags = new ArrayList<String>();
        add(tags, DirectoryTag.CITY, f.city(), "city");
        add(tags, DirectoryTag.INDUSTRY, f.industry(), "industry");
        add(tags, DirectoryTag.COMPANY, f.company(), "company");
        add(tags, DirectoryTag.POSITION, f.position(), "position");
        add(tags, DirectoryTag.SCHOOL, f.school(), "school");
        add(tags, DirectoryTag.SKILL, f.skill(), "skill");
        if (f.role() != null && !f.role().isBlank()) {
            if (!Set.of("OWNER", "ADMIN", "CORE", "MEMBER").contains(f.role().strip().toUpperCase())) {
                throw Rejection.invalid("role", "directory.badRole");
            }
            tags.add(DirectoryTag.ROLE.tag(f.role()));
        }
        if (f.verified() != null && !f.verified().isBlank()) {
            var v = f.verified().strip().toLowerCase();
            if (!v.equals("real_name") && !v.equals("position")) {
                throw Rejection.invalid("verified", "directory.badVerified");
            }
            tags.add(DirectoryTag.VERIFIED.tag(v));
        }
        return tags;
    }

    private static void add(List<String> tags, DirectoryTag kind, String value, String field) {
        var v = blankToNull(value, DirectoryTag.MAX_VALUE, field);
        if (v != null) {
            tags.add(kind.tag(v));
        }
    }

    private static String blankToNull(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw Rejection.invalid(field, "directory.filterTooLong", max);
        }
        return value.strip();
    }
}
