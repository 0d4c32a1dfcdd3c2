package org.shequn.wechat.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.shequn.identity.SignIn;
import org.shequn.shared.Viewer;
import org.shequn.shared.web.Flash;
import org.shequn.wechat.WeChatAttempt;
import org.shequn.wechat.WeChatLogin;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The browser's side of WeChat sign-in: off to WeChat's QR-code page (from the sign-in page, or from the settings
 * page to bind), and back at the callback, where the session's attempt is given up before anything else.
 */
@Controller
class WeChatPages {

    private final WeChatLogin login;
    private final SignIn signIn;

    WeChatPages(WeChatLogin login, SignIn signIn) {
        this.login = login;
        this.signIn = signIn;
    }

    @GetMapping("/login/wechat")
    ResponseEntity<Void> start(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String next,
                               HttpServletRequest request) {
        return toWeChat(login.begin(viewer, next), request);
    }

    @PostMapping("/settings/wechat/bind")
    ResponseEntity<Void> bind(@AuthenticationPrincipal Viewer viewer, HttpServletRequest request) {
        login.requireEnabled();
        return toWeChat(login.begin(Viewer.require(viewer), "/settings/account"), request);
    }

    /** The session holds one attempt: starting again in another tab makes the earlier one's state worthless. */
    private ResponseEntity<Void> toWeChat(WeChatAttempt attempt, HttpServletRequest request) {
        request.getSession().setAttribute(WeChatAttempt.SESSION_ATTRIBUTE, attempt);
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, login.authorizeUrl(attempt)).build();
    }

    @GetMapping("/login/wechat/callback")
    String callback(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String code,
                    @RequestParam(required = false) String state, HttpServletRequest request,
                    HttpServletResponse response, RedirectAttributes redirect) {
        login.requireEnabled();
        var session = request.getSession(false);
        WeChatAttempt attempt = null;
        if (session != null && session.getAttribute(WeChatAttempt.SESSION_ATTRIBUTE) instanceof WeChatAttempt held) {
            attempt = held;
            session.removeAttribute(WeChatAttempt.SESSION_ATTRIBUTE);
        }
        login.check(attempt, state, code, viewer);
        var outcome = login.finish(login.identify(code), viewer);
        switch (outcome.kind()) {
            case SIGNED_IN -> {
                signIn.intoSession(outcome.account(), request, response);
                return "redirect:" + attempt.next();
            }
            case CREATED -> {
                signIn.intoSession(outcome.account(), request, response);
                Flash.ok(redirect, "wechat.flash.created", outcome.nickname());
                // a newcomer from an invitation goes back to it; anyone else starts on their profile, as after registering
                return "redirect:" + ("/".equals(attempt.next()) ? "/welcome" : attempt.next());
            }
            case BOUND -> Flash.ok(redirect, "wechat.flash.bound", outcome.nickname());
            case ALREADY_BOUND -> Flash.info(redirect, "wechat.flash.alreadyBound", outcome.nickname());
        }
        return "redirect:" + attempt.next();
    }

    @PostMapping("/settings/wechat/unbind")
    String unbind(@AuthenticationPrincipal Viewer viewer, RedirectAttributes redirect) {
        var nickname = login.unbind(Viewer.require(viewer));
        Flash.ok(redirect, "wechat.flash.unbound", nickname);
        return "redirect:/settings/account";
    }
}
