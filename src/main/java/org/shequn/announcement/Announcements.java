package org.shequn.announcement;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.shequn.announcement.view.AnnouncementEditor;
import org.shequn.announcement.view.AnnouncementList;
import org.shequn.announcement.view.AnnouncementPage;
import org.shequn.announcement.view.AnnouncementView;
import org.shequn.announcement.view.Receipts;
import org.shequn.membership.Memberships;
import org.shequn.membership.Standing;
import org.shequn.profile.ProfileCard;
import org.shequn.profile.Profiles;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.text.Markdown;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What members read of announcements: the list, one announcement (its page counts as reading it), marking one
 * read, and for the owner and admins the receipts.
 *
 * <p>Unread means: a member of the community now, who has no receipt. Nothing is written when someone joins, so a
 * member who joins after an announcement was published finds it unread on their feed while it is active, and
 * counts among the unread on the receipts page; someone who left is in neither list.
 */
@Service
public class Announcements {


    private final AnnouncementAccess access;
    private final AnnouncementStore store;
    private final Memberships memberships;
    private final Profiles profiles;
    private final Markdown markdown;
    private final Clock clock;

    Announcements(AnnouncementAccess access, AnnouncementStore store, Memberships memberships, Profiles profiles,
                  Markdown markdown, Clock clock) {
        this.access = access;
        this.store = store;
        this.memberships = memberships;
        this.profiles = profiles;
        this.markdown = markdown;
        this.clock = clock;
    }

    /** Every announcement (withdrawn ones only for the owner and admins), newest first, with the viewer's read flags. */
    public AnnouncementList list(Viewer viewer, String slug) {
        var seat = access.read(viewer, slug);
        var rows = store.list(seat.communityId(), seat.runs());
        var read = store.readOf(seat.accountId(), rows.stream().map(AnnouncementStore.AnnouncementRow::id).toList());
        var authors = profiles.findAll(rows.stream().map(AnnouncementStore.AnnouncementRow::authorId).distinct().toList());
        var community = seat.community();
        return new AnnouncementList(community.slug(), community.name(), community.archived(), seat.runs(),
                seat.runs() && !community.archived(), rows.stream().map(r -> view(r, authors, read.contains(r.id()))).toList());
    }

    /** One announcement for the API: reading it there is not marking it (that is its own call). */
    public AnnouncementView get(Viewer viewer, String slug, long id) {
        var seat = access.read(viewer, slug);
        var row = visible(seat, id);
        return view(row, !store.readOf(seat.accountId(), List.of(id)).isEmpty());
    }

    /**
     * The announcement's page: opening it is reading it (unless the community is archived and takes no writes,
     * or it was withdrawn); the owner and admins see the receipts below it.
     */
    @Transactional
    public AnnouncementPage open(Viewer viewer, String slug, long id) {
        var seat = access.read(viewer, slug);
        var row = visible(seat, id);
        boolean read = !store.readOf(seat.accountId(), List.of(id)).isEmpty();
        if (!read && !row.withdrawn() && !seat.community().archived()) {
            store.markRead(row.id(), seat.communityId(), seat.accountId(), now());
            read = true;
        }
        var community = seat.community();
        return new AnnouncementPage(community.slug(), community.name(), community.archived(), seat.runs(),
                view(row, read), seat.runs() ? receipts(seat, row) : null);
    }

    /** Marks an active announcement read for the viewer; true when it was unread until now. */
    @Transactional
    public boolean markRead(Viewer viewer, String slug, long id) {
        var seat = access.write(viewer, slug);
        var row = active(seat, id);
        return store.markRead(row.id(), seat.communityId(), seat.accountId(), now()) == 1;
    }

    /** Who has read it and who has not, among the members of now: the owner and admins only. */
    public Receipts receipts(Viewer viewer, String slug, long id) {
        var seat = access.runnerRead(viewer, slug);
        return receipts(seat, found(seat, id));
    }

