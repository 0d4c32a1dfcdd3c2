package org.shequn.community;

import java.time.OffsetDateTime;
import java.util.List;
import org.shequn.community.view.CommunityCard;
import org.shequn.community.view.CommunityForm;
import org.shequn.community.view.CommunityView;
import org.shequn.identity.Accounts;
import org.shequn.identity.AccountSummary;
import org.shequn.shared.Cursor;
import org.shequn.shared.Page;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.text.Markdown;
import org.springframework.stereotype.Component;

/** Builds what pages and the API show of communities: reads only, with the owner-only check for the settings form. */
@Component
public class CommunityViews {

    static final int PAGE_SIZE = 24;

    private final CommunityCatalog catalog;
    private final CommunityStore store;
    private final CommunityDirectory directory;
    private final MemberRoster roster;
    private final Accounts accounts;
    private final Markdown markdown;

    CommunityViews(CommunityCatalog catalog, CommunityStore store, CommunityDirectory directory, MemberRoster roster,
                   Accounts accounts, Markdown markdown) {
        this.catalog = catalog;
        this.store = store;
        this.directory = directory;
        this.roster = roster;
        this.accounts = accounts;
        this.markdown = markdown;
    }

    /** A community's page as this viewer sees it (their role in it, if any); 404 for an unknown slug. */
    public CommunityView view(String slug, Viewer viewer) {
        return view(catalog.bySlug(slug), viewer);
    }

    private CommunityView view(CommunityRow r, Viewer viewer) {
        var info = directory.info(r);
        var role = viewer == null ? null : roster.roleOf(r.id(), viewer.accountId()).map(Enum::name).orElse(null);
        var owner = accounts.find(r.ownerId()).map(AccountSummary::displayName).orElse("?");
        return new CommunityView(r.id(), r.slug(), r.name(), r.description(), info.themes(), r.vision(),
                r.communityValues(), r.mission(), markdown.toSafeHtml(r.rules()), r.rules(), info.coverUrl(),
                r.visibility(), r.archivedAt() != null, roster.memberCount(r.id()), r.memberCap(), r.entryPolicy(),
                r.requiresRealName(), r.requiresPosition(), r.membersMayInvite(), info.questions(), r.ownerId(), owner,
                role, r.governance());
    }

    public Page<CommunityCard> listing(String theme, String query, String cursorToken) {
        var cursor = Cursor.decode(cursorToken);
        OffsetDateTime before = cursor == null ? null : cursor.time();
        long beforeId = cursor == null ? 0 : cursor.id();
        var rows = store.listing(blankToNull(theme), blankToNull(query), before, beforeId, PAGE_SIZE + 1);
        var more = rows.size() > PAGE_SIZE;
        var page = more ? rows.subList(0, PAGE_SIZE) : rows;
        var ids = page.stream().map(CommunityRow::id).toList();
        var themes = store.themes(ids);
        var counts = roster.memberCounts(ids);
        List<CommunityCard> cards = page.stream().map(r -> new CommunityCard(r.id(), r.slug(), r.name(), r.description(),
                themes.getOrDefault(r.id(), List.of()), CommunityDirectory.coverUrl(r.coverKey()),
                counts.getOrDefault(r.id(), 0), r.memberCap(), r.entryPolicy())).toList();
        String next = null;
        if (more) {
            var last = page.getLast();
            next = Cursor.at(last.createdAt(), last.id()).encode();
        }
        return new Page<>(cards, next);
    }

    public List<String> popularThemes() {
        return store.popularThemes(12);
    }

    /** The settings form filled in as the community is now; only its owner may open it. */
    public CommunityForm settingsForm(Viewer viewer, String slug) {
        Viewer.require(viewer);
        var r = catalog.bySlug(slug);
        if (r.ownerId() != viewer.accountId()) {
            throw Rejection.forbidden("community.ownerOnly");
        }
        var lists = store.lists(List.of(r.id()));
        return new CommunityForm(r.name(), r.slug(), r.description(),
                String.join("，", lists.themes().getOrDefault(r.id(), List.of())), r.vision(), r.communityValues(),
                r.mission(), r.rules(), r.visibility(), String.valueOf(r.memberCap()), r.entryPolicy(),
                String.valueOf(r.requiresRealName()), String.valueOf(r.requiresPosition()),
                String.valueOf(r.membersMayInvite()), lists.questions().getOrDefault(r.id(), List.of()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
