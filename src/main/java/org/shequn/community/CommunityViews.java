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
import org.shequn.shared.Viewer;
import org.shequn.shared.text.Markdown;
import org.springframework.stereotype.Component;

/** Builds what pages and the API show of communities. */
@Component
class CommunityViews {

    static final int PAGE_SIZE = 24;

    private final CommunityStore store;
    private final CommunityDirectory directory;
    private final MemberRoster roster;
    private final Accounts accounts;
    private final Markdown markdown;

    CommunityViews(CommunityStore store, CommunityDirectory directory, MemberRoster roster, Accounts accounts,
                   Markdown markdown) {
        this.store = store;
        this.directory = directory;
        this.roster = roster;
        this.accounts = accounts;
        this.markdown = markdown;
    }

    CommunityView view(CommunityRow r, Viewer viewer) {
        var info = directory.info(r);
        var role = viewer == null ? null : roster.roleOf(r.id(), viewer.accountId()).map(Enum::name).orElse(null);
        var owner = accounts.find(r.ownerId()).map(AccountSummary::displayName).orElse("?");
        return new CommunityView(r.id(), r.slug(), r.name(), r.description(), info.themes(), r.vision(),
                r.communityValues(), r.mission(), markdown.toSafeHtml(r.rules()), r.rules(), info.coverUrl(),
                r.visibility(), r.archivedAt() != null, roster.memberCount(r.id()), r.memberCap(), r.entryPolicy(),
                r.requiresRealName(), r.requiresPosition(), r.membersMayInvite(), info.questions(), r.ownerId(), owner,
                role);
    }

    Page<CommunityCard> listing(String theme, String query, String cursorToken) {
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

    List<String> popularThemes() {
        return store.popularThemes(12);
    }

    static CommunityForm form(CommunityRow r, List<String> themes, List<String> questions) {
        return new CommunityForm(r.name(), r.slug(), r.description(), String.join("，", themes), r.vision(),
                r.communityValues(), r.mission(), r.rules(), r.visibility(), String.valueOf(r.memberCap()),
                r.entryPolicy(), String.valueOf(r.requiresRealName()), String.valueOf(r.requiresPosition()),
                String.valueOf(r.membersMayInvite()), questions);
    }

    /** The browser's strings to the use case's command; a cap that is not a number fails the range check. */
    static CommunitySettings settings(CommunityForm f) {
        Integer cap;
        try {
            cap = f.memberCap() == null || f.memberCap().isBlank() ? null : Integer.valueOf(f.memberCap().strip());
        } catch (NumberFormatException e) {
            cap = -1;
        }
        return new CommunitySettings(f.name(), f.slug(), f.description(), CommunityForm.splitTags(f.themes()), f.vision(),
                f.values(), f.mission(), f.rules(), parse(Visibility.class, f.visibility(), Visibility.PUBLIC), cap,
                parse(EntryPolicy.class, f.entryPolicy(), EntryPolicy.OPEN), f.checked(f.requiresRealName()),
                f.checked(f.requiresPosition()), f.checked(f.membersMayInvite()),
                f.questions() == null ? List.of() : f.questions().stream().filter(q -> q != null && !q.isBlank()).toList(),
                null);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback) {
        try {
            return value == null ? fallback : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
