package org.shequn.content.web;

import org.shequn.content.PostMedia;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.shequn.content.view.MediaView;
import org.shequn.shared.Viewer;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A post's images and attachments over HTTP. API clients upload first ({@code POST .../media/images} or
 * {@code .../media/attachments}, multipart field {@code file}; 201 with the upload's id), then name the ids in
 * the post's JSON ({@code imageIds}, {@code attachmentIds}, in order; on an edit the lists are the post's
 * complete new set). Pages and API serve the files under {@code /c/{slug}/media/{key}} and
 * {@code /api/v1/communities/{slug}/media/{key}} alike: members only, while they may see the post.
 */
@RestController
class PostMediaWeb {

    private final PostMedia media;

    PostMediaWeb(PostMedia media) {
        this.media = media;
    }

    @PostMapping(path = "/api/v1/communities/{slug}/media/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<MediaView> uploadImage(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                          @RequestParam(required = false) MultipartFile file) {
        var view = media.uploadImage(viewer, slug, file);
        return ResponseEntity.created(URI.create(view.url())).body(view);
    }

    @PostMapping(path = "/api/v1/communities/{slug}/media/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<MediaView> uploadAttachment(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                               @RequestParam(required = false) MultipartFile file) {
        var view = media.uploadAttachment(viewer, slug, file);
        return ResponseEntity.created(URI.create(view.url())).body(view);
    }

    /**
     * Images inline (PNG we encoded ourselves), attachments only as downloads of opaque bytes under their
     * original name: whatever they contain, a browser never renders or runs them from our origin.
     */
    @GetMapping({"/c/{slug}/media/{key}", "/api/v1/communities/{slug}/media/{key}"})
    ResponseEntity<InputStreamResource> file(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                             @PathVariable String key) {
        var served = media.serve(viewer, slug, key);
        var file = served.file();
        var response = ResponseEntity.ok()
                .contentLength(file.size())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox");
        if (served.image()) {
            // private: a shared cache must never keep a members-only picture
            return response.contentType(MediaType.IMAGE_PNG)
                    .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                    .body(new InputStreamResource(file.content()));
        }
        return response.contentType(MediaType.APPLICATION_OCTET_STREAM)
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(served.fileName()))
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
