package org.shequn.assignment;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.shequn.shared.Rejection;
import org.shequn.shared.files.FileStore;
import org.shequn.shared.files.ImageUploads;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * A submission's uploads: images re-encoded by {@link ImageUploads} (at most nine), and one file of an allowed
 * type (documents, sheets, slides, text, PDF, a zip) within the size limit, stored privately under its sanitized
 * name and served only as a download. Each stored file is deleted again if the submission's transaction rolls back.
 */
@Component
class SubmissionFiles {

    static final int MAX_IMAGES = 9;
    static final int IMAGE_SIDE = 2048;
    static final int NAME_MAX = 100;
    static final Set<String> ALLOWED = Set.of("pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "md", "csv",
            "zip", "key", "pages", "numbers");
    private static final Pattern UNSAFE_NAME = Pattern.compile("[\\p{Cntrl}\\p{Cf}\"\\\\/:*?<>|]+");

    private final ImageUploads images;
    private final FileStore files;
    private final long fileMaxBytes;

    SubmissionFiles(ImageUploads images, FileStore files,
                    @Value("${shequn.assignment.file-max-bytes:20971520}") long fileMaxBytes) {
        this.images = images;
        this.files = files;
        this.fileMaxBytes = fileMaxBytes;
    }

    static List<MultipartFile> chosen(List<MultipartFile> uploads) {
        return uploads == null ? List.of() : uploads.stream().filter(f -> f != null && !f.isEmpty()).toList();
    }

    static void checkCount(List<MultipartFile> chosen) {
        if (chosen.size() > MAX_IMAGES) {
            throw Rejection.invalid("images", "assignment.images.tooMany", MAX_IMAGES);
        }
    }

    /** Refuses a file that is too large or of a type not on the list, before anything is stored. */
    void checkFile(MultipartFile upload) {
        if (upload.getSize() > fileMaxBytes) {
            throw Rejection.invalid("file", "assignment.file.tooLarge", fileMaxBytes / 1024 / 1024);
        }
        var name = fileName(upload);
        int dot = name.lastIndexOf('.');
        var extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!ALLOWED.contains(extension)) {
            throw Rejection.invalid("file", "assignment.file.type", String.join(", ", ALLOWED.stream().sorted().toList()));
        }
    }

    List<String> storeImages(List<MultipartFile> chosen) {
        return chosen.stream().map(upload -> {
            var key = images.storePrivate(upload, "images", IMAGE_SIDE);
            files.deleteUnlessCommitted(key);
            return key;
        }).toList();
    }

    SubmissionStore.StoredFile storeFile(MultipartFile upload) {
        byte[] bytes;
        try {
            bytes = upload.getBytes();
        } catch (IOException e) {
            throw Rejection.invalid("file", "upload.unreadable");
        }
        var key = files.putPrivate(bytes, "application/octet-stream");
        files.deleteUnlessCommitted(key);
        return new SubmissionStore.StoredFile(key, fileName(upload), bytes.length);
    }

    void discardOnceCommitted(List<String> keys) {
        keys.forEach(files::deleteOnceCommitted);
    }

    FileStore.StoredFile get(String key) {
        return files.get(key).orElseThrow(() -> Rejection.notFound("assignment.submission.notFound"));
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
}
