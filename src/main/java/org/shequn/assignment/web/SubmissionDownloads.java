package org.shequn.assignment.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.shequn.assignment.Submissions;
import org.shequn.shared.Viewer;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A submission's images (PNGs we encoded ourselves) and its file (opaque bytes, only ever a download under its
 * sanitized name): for its author, the assignment's reviewers, and every member once featured; never kept by a
 * shared cache, never sniffed or rendered from our origin.
 */
@RestController
class SubmissionDownloads {

    private final Submissions submissions;

    SubmissionDownloads(Submissions submissions) {
        this.submissions = submissions;
    }

    @GetMapping({"/c/{slug}/assignments/{assignmentId}/submissions/{submissionId}/images/{key}",
            "/api/v1/communities/{slug}/assignments/{assignmentId}/submissions/{submissionId}/images/{key}"})
    ResponseEntity<InputStreamResource> image(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                              @PathVariable long assignmentId, @PathVariable long submissionId,
                                              @PathVariable String key) {
        var file = submissions.image(viewer, slug, assignmentId, submissionId, key);
        return ResponseEntity.ok().contentLength(file.size()).contentType(MediaType.IMAGE_PNG)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .body(new InputStreamResource(file.content()));
    }

    @GetMapping({"/c/{slug}/assignments/{assignmentId}/submissions/{submissionId}/file",
            "/api/v1/communities/{slug}/assignments/{assignmentId}/submissions/{submissionId}/file"})
    ResponseEntity<InputStreamResource> file(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                             @PathVariable long assignmentId, @PathVariable long submissionId) {
        var download = submissions.file(viewer, slug, assignmentId, submissionId);
        var file = download.file();
        return ResponseEntity.ok().contentLength(file.size()).contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(download.name()))
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(new InputStreamResource(file.content()));
    }

    /** RFC 6266 with an ASCII fallback and the real name as RFC 5987 {@code filename*}. */
    static String attachment(String name) {
        var ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';' ? (char) c : '_'));
        var encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
