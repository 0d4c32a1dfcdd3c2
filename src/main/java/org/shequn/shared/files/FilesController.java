package org.shequn.shared.files;

import java.time.Duration;
import org.shequn.shared.Rejection;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves public uploads (avatars, community covers) by key. Keys are random, files are immutable, so
 * they cache for a long time; {@code nosniff} and a locked-down CSP keep a browser from running them.
 */
@RestController
class FilesController {

    private final FileStore files;

    FilesController(FileStore files) {
        this.files = files;
    }

    @GetMapping("/files/{key}")
    ResponseEntity<InputStreamResource> file(@PathVariable String key) {
        if (!FileStore.isPublic(key)) {
            throw Rejection.notFound("problem.notFound");
        }
        var file = files.get(key).orElseThrow(() -> Rejection.notFound("problem.notFound"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.size())
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(new InputStreamResource(file.content()));
    }
}
