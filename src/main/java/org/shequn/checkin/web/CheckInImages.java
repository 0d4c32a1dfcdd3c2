package org.shequn.checkin.web;

import java.time.Duration;
import org.shequn.checkin.CheckIns;
import org.shequn.shared.Viewer;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A check-in's images: PNGs we encoded ourselves, for members of the community only, never kept by a shared cache. */
@RestController
class CheckInImages {

    private final CheckIns checkIns;

    CheckInImages(CheckIns checkIns) {
        this.checkIns = checkIns;
    }

    @GetMapping({"/c/{slug}/checkins/{challengeId}/images/{key}",
            "/api/v1/communities/{slug}/checkins/{challengeId}/images/{key}"})
    ResponseEntity<InputStreamResource> image(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                              @PathVariable long challengeId, @PathVariable String key) {
        var file = checkIns.image(viewer, slug, challengeId, key);
        return ResponseEntity.ok().contentLength(file.size()).contentType(MediaType.IMAGE_PNG)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .body(new InputStreamResource(file.content()));
    }
}
