package org.shequn.event;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.shequn.event.view.EventPhoto;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.files.FileStore;
import org.shequn.shared.files.ImageUploads;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * An event's photo album: once it has started, those who were checked in and its staff add pictures (through the
 * shared image checks: a real PNG, JPEG or GIF, re-encoded, stored as a private file); its members see them.
 */
@Service
public class EventAlbum {

    public static final int MAX_PER_PERSON = 20;
    static final int SIDE = 2048;

    private final EventAccess access;
    private final EventStore store;
    private final ImageUploads images;
    private final FileStore files;
    private final Events events;
    private final Clock clock;

    EventAlbum(EventAccess access, EventStore store, ImageUploads images, FileStore files, Events events, Clock clock) {
        this.access = access;
        this.store = store;
        this.images = images;
        this.files = files;
        this.events = events;
        this.clock = clock;
    }

    public List<EventPhoto> photos(Viewer viewer, String slug, long id) {
        var seat = access.read(viewer, slug);
        var event = access.event(seat, id);
        var rows = store.photos(event.id());
        var names = events.names(rows.stream().map(EventStore.PhotoRow::accountId).toList());
        boolean staff = !rows.isEmpty() && access.staff(seat, event.id());
        return rows.stream().map(p -> new EventPhoto(p.id(), p.accountId(), names.getOrDefault(p.accountId(), "?"),
                "/c/" + seat.community().slug() + "/events/" + event.id() + "/photos/" + p.id() + "/image", p.createdAt(),
                staff || p.accountId() == seat.accountId()))
                .toList();
    }

    /** Takes a picture out of the album: the one who added it, or the event's staff; its file goes once this commits. */
    @Transactional
    public void remove(Viewer viewer, String slug, long id, long photoId) {
        var seat = access.write(viewer, slug);
        var event = access.event(seat, id);
        var photo = store.photo(event.id(), photoId).orElseThrow(() -> Rejection.notFound("event.album.notFound"));
        if (photo.accountId() != seat.accountId() && !access.staff(seat, event.id())) {
            throw Rejection.forbidden("event.album.notYours");
        }
        if (store.deletePhoto(event.id(), photo.id())) {
            files.deleteOnceCommitted(photo.fileKey());
        }
    }

    /** Adds a picture: an attendee's or staff's, after the start, at most {@value #MAX_PER_PERSON} each. */
    @Transactional
    public EventPhoto add(Viewer viewer, String slug, long id, MultipartFile upload) {
        var seat = access.write(viewer, slug);
        var event = access.event(seat, id);
        var now = OffsetDateTime.now(clock);
        boolean attended = store.registration(event.id(), seat.accountId()).filter(r -> r.checkedInAt() != null).isPresent();
        // a conflict with the member's own part in the event, not a refusal of who they are
        if (!attended && !access.staff(seat, event.id())) {
            throw Rejection.conflict("event.album.attendeesOnly");
        }
        if (event.startsAt().isAfter(now)) {
            throw Rejection.conflict("event.album.notYet");
        }
        if (store.photosBy(event.id(), seat.accountId()) >= MAX_PER_PERSON) {
            throw Rejection.conflict("event.album.tooMany", MAX_PER_PERSON);
        }
        ImageUploads.refuseTrailingData(bytes(upload), "file");
        var key = images.storePrivate(upload, "file", SIDE);
        files.deleteUnlessCommitted(key);
        long photo = store.insertPhoto(event.id(), event.communityId(), seat.accountId(), key, now);
        return photos(viewer, slug, id).stream().filter(p -> p.id() == photo).findFirst().orElseThrow();
    }

    /** The picture itself, for the community's members. */
    public FileStore.StoredFile image(Viewer viewer, String slug, long id, long photoId) {
        var seat = access.read(viewer, slug);
        var event = access.event(seat, id);
        return store.photo(event.id(), photoId).flatMap(p -> files.get(p.fileKey()))
                .orElseThrow(() -> Rejection.notFound("event.album.notFound"));
    }

    private static byte[] bytes(MultipartFile upload) {
        if (upload == null || upload.isEmpty()) {
            throw Rejection.invalid("file", "upload.empty");
        }
        if (upload.getSize() > ImageUploads.MAX_BYTES) {
            throw Rejection.tooLarge("upload.tooLarge", ImageUploads.MAX_BYTES / 1024 / 1024);
        }
        try {
            return upload.getBytes();
        } catch (java.io.IOException e) {
            throw Rejection.invalid("file", "upload.unreadable");
        }
    }
}
