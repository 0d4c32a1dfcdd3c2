package org.shequn.directory;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.shequn.community.CommunityInfo;
import org.shequn.community.CommunityRole;
import org.shequn.membership.CommunityGate;
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
public class MemberDirectory {

    static final int PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 50;
    private static final long FACET_TTL_MILLIS = 60_000;

    private final DirectoryStore store;
    private final CommunityGate gate;
    private final Accounts accounts;
    private final SocialGraph social;
    /** Facet lists are suggestions for the filter form; a minute-old list on one node is fine. */
    private final Map<Long, Facets> facetCache = new ConcurrentHashMap<>();

    private record Facets(Map<String, List<String>> values, long at) {
    }

    MemberDirectory(DirectoryStore store, CommunityGate gate, Accounts accounts, SocialGraph social) {
        this.store = store;
        this.gate = gate;
        this.accounts = accounts;
        this.social = social;
    }

    public DirectoryPage page(Viewer viewer, String slug, DirectoryFilter filter, String cursorToken, Integer limit,
                       boolean withFacets) {
        var standing = gate.of(viewer, slug);
        // the page shows outsiders and visitors who runs the community and how to get in; the API wants an account
        var community = (withFacets ? standing : standing.requireSignedIn()).requireCommunity().community();
        int count = standing.memberCount();
        var owner = ownerName(community);
        if (!standing.member()) {
            return new DirectoryPage(community.slug(), community.name(), false, count, community.ownerId(), owner,
                    List.of(), null, Map.of(), false);
        }
        int size = limit == null ? PAGE_SIZE : limit;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw Rejection.invalid("limit", "directory.limit", MAX_PAGE_SIZE);
        }
        var cursor = Cursor.decode(cursorToken);
        OffsetDateTime before = cursor == null ? null : cursor.time();
        var rows = store.page(community.id(), viewer.accountId(), tags(filter), blankToNull(filter.q(), 40, "q"), before,
                cursor == null ? 0 : cursor.id(), size + 1);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            var last = rows.getLast();
            next = Cursor.at(last.joinedAt(), last.accountId()).encode();
        }
        return new DirectoryPage(community.slug(), community.name(), true, count, community.ownerId(), owner, rows, next,
                withFacets ? facets(community.id()) : Map.of(), standing.runs());
    }

    /** A member's entry as another member sees it, with the friends they share. */
    public DirectoryMember member(Viewer viewer, String slug, long accountId) {
        var community = gate.of(viewer, slug).requireMember("directory.membersOnly").community();
        if (accountId != viewer.accountId() && social.blockedEitherWay(viewer.accountId(), accountId)) {
            throw Rejection.notFound("directory.noSuchMember");
        }
        return store.one(community.id(), accountId).orElseThrow(() -> Rejection.notFound("directory.noSuchMember"));
    }

    public List<AccountSummary> mutualFriends(Viewer viewer, long accountId) {
        if (viewer == null || viewer.accountId() == accountId) {
            return List.of();
        }
        var ids = social.mutualFriends(viewer.accountId(), accountId, 12);
        var names = accounts.findAll(ids);
        return ids.stream().map(names::get).filter(java.util.Objects::nonNull).toList();
    }

    private record OwnerName(long ownerId, String name, long at) {
    }

    private static final long OWNER_NAME_TTL_MILLIS = 5_000;
    /** The owner's display name changes rarely; keeping it a few seconds per node saves a query on every page. */
    private final Map<Long, OwnerName> ownerNames = new ConcurrentHashMap<>();

    private String ownerName(CommunityInfo community) {
        var cached = ownerNames.get(community.id());
        long now = System.currentTimeMillis();
        if (cached != null && cached.ownerId() == community.ownerId() && now - cached.at() < OWNER_NAME_TTL_MILLIS) {
            return cached.name();
        }
        var name = accounts.find(community.ownerId()).map(AccountSummary::displayName).orElse("?");
        if (ownerNames.size() > 10_000) {
            ownerNames.clear();
        }
        ownerNames.put(community.id(), new OwnerName(community.ownerId(), name, now));
        return name;
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
            if (Arrays.stream(CommunityRole.values()).noneMatch(r -> r.name().equalsIgnoreCase(f.role().strip()))) {
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
