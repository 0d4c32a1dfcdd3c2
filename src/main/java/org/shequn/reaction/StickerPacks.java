package org.shequn.reaction;

import org.shequn.content.CommentStickers;
import org.shequn.membership.Standing;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.shequn.reaction.view.StickerPackView;
import org.shequn.reaction.view.StickerShelf;
import org.shequn.reaction.view.StickerView;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.files.FileStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A community's sticker packs (表情包): owners and admins upload, rename, archive and delete them; members see the
 * active ones and use them. Files are private: only members fetch them, through {@link #image}. Every file of an
 * upload is judged before anything is stored, so a refused upload leaves neither a file nor a row.
 */
@Service
public class StickerPacks implements CommentStickers {

    static final int MAX_PACKS = 10;
    static final int MAX_STICKERS = 24;
    static final int MAX_NAME = 20;
    /** The largest sticker file accepted, which a form's upload may be refused at before it is read. */
    public static final int MAX_BYTES = StickerImages.MAX_BYTES;
    private static final String SINGLE_LINE = "^[^\\p{Cntrl}]*$";

    /** One uploaded sticker: its name (alt text; blank takes the pack's name) and the file's bytes. */
    public record Upload(String name, byte[] bytes) {
    }

    private final ReactionAccess access;
    private final StickerStore store;
    private final FileStore files;
    private final Clock clock;

    StickerPacks(ReactionAccess access, StickerStore store, FileStore files, Clock clock) {
        this.access = access;
        this.store = store;
        this.files = files;
        this.clock = clock;
    }

    /** Members see the active packs; owners and admins also the archived ones, to restore or delete them. */
    public StickerShelf shelf(Viewer viewer, String slug) {
        var seat = access.read(viewer, slug);
        var byPack = store.stickersOf(seat.communityId()).stream()
                .collect(Collectors.groupingBy(StickerStore.StickerRow::packId));
        var packs = store.packs(seat.communityId()).stream().filter(p -> seat.runs() || !p.archived())
                .map(p -> new StickerPackView(p.id(), p.name(), p.archived(), byPack.getOrDefault(p.id(), List.of())
                        .stream().map(s -> view(seat.community().slug(), s)).toList()))
                .toList();
        return new StickerShelf(seat.community().slug(), seat.community().name(), seat.community().archived(),
                seat.runs() && !seat.community().archived(), MAX_PACKS, MAX_STICKERS, StickerImages.MAX_BYTES / 1024,
                StickerImages.MAX_SIDE, packs);
    }

    @Transactional
    public long createPack(Viewer viewer, String slug, String name, List<Upload> uploads) {
        var seat = runner(viewer, slug);
        var packName = name(name, "name");
        if (uploads.isEmpty()) {
            throw Rejection.invalid("stickers", "content.sticker.pack.empty");
        }
        if (uploads.size() > MAX_STICKERS) {
            throw Rejection.invalid("stickers", "content.sticker.pack.full", MAX_STICKERS);
        }
        var checked = check(uploads, packName, 0);
        if (store.countPacksLocked(seat.communityId()) >= MAX_PACKS) {
            throw Rejection.conflict("content.sticker.pack.tooMany", MAX_PACKS);
        }
        long packId = store.insertPack(seat.communityId(), packName, seat.accountId(), now());
        var pack = store.pack(seat.communityId(), packId).orElseThrow();
        save(pack, checked);
        return packId;
    }

    @Transactional
    public long addSticker(Viewer viewer, String slug, long packId, Upload upload) {
        var seat = runner(viewer, slug);
        var pack = store.packLocked(seat.communityId(), packId)
                .orElseThrow(() -> Rejection.notFound("content.sticker.pack.notFound"));
        var checked = check(List.of(upload), pack.name(), -1);
        if (store.countStickers(pack.id()) >= MAX_STICKERS) {
            throw Rejection.conflict("content.sticker.pack.full", MAX_STICKERS);
        }
        return save(pack, checked).getFirst();
    }

    @Transactional
    public void renamePack(Viewer viewer, String slug, long packId, String name) {
        var seat = runner(viewer, slug);
        var pack = pack(seat, packId);
        store.renamePack(pack.id(), name(name, "name"));
    }

    @Transactional
    public void archivePack(Viewer viewer, String slug, long packId, boolean archived) {
        var seat = runner(viewer, slug);
        var pack = pack(seat, packId);
        if (archived && !pack.archived()) {
            store.archivePack(pack.id(), now());
        } else if (!archived && pack.archived()) {
            // archived packs count towards the limit too, so restoring one never goes over it
            store.archivePack(pack.id(), null);
        }
    }

    @Transactional
    public void deletePack(Viewer viewer, String slug, long packId) {
        var seat = runner(viewer, slug);
        var pack = pack(seat, packId);
        afterCommit(store.deletePack(pack.id()));
    }

    @Transactional
    public void renameSticker(Viewer viewer, String slug, long stickerId, String name) {
        var seat = runner(viewer, slug);
        var sticker = sticker(seat, stickerId);
        store.renameSticker(sticker.id(), name(name, "name"));
    }

    @Transactional
    public void deleteSticker(Viewer viewer, String slug, long stickerId) {
        var seat = runner(viewer, slug);
        var sticker = sticker(seat, stickerId);
        store.deleteSticker(sticker.id());
        afterCommit(List.of(sticker.fileKey()));
    }

    /** A sticker's file, for members of its community only (archived packs too: old reactions still show it). */
    public FileStore.StoredFile image(Viewer viewer, String slug, long stickerId) {
        var seat = access.read(viewer, slug);
        var sticker = sticker(seat, stickerId);
        return files.get(sticker.fileKey()).orElseThrow(() -> Rejection.notFound("content.sticker.notFound"));
    }

    /** The stickers members may use now: those of active packs. */
    List<StickerView> palette(Standing seat) {
        var active = store.packs(seat.communityId()).stream().filter(p -> !p.archived()).map(StickerStore.PackRow::id)
                .collect(Collectors.toSet());
        return store.stickersOf(seat.communityId()).stream().filter(s -> active.contains(s.packId()))
                .map(s -> view(seat.community().slug(), s)).toList();
    }

    @Override
    public boolean usable(Standing author, long stickerId) {
        return store.usable(author.communityId(), stickerId).isPresent();
    }

    StickerView view(String slug, StickerStore.StickerRow s) {
        return new StickerView(s.id(), s.packId(), s.name(), "/c/" + slug + "/stickers/" + s.id() + "/image", s.width(),
                s.height());
    }

    private record Accepted(String name, StickerImages.Checked file) {
    }

    /** Judges every file first (index -1: a single upload, no index in the field name). */
    private static List<Accepted> check(List<Upload> uploads, String packName, int first) {
        var accepted = new ArrayList<Accepted>();
        for (int i = 0; i < uploads.size(); i++) {
            var field = first < 0 ? "file" : "stickers[" + (first + i) + "]";
            var u = uploads.get(i);
            var name = u.name() == null || u.name().isBlank() ? packName : name(u.name(), field + ".name");
            accepted.add(new Accepted(name, StickerImages.check(u.bytes(), field)));
        }
        return accepted;
    }

    /** Stores the files, then the rows; if the transaction does not commit, the files go again. */
    private List<Long> save(StickerStore.PackRow pack, List<Accepted> accepted) {
        var keys = new ArrayList<String>();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    keys.forEach(files::delete);
                }
            }
        });
        var ids = new ArrayList<Long>();
        for (var a : accepted) {
            var key = files.putPrivate(a.file().bytes(), a.file().contentType());
            keys.add(key);
            ids.add(store.insertSticker(pack, a.name(), key, a.file().contentType(), a.file().width(),
                    a.file().height(), now()));
        }
        return ids;
    }

    private void afterCommit(List<String> keys) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                keys.forEach(files::delete);
            }
        });
    }

    private Standing runner(Viewer viewer, String slug) {
        var seat = access.read(viewer, slug);
        if (!seat.runs()) {
            throw Rejection.forbidden("content.sticker.runnersOnly");
        }
        if (seat.community().archived()) {
            throw Rejection.conflict("content.communityArchived");
        }
        return seat;
    }

    private StickerStore.PackRow pack(Standing seat, long packId) {
        return store.pack(seat.communityId(), packId)
                .orElseThrow(() -> Rejection.notFound("content.sticker.pack.notFound"));
    }

    private StickerStore.StickerRow sticker(Standing seat, long stickerId) {
        return store.sticker(seat.communityId(), stickerId)
                .orElseThrow(() -> Rejection.notFound("content.sticker.notFound"));
    }

    /** A pack's or a sticker's name: one line, 1 to 20 characters. */
    private static String name(String value, String field) {
        var v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw Rejection.invalid(field, "content.sticker.name.blank");
        }
        if (v.length() > MAX_NAME) {
            throw Rejection.invalid(field, "content.sticker.name.tooLong", MAX_NAME);
        }
        if (!v.matches(SINGLE_LINE)) {
            throw Rejection.invalid(field, "validation.noControlCharacters");
        }
        return v;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
