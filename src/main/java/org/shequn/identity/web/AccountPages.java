package org.shequn.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.shequn.identity.ApiTokens;
import org.shequn.identity.PasswordChange;
import org.shequn.identity.Registering;
import org.shequn.identity.Registration;
import org.shequn.identity.ExternalSignIn;
import org.shequn.identity.SignIn;
import org.shequn.identity.SignInButton;
import org.shequn.identity.SignInMethod;
import org.shequn.identity.view.IssuedToken;
import org.shequn.identity.view.SignInBindingView;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.web.Flash;
import org.shequn.shared.web.FormErrors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Register, sign in, and the account settings page (password, other ways to sign in, API tokens). */
@Controller
class AccountPages {

    private final Registration registration;
    private final PasswordChange passwordChange;
    private final ApiTokens tokens;
    private final SignIn signIn;
    private final MessageSource messages;
    /** Other ways to sign in (WeChat), from the modules that offer them; none while those are off. */
    private final ObjectProvider<SignInMethod> methods;
    private final ExternalSignIn externalSignIn;

    AccountPages(Registration registration, PasswordChange passwordChange, ApiTokens tokens, SignIn signIn,
                 MessageSource messages, ObjectProvider<SignInMethod> methods, ExternalSignIn externalSignIn) {
        this.registration = registration;
        this.passwordChange = passwordChange;
        this.tokens = tokens;
        this.signIn = signIn;
        this.messages = messages;
        this.methods = methods;
        this.externalSignIn = externalSignIn;
    }

    private List<SignInButton> buttons(String next) {
        return methods.orderedStream().flatMap(m -> m.button(SignIn.safeNext(next)).stream()).toList();
    }

    @GetMapping("/register")
    String registerForm(@RequestParam(required = false) String next, Model model) {
        // an invitation's landing page sends newcomers here with itself as next: they come back to join
        model.addAttribute("next", returnTo(next));
        model.addAttribute("email", "");
        model.addAttribute("phone", "");
        model.addAttribute("displayName", "");
        model.addAttribute("errors", FormErrors.NONE);
        model.addAttribute("elsewhere", buttons(next));
        return "identity/register";
    }

    @PostMapping("/register")
    String register(Registering form, @RequestParam(required = false) String next, Model model,
                    HttpServletRequest request, HttpServletResponse response) {
        try {
            var account = registration.register(form);
            signIn.intoSession(account, request, response);
            return "redirect:" + SignIn.safeNext(next == null ? "/welcome" : next);
        } catch (Rejection rejection) {
            response.setStatus(rejection.kind().status());
            model.addAttribute("next", returnTo(next));
            model.addAttribute("email", form.email());
            model.addAttribute("phone", form.phone());
            model.addAttribute("displayName", form.displayName());
            model.addAttribute("errors", FormErrors.of(rejection, messages, RequestContextUtils.getLocale(request)));
            model.addAttribute("elsewhere", buttons(next));
            return "identity/register";
        }
    }

    /** Where a newcomer goes back to after registering; empty for the usual welcome. */
    private static String returnTo(String next) {
        var safe = SignIn.safeNext(next);
        return "/".equals(safe) ? "" : safe;
    }

    @GetMapping("/login")
    String loginForm(@RequestParam(required = false) String error, @RequestParam(required = false) String minutes,
                     @RequestParam(required = false) String next, Model model) {
        String message = null;
        if ("locked".equals(error)) {
            message = "identity.login.locked";
        } else if (error != null) {
            message = "identity.login.bad";
        }
        model.addAttribute("error", message);
        model.addAttribute("minutes", minutes == null ? "" : minutes.replaceAll("[^0-9]", ""));
        model.addAttribute("next", SignIn.safeNext(next));
        model.addAttribute("elsewhere", buttons(next));
        return "identity/login";
    }

    @GetMapping("/settings/account")
    String settings(@AuthenticationPrincipal Viewer viewer, Model model) {
        Viewer.require(viewer);
        return settingsPage(viewer, model, FormErrors.NONE, null, null);
    }

    @PostMapping("/settings/password")
    String changePassword(@AuthenticationPrincipal Viewer viewer, PasswordChange.Changing form, Model model,
                          HttpServletRequest request, HttpServletResponse response) {
        Viewer.require(viewer);
        try {
            passwordChange.change(viewer.accountId(), form);
            return settingsPage(viewer, model, FormErrors.NONE, "identity.password.changed", null);
        } catch (Rejection rejection) {
            response.setStatus(rejection.kind().status());
            return settingsPage(viewer, model, FormErrors.of(rejection, messages, RequestContextUtils.getLocale(request)),
                    null, null);
        }
    }

    /** An account WeChat made has no password: its person adds an email and one here. */
    @PostMapping("/settings/first-password")
    String setFirstPassword(@AuthenticationPrincipal Viewer viewer, PasswordChange.FirstPassword form, Model model,
                            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Viewer.require(viewer);
        try {
            passwordChange.setFirst(viewer.accountId(), form);
            Flash.ok(redirect, "identity.flash.firstPasswordSet", form.email().strip());
            return "redirect:/settings/account";
        } catch (Rejection rejection) {
            response.setStatus(rejection.kind().status());
            return settingsPage(viewer, model, FormErrors.of(rejection, messages, RequestContextUtils.getLocale(request)),
                    null, null);
        }
    }

    @PostMapping("/settings/tokens")
    String createToken(@AuthenticationPrincipal Viewer viewer, ApiTokens.Naming form, Model model,
                       HttpServletRequest request, HttpServletResponse response) {
        Viewer.require(viewer);
        try {
            var issued = tokens.issue(viewer.accountId(), form);
            return settingsPage(viewer, model, FormErrors.NONE, null, issued);
        } catch (Rejection rejection) {
            response.setStatus(rejection.kind().status());
            return settingsPage(viewer, model, FormErrors.of(rejection, messages, RequestContextUtils.getLocale(request)),
                    null, null);
        }
    }

    @PostMapping("/settings/tokens/{id}/revoke")
    String revokeToken(@AuthenticationPrincipal Viewer viewer, @PathVariable long id, RedirectAttributes redirect) {
        Viewer.require(viewer);
        tokens.revoke(viewer.accountId(), id);
        Flash.ok(redirect, "identity.flash.tokenRevoked");
        return "redirect:/settings/account";
    }

    private String settingsPage(Viewer viewer, Model model, FormErrors errors, String notice,
                                IssuedToken issued) {
        model.addAttribute("tokens", tokens.list(viewer.accountId()));
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        model.addAttribute("issued", issued);
        model.addAttribute("hasPassword", passwordChange.hasPassword(viewer.accountId()));
        model.addAttribute("bindings", methods.orderedStream().flatMap(m -> m.binding(viewer.accountId())
                .map(b -> new SignInBindingView(b, !b.bound() || externalSignIn.canSignInWithout(viewer.accountId(), m)))
                .stream()).toList());
        return "identity/settings";
    }
}