    /** The publish form, empty. */
    public AnnouncementEditor editor(Viewer viewer, String slug) {
        var seat = access.runnerWrite(viewer, slug);
        return editor(seat, null, "", "");
    }

    /** The edit form with the announcement's text. */
    public AnnouncementEditor editor(Viewer viewer, String slug, long id) {
        var seat = access.runnerWrite(viewer, slug);
        var row = active(seat, id);
        return editor(seat, row.id(), row.title(), row.body());
    }

    /** The form again after a refusal, with what was typed. */
    public AnnouncementEditor editor(Viewer viewer, String slug, Long id, AnnouncementDraft typed) {
        var seat = access.runnerWrite(viewer, slug);
        return editor(seat, id, typed.title() == null ? "" : typed.title(), typed.body() == null ? "" : typed.body());
    }

    Receipts receipts(Standing seat, AnnouncementStore.AnnouncementRow row) {
        var members = members(seat.communityId());
        var readers = store.readers(row.id());
        var cards = profiles.findAll(members);
        var read = new ArrayList<Receipts.Reader>();
        var unread = new ArrayList<Receipts.Reader>();
        for (long member : members) {
            var card = cards.get(member);
            var name = card == null ? "?" : card.displayName();
            var avatar = card == null ? null : card.avatarUrl();
            var at = readers.get(member);
            (at == null ? unread : read).add(new Receipts.Reader(member, name, avatar, at));
        }
        read.sort(Comparator.comparing(Receipts.Reader::readAt).thenComparing(Receipts.Reader::accountId));
        boolean mayRemind = !seat.community().archived() && !row.withdrawn() && row.remindedAt() == null && !unread.isEmpty();
        return new Receipts(row.id(), read.size(), unread.size(), List.copyOf(read), List.copyOf(unread),
                row.remindedAt(), mayRemind);
    }

    /** Everyone in the community now, walked a page at a time. */
    List<Long> members(long communityId) {
        var all = new ArrayList<Long>();
        memberships.eachMember(communityId, all::add);
        return all;
    }

    /** The announcement, withdrawn or not: for those who run the community. */
    AnnouncementStore.AnnouncementRow found(Standing seat, long id) {
        return store.byId(seat.communityId(), id).orElseThrow(() -> Rejection.notFound("announcement.notFound"));
    }

    /** A withdrawn announcement is gone for members; the owner and admins still find it. */
    AnnouncementStore.AnnouncementRow visible(Standing seat, long id) {
        var row = found(seat, id);
        if (row.withdrawn() && !seat.runs()) {
            throw Rejection.notFound("announcement.notFound");
        }
        return row;
    }

    /** One that is still in force: nothing is marked, edited or reminded about once it is withdrawn. */
    AnnouncementStore.AnnouncementRow active(Standing seat, long id) {
        var row = visible(seat, id);
        if (row.withdrawn()) {
            throw Rejection.conflict("announcement.withdrawn");
        }
        return row;
    }

    AnnouncementView view(AnnouncementStore.AnnouncementRow row, boolean read) {
        return view(row, profiles.findAll(List.of(row.authorId())), read);
    }

    private AnnouncementView view(AnnouncementStore.AnnouncementRow row, Map<Long, ProfileCard> authors, boolean read) {
        var author = authors.get(row.authorId());
        return new AnnouncementView(row.id(), row.title(), row.body(), markdown.toSafeHtml(row.body()), row.authorId(),
                author == null ? "?" : author.displayName(), row.publishedAt(), row.editedAt(), row.withdrawn(), read);
    }

    /** The unread ones above a member's feed, in one query; their author is not shown there. */
    List<AnnouncementView> unread(long communityId, long accountId, int limit) {
        return store.unread(communityId, accountId, limit).stream()
                .map(r -> view(r, Map.of(), false)).toList();
    }

    private static AnnouncementEditor editor(Standing seat, Long id, String title, String body) {
        return new AnnouncementEditor(seat.community().slug(), seat.community().name(), id, title, body,
                AnnouncementDraft.TITLE_MAX, AnnouncementDraft.BODY_MAX);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
