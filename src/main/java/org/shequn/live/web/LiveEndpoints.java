package org.shequn.live.web;

import jakarta.servlet.http.HttpServletRequest;
import org.shequn.content.LiveContent;
import org.shequn.live.Streams;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The event streams. Access is checked once when a stream opens (as for reading the page) and a refused
 * stream answers at once with a bare status: 401 anonymous, 403 outsider, 404 unknown — an EventSource
 * cannot follow a login redirect anyway. A member who leaves is disconnected (see {@code LiveEvents}).
 */
@RestController
class LiveEndpoints {

    private final LiveContent content;
    private final Streams streams;

    LiveEndpoints(LiveContent content, Streams streams) {
        this.content = content;
        this.streams = streams;
    }

    /** New posts (and removals) on a community's feed, or one section's. HTML fragments. */
    @GetMapping("/c/{slug}/live")
    ResponseEntity<SseEmitter> feed(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                    @RequestParam(required = false) Long section, HttpServletRequest request) {
        return open(viewer, slug, section, null, false, request);
    }

    /** New comments, removals and reactions on one post. HTML fragments. */
    @GetMapping("/c/{slug}/posts/{id}/live")
    ResponseEntity<SseEmitter> post(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                    @PathVariable long id, HttpServletRequest request) {
        return open(viewer, slug, null, id, false, request);
    }

    /** Everything in a community as JSON events {communityId, postId, kind, id}, for API clients. */
    @GetMapping("/api/v1/communities/{slug}/live")
    ResponseEntity<SseEmitter> api(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                   HttpServletRequest request) {
        return open(viewer, slug, null, null, true, request);
    }

    /**
     * The signed-in person's own stream: their private messages, sent and received, as JSON events
     * {kind: MESSAGE, id, senderId, recipientId, otherId, mine, body, sentAt, unread}. For pages and API clients.
     */
    @GetMapping({"/messages/live", "/api/v1/messages/live"})
    ResponseEntity<SseEmitter> personal(@AuthenticationPrincipal Viewer viewer, HttpServletRequest request) {
        if (viewer == null) {
            return ResponseEntity.status(401).cacheControl(CacheControl.noStore()).build();
        }
        var opened = streams.openPersonal(viewer.accountId());
        return started(opened, request);
    }

    private ResponseEntity<SseEmitter> open(Viewer viewer, String slug, Long section, Long post, boolean api,
                                            HttpServletRequest request) {
        LiveContent.Watch watch;
        try {
            watch = content.watch(viewer, slug, section, post);
        } catch (Rejection rejection) {
            return ResponseEntity.status(rejection.kind().status()).cacheControl(CacheControl.noStore()).build();
        }
        return started(streams.open(watch, viewer.accountId(), RequestContextUtils.getLocale(request), api), request);
    }

    private static ResponseEntity<SseEmitter> started(Streams.Opened opened, HttpServletRequest request) {
        StreamStart.after(request, opened.start());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                // proxies (nginx) must not buffer the stream
                .header("X-Accel-Buffering", "no").body(opened.emitter());
    }
}
