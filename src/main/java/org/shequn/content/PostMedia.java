package org.shequn.content;

import org.shequn.membership.Standing;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.shequn.content.PostMediaStore.MediaRow;
import org.shequn.content.view.MediaView;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.files.FileStore;
import org.shequn.shared.files.ImageUploads;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

/**
 * A post's images (up to 9, re-encoded as PNG with a thumbnail) and file attachments (up to 5, any type,
 * kept as opaque bytes). Everything is stored private and served only to members who may see the post.
 * An upload is first a row without a post (the API uploads, then names the ids in the post's JSON; the
 * page's form stages its files the same way inside the publishing transaction). A refused request leaves
 * nothing behind: files written in a transaction that rolls back are deleted again.
 */
@Service
public class PostMedia {

    static final String IMAGE = "IMAGE";
    static final String FILE = "FILE";
    static final int MAX_IMAGES = 9;
    static final int MAX_ATTACHMENTS = 5;
    static final int IMAGE_SIDE = 2048;
    static final int THUMB_SIDE = 480;
    static final int NAME_MAX = 100;
    private static final Pattern DECLARED_TYPE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,48}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,48}$");
    private static final Pattern UNSAFE_NAME = Pattern.compile("[\\p{Cntrl}\\p{Cf}\"\\\\/:*?<>|]+");

    /** A stored file as it is sent: an image (shown) or an attachment (downloaded under its own name). */
    public record Served(FileStore.StoredFile file, boolean image, String fileName) {
    }

    private final ContentAccess access;
    private final PostMediaStore store;
    private final VisiblePosts posts;
    private final ImageUploads images;
    private final FileStore files;
    private final Clock clock;
    private final long attachmentMaxBytes;

    PostMedia(ContentAccess access, PostMediaStore store, VisiblePosts posts, ImageUploads images, FileStore files,
              Clock clock, @Value("${shequn.content.attachment-max-bytes:20971520}") long attachmentMaxBytes) {
        this.access = access;
        this.store = store;
        this.posts = posts;
        this.images = images;
        this.files = files;
        this.clock = clock;
        this.attachmentMaxBytes = attachmentMaxBytes;
    }

    /** API: one image waiting for a post; a member has at most 9 waiting at a time. */
    @Transactional
    public MediaView uploadImage(Viewer viewer, String slug, MultipartFile upload) {
        var seat = access.write(viewer, slug);
        forgetAbandoned(seat);
        if (store.pending(seat.communityId(), seat.accountId(), IMAGE, since()) >= MAX_IMAGES) {
            throw Rejection.invalid("file", "content.media.images.tooMany", MAX_IMAGES);
        }
        return view(seat.community().slug(), storeImage(seat, upload, "file"));
    }

    /** API: one attachment waiting for a post; at most 5 waiting at a time. */
    @Transactional
    public MediaView uploadAttachment(Viewer viewer, String slug, MultipartFile upload) {
        var seat = access.write(viewer, slug);
        forgetAbandoned(seat);
        if (store.pending(seat.communityId(), seat.accountId(), FILE, since()) >= MAX_ATTACHMENTS) {
            throw Rejection.invalid("file", "content.media.files.tooMany", MAX_ATTACHMENTS);
        }
        return view(seat.community().slug(), storeAttachment(seat, upload, "file"));
    }

    /**
     * The page's form: checks the counts (with the post's kept uploads) before storing anything, then stores
     * each file. Returns the new rows' ids, images and attachments. Call inside the publishing transaction.
     */
    List<List<Long>> stage(Standing seat, List<MultipartFile> imageFiles, List<MultipartFile> attachmentFiles,
                           int keptImages, int keptAttachments) {
        var newImages = chosen(imageFiles);
        var newFiles = chosen(attachmentFiles);
        if (keptImages + newImages.size() > MAX_IMAGES) {
            throw Rejection.invalid("images", "content.media.images.tooMany", MAX_IMAGES);
        }
        if (keptAttachments + newFiles.size() > MAX_ATTACHMENTS) {
            throw Rejection.invalid("attachments", "content.media.files.tooMany", MAX_ATTACHMENTS);
        }
        // every file is checked before any is stored
        newImages.forEach(f -> checkImage(f, "images"));
        newFiles.forEach(f -> checkAttachment(f, "attachments"));
        var imageIds = new ArrayList<Long>();
        var fileIds = new ArrayList<Long>();
        newImages.forEach(f -> imageIds.add(storeImage(seat, f, "images").id()));
        newFiles.forEach(f -> fileIds.add(storeAttachment(seat, f, "attachments").id()));
        return List.of(imageIds, fileIds);
    }

    /**
     * Makes the post's images and attachments exactly the given ids, in order (null leaves a kind as it is).
     * An id must be the viewer's waiting upload in this community, or already this post's. Dropped ones are
     * deleted with their files once the transaction commits.
     */
    void attach(Standing seat, long postId, List<Long> imageIds, List<Long> attachmentIds) {
        var current = store.ofPost(postId);
        if (imageIds != null) {
            place(seat, postId, IMAGE, imageIds, current, "imageIds", MAX_IMAGES, "content.media.images.tooMany");
        }
        if (attachmentIds != null) {
            place(seat, postId, FILE, attachmentIds, current, "attachmentIds", MAX_ATTACHMENTS, "content.media.files.tooMany");
        }
    }

    private void place(Standing seat, long postId, String kind, List<Long> ids, List<MediaRow> current, String field,
                       int max, String tooMany) {
        if (ids.size() > max) {
            throw Rejection.invalid(field, tooMany, max);
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            throw Rejection.invalid(field, "content.media.unknown");
        }
        int position = 0;
        for (long id : ids) {
            var row = store.byId(seat.communityId(), id)
                    .filter(m -> m.kind().equals(kind))
                    .filter(m -> m.postId() == null ? m.uploaderId() == seat.accountId() : m.postId() == postId)
                    .orElseThrow(() -> Rejection.invalid(field, "content.media.unknown"));
            store.place(row.id(), postId, position++);
        }
        for (var row : current) {
            if (row.kind().equals(kind) && !ids.contains(row.id())) {
                store.delete(row.id());
                afterCommit(row);
            }
        }
    }

    /** Members only; a post's media only while the viewer may see the post; a waiting upload only to its uploader. */
    public Served serve(Viewer viewer, String slug, String key) {
        var seat = access.read(viewer, slug);
        if (key == null || key.length() > 64) {
            throw Rejection.notFound("content.media.notFound");
        }
        var row = store.byKey(seat.communityId(), key).orElseThrow(() -> Rejection.notFound("content.media.notFound"));
        boolean visible = row.postId() == null
                ? row.uploaderId() == seat.accountId()
                : posts.sees(seat, row.postId());
        if (!visible) {
            throw Rejection.notFound("content.media.notFound");
        }
        var file = files.get(key).orElseThrow(() -> Rejection.notFound("content.media.notFound"));
        return new Served(file, IMAGE.equals(row.kind()), row.fileName());
    }

    List<MediaView> ofPost(String slug, long postId) {
        return store.ofPost(postId).stream().map(m -> view(slug, m)).toList();
    }

    /** Each post's images (for feed cards). */
    Map<Long, List<MediaRow>> imagesOf(Collection<Long> postIds) {
        return store.imagesOf(postIds);
    }

    static MediaView view(String slug, MediaRow m) {
        var base = "/api/v1/communities/" + slug + "/media/";
        return new MediaView(m.id(), m.kind(), m.fileKey(), m.thumbKey(), base + m.fileKey(),
                m.thumbKey() == null ? null : base + m.thumbKey(), m.fileName(), m.declaredType(), m.sizeBytes());
    }

    private MediaRow storeImage(Standing seat, MultipartFile upload, String field) {
        checkImage(upload, field);
        var key = images.storePrivate(upload, field, IMAGE_SIDE);
        deleteOnRollback(key);
        var thumb = images.storePrivate(upload, field, THUMB_SIDE);
        deleteOnRollback(thumb);
        long id = store.insert(seat.communityId(), seat.accountId(), IMAGE, key, thumb, fileName(upload),
                declaredType(upload), upload.getSize(), now());
        return store.byId(seat.communityId(), id).orElseThrow();
    }

    private MediaRow storeAttachment(Standing seat, MultipartFile upload, String field) {
        var bytes = checkAttachment(upload, field);
        var key = files.putPrivate(bytes, "application/octet-stream");
        deleteOnRollback(key);
        long id = store.insert(seat.communityId(), seat.accountId(), FILE, key, null, fileName(upload),
                declaredType(upload), bytes.length, now());
        return store.byId(seat.communityId(), id).orElseThrow();
    }

    /**
     * The checks that need no decoding, so the page's form can refuse a bad image before storing any. The size
     * is said per field here (not as ImageUploads' 413), beside the other images of the form.
     */
    private void checkImage(MultipartFile upload, String field) {
        if (upload == null || upload.isEmpty()) {
            throw Rejection.invalid(field, "upload.empty");
        }
        if (upload.getSize() > ImageUploads.MAX_BYTES) {
            throw Rejection.invalid(field, "content.media.image.tooLarge", ImageUploads.MAX_BYTES / 1024 / 1024);
        }
        ImageUploads.refuseTrailingData(bytes(upload, field), field);
    }

    private byte[] checkAttachment(MultipartFile upload, String field) {
        if (upload == null || upload.isEmpty()) {
            throw Rejection.invalid(field, "upload.empty");
        }
        if (upload.getSize() > attachmentMaxBytes) {
            throw Rejection.invalid(field, "content.media.file.tooLarge", attachmentMaxBytes / 1024 / 1024);
        }
        return bytes(upload, field);
    }

    private static byte[] bytes(MultipartFile upload, String field) {
        try {
            return upload.getBytes();
        } catch (IOException e) {
            throw Rejection.invalid(field, "upload.unreadable");
        }
    }

    /** The original name without any path, control or reserved characters, at most 100 characters. */
    static String fileName(MultipartFile upload) {
        var name = upload.getOriginalFilename() == null ? "" : upload.getOriginalFilename();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = UNSAFE_NAME.matcher(name).replaceAll("_").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.codePointCount(0, name.length()) > NAME_MAX) {
            name = name.substring(0, name.offsetByCodePoints(0, NAME_MAX));
        }
        return name.isBlank() ? "file" : name;
    }

    static String declaredType(MultipartFile upload) {
        var type = upload.getContentType();
        return type != null && DECLARED_TYPE.matcher(type).matches() ? type.toLowerCase(java.util.Locale.ROOT)
                : "application/octet-stream";
    }

    private static List<MultipartFile> chosen(List<MultipartFile> uploads) {
        if (uploads == null) {
            return List.of();
        }
        // an empty file input still sends one part without a name: that is no file, not an empty one
        return uploads.stream().filter(f -> f != null && !(f.isEmpty()
                && (f.getOriginalFilename() == null || f.getOriginalFilename().isEmpty()))).toList();
    }

    /** Uploads never referenced by a post for a day are given up (rows and files). */
    private void forgetAbandoned(Standing seat) {
        for (var row : store.abandoned(seat.communityId(), seat.accountId(), since())) {
            store.delete(row.id());
            afterCommit(row);
        }
    }

    private void deleteOnRollback(String key) {
        files.deleteUnlessCommitted(key);
    }

    private void afterCommit(MediaRow row) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                files.delete(row.fileKey());
                if (row.thumbKey() != null) {
                    files.delete(row.thumbKey());
                }
            }
        });
    }

    private OffsetDateTime since() {
        return now().minusDays(1);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
