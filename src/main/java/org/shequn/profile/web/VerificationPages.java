package org.shequn.profile.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.shequn.profile.Profiles;
import org.shequn.profile.VerificationKind;
import org.shequn.profile.Verifications;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.RequestContextUtils;

/** A member's verification page, the operators' review queue, and the evidence download for both. */
@Controller
class VerificationPages {

    private final Verifications verifications;
    private final Profiles profiles;
    private final MessageSource messages;

    VerificationPages(Verifications verifications, Profiles profiles, MessageSource messages) {
        this.verifications = verifications;
        this.profiles = profiles;
        this.messages = messages;
    }

    @GetMapping("/verifications")
    String mine(@AuthenticationPrincipal Viewer viewer, HttpServletRequest request, Model model) {
        Viewer.require(viewer);
        return minePage(viewer, model, FormErrors.NONE, null,
                ProfilePages.flag(request, "sent") ? "verification.sent" : null);
    }

    /** Multipart: the CSRF token comes in the URL, since the security filter cannot read a multipart body. */
    @PostMapping("/verifications")
    String request(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String kind,
                   @RequestParam(required = false) String evidence, @RequestParam(required = false) String realName,
                   @RequestParam(required = false) MultipartFile file, HttpServletRequest request,
                   HttpServletResponse response, Model model) {
        Viewer.require(viewer);
        VerificationKind wanted = null;
        try {
            wanted = VerificationApi.kind(kind);
            verifications.request(viewer, new Verifications.Requesting(wanted, evidence, realName), file);
            return "redirect:/verifications?sent";
        } catch (Rejection rejection) {
            response.setStatus(rejection.kind().status());
            return minePage(viewer, model, FormErrors.of(rejection, messages, RequestContextUtils.getLocale(request)),
                    wanted, null);
        }
    }

    @GetMapping("/verifications/{id}/evidence")
    ResponseEntity<InputStreamResource> evidence(@AuthenticationPrincipal Viewer viewer, @PathVariable long id) {
        var evidence = verifications.evidence(viewer, id);
        var file = evidence.file();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(evidence.filename()).build().toString())
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(new InputStreamResource(file.content()));
    }

    @GetMapping("/operator/verifications")
    String queue(@AuthenticationPrincipal Viewer viewer, HttpServletRequest request, Model model) {
        return queuePage(viewer, model, FormErrors.NONE, null,
                ProfilePages.flag(request, "done") ? "verification.decided" : null);
    }

    @PostMapping("/operator/verifications/{id}/approve")
    String approve(@AuthenticationPrincipal Viewer viewer, @PathVariable long id, HttpServletRequest request,
                   HttpServletResponse response, Model model) {
        try {
            verifications.approve(viewer, id);
            return "redirect:/operator/verifications?done";
        } catch (Rejection rejection) {
            return decisionFailed(viewer, id, rejection, request, response, model);
        }
    }

    @PostMapping("/operator/verifications/{id}/reject")
    String reject(@AuthenticationPrincipal Viewer viewer, @PathVariable long id,
                  @RequestParam(required = false) String reason, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        try {
            verifications.reject(viewer, id, new Verifications.Rejecting(reason));
            return "redirect:/operator/verifications?done";
        } catch (Rejection rejection) {
            return decisionFailed(viewer, id, rejection, request, response, model);
        }
    }

    private String decisionFailed(Viewer viewer, long id, Rejection rejection, HttpServletRequest request,
                                  HttpServletResponse response, Model model) {
        if (viewer == null || !viewer.operator()) {
            throw rejection;
        }
        response.setStatus(rejection.kind().status());
        return queuePage(viewer, model, FormErrors.of(rejection, messages, RequestContextUtils.getLocale(request)), id, null);
    }

    private String minePage(Viewer viewer, Model model, FormErrors errors, VerificationKind failedKind, String notice) {
        model.addAttribute("card", profiles.find(viewer.accountId()).orElseThrow(Rejection::unauthenticated));
        model.addAttribute("requests", verifications.mine(viewer));
        model.addAttribute("errors", errors);
        model.addAttribute("failedKind", failedKind == null ? "" : failedKind.name());
        model.addAttribute("notice", notice);
        return "profile/verifications";
    }

    private String queuePage(Viewer viewer, Model model, FormErrors errors, Long failedId, String notice) {
        model.addAttribute("requests", verifications.queue(viewer, null));
        model.addAttribute("errors", errors);
        model.addAttribute("failedId", failedId == null ? 0L : failedId);
        model.addAttribute("notice", notice);
        return "profile/review";
    }
}
