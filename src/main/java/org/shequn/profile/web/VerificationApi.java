package org.shequn.profile.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.shequn.profile.VerificationKind;
import org.shequn.profile.Verifications;
import org.shequn.profile.view.VerificationView;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Verification requests over the API, for members and for the operators who review them. */
@RestController
@RequestMapping("/api/v1")
class VerificationApi {

    private final Verifications verifications;

    VerificationApi(Verifications verifications) {
        this.verifications = verifications;
    }

    @PostMapping(path = "/me/verifications", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<VerificationView> requestWithFile(@AuthenticationPrincipal Viewer viewer,
                                                     @RequestParam(required = false) String kind,
                                                     @RequestParam(required = false) String evidence,
                                                     @RequestParam(required = false) String realName,
                                                     @RequestParam(required = false) MultipartFile file) {
        Viewer.require(viewer);
        return created(verifications.request(viewer, new Verifications.Requesting(kind(kind), evidence, realName), file));
    }

    @PostMapping(path = "/me/verifications", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<VerificationView> request(@AuthenticationPrincipal Viewer viewer,
                                             @RequestBody Verifications.Requesting body) {
        return created(verifications.request(viewer, body, null));
    }

    @GetMapping("/me/verifications")
    List<VerificationView> mine(@AuthenticationPrincipal Viewer viewer) {
        return verifications.mine(viewer);
    }

    @GetMapping("/verifications/{id}")
    VerificationView one(@AuthenticationPrincipal Viewer viewer, @PathVariable long id) {
        return verifications.one(viewer, id);
    }

    @GetMapping("/operator/verifications")
    List<VerificationView> queue(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String status) {
        return verifications.queue(viewer, status);
    }

    @PostMapping("/operator/verifications/{id}/approve")
    VerificationView approve(@AuthenticationPrincipal Viewer viewer, @PathVariable long id) {
        return verifications.approve(viewer, id);
    }

    @PostMapping("/operator/verifications/{id}/reject")
    VerificationView reject(@AuthenticationPrincipal Viewer viewer, @PathVariable long id,
                            @RequestBody(required = false) Verifications.Rejecting body) {
        return verifications.reject(viewer, id, body);
    }

    static VerificationKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return VerificationKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("kind", "problem.wrongType");
        }
    }

    private static ResponseEntity<VerificationView> created(VerificationView view) {
        return ResponseEntity.created(URI.create("/api/v1/verifications/" + view.id())).body(view);
    }
}
