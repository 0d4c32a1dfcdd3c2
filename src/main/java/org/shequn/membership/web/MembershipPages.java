package org.shequn.membership.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.shequn.community.CommunityRole;
import org.shequn.membership.ApplicationAnswers;
import org.shequn.membership.Applying;
import org.shequn.membership.Banning;
import org.shequn.membership.InvitationTerms;
import org.shequn.membership.Inviting;
import org.shequn.membership.Joining;
import org.shequn.membership.MembershipViews;
import org.shequn.membership.Rejecting;
import org.shequn.membership.RoleChange;
import org.shequn.membership.RosterChanges;
import org.shequn.membership.view.InvitationLanding;
import org.shequn.membership.view.InvitationView;
import org.shequn.membership.view.InvitationsPage;
import org.shequn.shared.ProblemKind;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.web.Flash;
import org.shequn.shared.web.FormErrors;
import org.shequn.identity.Accounts;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The membership pages: joining (open or by invitation link), applying, the owner's and admins' manage
 * page and audit trail, invitations, leaving, and "my communities". A refused action re-renders its page
 * with the reason and the right status; not signed in goes to the login page.
 */
@Controller
class MembershipPages {

    private final Joining joining;
    private final Applying applying;
    private final Inviting inviting;
    private final RosterChanges changes;
    private final MembershipViews views;
    private final MessageSource messages;
    private final Accounts accounts;
    private final InvitationPoster poster;

    MembershipPages(Joining joining, Applying applying, Inviting inviting, RosterChanges changes,
                    MembershipViews views, MessageSource messages, Accounts accounts, InvitationPoster poster) {
        this.accounts = accounts;
        this.poster = poster;
        this.joining = joining;
        this.applying = applying;
        this.inviting = inviting;
        this.changes = changes;
        this.views = views;
        this.messages = messages;
    }

    @GetMapping("/me/communities")
    String mine(@AuthenticationPrincipal Viewer viewer, Model model) {
        model.addAttribute("mine", views.mine(viewer));
        return "membership/mine";
    }

    @PostMapping("/c/{slug}/join")
    String join(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                @RequestParam(required = false) String code, Model model, HttpServletRequest request,
                HttpServletResponse response, RedirectAttributes redirect) {
        try {
            var community = joining.join(viewer, slug, code);
            Flash.ok(redirect, "membership.flash.joined", community.name());
            return "redirect:/c/" + community.slug() + "/posts";
        } catch (Rejection rejection) {
            if ("membership.entry.payFirst".equals(rejection.messageKey())) {
                // a paid community: the way in is its entry page's checkout, with the invitation code if there is one
                return "redirect:/c/" + slug + "/entry" + (code == null || code.isBlank() ? ""
                        : "?code=" + java.net.URLEncoder.encode(code.strip(), java.nio.charset.StandardCharsets.UTF_8));
            }
            rethrowIfNotAboutTheForm(rejection);
            response.setStatus(rejection.kind().status());
            model.addAttribute("verificationMissing", missesVerification(rejection));
            return landing(viewer, slug, code, errors(rejection, request), model);
        }
    }

    /** Where an invitation link lands: the community, whether the code still works, and a Join button. */
    @GetMapping("/c/{slug}/join")
    String joinPage(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                    @RequestParam(required = false) String code, Model model, HttpServletRequest request) {
        return landing(viewer, slug, code, FormErrors.NONE, model);
    }

    private String landing(Viewer viewer, String slug, String code, FormErrors errors, Model model) {
        var standing = views.visit(viewer, slug);
        var community = standing.community();
        String inviter = null;
        String problem = null;
        var clean = code == null || code.isBlank() ? null : code.strip();
        if (clean != null) {
            try {
                inviter = views.inviterName(community, clean);
            } catch (Rejection rejection) {
                problem = rejection.fieldProblems().isEmpty() ? rejection.messageKey()
                        : rejection.fieldProblems().getFirst().message();
            }
        }
        model.addAttribute("landing", new InvitationLanding(views.header(community), clean == null ? "" : clean,
                inviter, problem, MembershipViews.roleName(standing), views.rulesHtml(community)));
        model.addAttribute("errors", errors);
        return "membership/join";
    }

    @GetMapping("/c/{slug}/apply")
    String applyPage(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, Model model) {
        return apply(model, viewer, slug, List.of(), FormErrors.NONE);
    }

    @PostMapping("/c/{slug}/apply")
    String apply(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, Model model,
                 HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        // read the raw values: a single @RequestParam List value would be split on its commas
        var values = request.getParameterValues("answers");
        List<String> answers = values == null ? List.of() : List.of(values);
        try {
            applying.apply(viewer, slug, new ApplicationAnswers(answers == null ? List.of() : answers));
            Flash.ok(redirect, "membership.apply.sent");
            return "redirect:/c/" + slug + "/apply";
        } catch (Rejection rejection) {
            rethrowIfNotAboutTheForm(rejection);
            response.setStatus(rejection.kind().status());
            model.addAttribute("verificationMissing", missesVerification(rejection));
            return apply(model, viewer, slug, answers == null ? List.of() : answers, errors(rejection, request));
        }
    }

    private String apply(Model model, Viewer viewer, String slug, List<String> answers, FormErrors errors) {
        model.addAttribute("page", views.applyPage(viewer, slug));
        model.addAttribute("answers", answers);
        model.addAttribute("errors", errors);
        return "membership/apply";
    }

    @PostMapping("/c/{slug}/apply/withdraw")
    String withdraw(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, RedirectAttributes redirect) {
        applying.withdraw(viewer, slug);
        Flash.ok(redirect, "membership.apply.withdrawnNotice");
        return "redirect:/c/" + slug + "/apply";
    }

    @PostMapping("/c/{slug}/leave")
    String leave(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, RedirectAttributes redirect) {
        changes.leave(viewer, slug);
        Flash.ok(redirect, "membership.flash.left");
        return "redirect:/c/" + slug;
    }

    @GetMapping("/c/{slug}/manage")
    String manage(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, Model model) {
        return manage(model, viewer, slug, FormErrors.NONE);
    }

    private String manage(Model model, Viewer viewer, String slug, FormErrors errors) {
        model.addAttribute("page", views.managePage(viewer, slug));
        model.addAttribute("errors", errors);
        return "membership/manage";
    }

    @PostMapping("/c/{slug}/manage/applications/{id}/approve")
    String approve(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                   Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        return onManage(viewer, slug, model, request, response,
                () -> Flash.ok(redirect, "membership.flash.approved", name(applying.approve(viewer, slug, id))));
    }

    @PostMapping("/c/{slug}/manage/applications/{id}/reject")
    String reject(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                  @RequestParam(required = false) String reason, Model model, HttpServletRequest request,
                  HttpServletResponse response, RedirectAttributes redirect) {
        return onManage(viewer, slug, model, request, response, () -> Flash.ok(redirect, "membership.flash.rejected",
                name(applying.reject(viewer, slug, id, new Rejecting(reason)))));
    }

    @PostMapping("/c/{slug}/manage/members/{accountId}/remove")
    String remove(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long accountId,
                  Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        return onManage(viewer, slug, model, request, response, () -> {
            changes.remove(viewer, slug, accountId);
            Flash.ok(redirect, "membership.flash.removed", name(accountId));
        });
    }

    @PostMapping("/c/{slug}/manage/members/{accountId}/role")
    String role(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long accountId,
                @RequestParam(required = false) String role, Model model, HttpServletRequest request,
                HttpServletResponse response, RedirectAttributes redirect) {
        return onManage(viewer, slug, model, request, response, () -> {
            var change = new RoleChange(parseRole(role));
            changes.changeRole(viewer, slug, accountId, change);
            Flash.ok(redirect, "membership.flash.role." + change.role(), name(accountId));
        });
    }

    @PostMapping("/c/{slug}/manage/members/{accountId}/ban")
    String ban(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long accountId,
               @RequestParam(required = false) String reason, Model model, HttpServletRequest request,
               HttpServletResponse response, RedirectAttributes redirect) {
        return onManage(viewer, slug, model, request, response, () -> {
            changes.ban(viewer, slug, accountId, new Banning(reason));
            Flash.ok(redirect, "membership.flash.banned", name(accountId));
        });
    }

    @PostMapping("/c/{slug}/manage/bans/{accountId}/lift")
    String unban(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long accountId,
                 Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        return onManage(viewer, slug, model, request, response, () -> {
            changes.unban(viewer, slug, accountId);
            Flash.ok(redirect, "membership.flash.unbanned", name(accountId));
        });
    }

    /** The name an owner knows the member by, for the line that says what was done. */
    private String name(long accountId) {
        return accounts.find(accountId).map(a -> a.displayName()).orElse("?");
    }

    private String onManage(Viewer viewer, String slug, Model model, HttpServletRequest request,
                            HttpServletResponse response, Runnable action) {
        try {
            action.run();
            return "redirect:/c/" + slug + "/manage";
        } catch (Rejection rejection) {
            if (rejection.kind() == ProblemKind.UNAUTHENTICATED || rejection.kind() == ProblemKind.FORBIDDEN
                    && "membership.runnersOnly".equals(rejection.messageKey())) {
                throw rejection;
            }
            response.setStatus(rejection.kind().status());
            return manage(model, viewer, slug, errors(rejection, request));
        }
    }

    @GetMapping("/c/{slug}/manage/audit")
    String audit(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                 @RequestParam(required = false) String cursor, Model model) {
        var community = views.runnable(viewer, slug);
        model.addAttribute("community", views.header(community));
        model.addAttribute("audit", views.audit(viewer, slug, cursor));
        return "membership/audit";
    }

    @GetMapping("/c/{slug}/invitations")
    String invitationsPage(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, Model model) {
        return invitations(model, viewer, slug, null, FormErrors.NONE);
    }

    @PostMapping("/c/{slug}/invitations")
    String invite(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                  @RequestParam(required = false) String expiresInHours,
                  @RequestParam(required = false) String maxUses, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        try {
            var terms = new InvitationTerms(number("expiresInHours", expiresInHours), number("maxUses", maxUses));
            var created = inviting.create(viewer, slug, terms);
            response.setStatus(201);
            return invitations(model, viewer, slug, created, FormErrors.NONE);
        } catch (Rejection rejection) {
            rethrowIfNotAboutTheForm(rejection);
            response.setStatus(rejection.kind().status());
            return invitations(model, viewer, slug, null, errors(rejection, request));
        }
    }

    @PostMapping("/c/{slug}/invitations/{id}/revoke")
    String revoke(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                  RedirectAttributes redirect) {
        inviting.revoke(viewer, slug, id);
        Flash.ok(redirect, "membership.flash.revoked");
        return "redirect:/c/" + slug + "/invitations";
    }

    /**
     * The invitation's link as a QR code, for a phone's camera or WeChat's scanner. Written straight out: an image
     * whatever the client asks for (an API client's Accept header is no reason to refuse it).
     */
    @GetMapping("/c/{slug}/invitations/{id}/qr.svg")
    void qr(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
            HttpServletResponse response) throws java.io.IOException {
        var svg = org.shequn.shared.web.QrCode.svg(inviting.one(viewer, slug, id).invitation().link());
        response.setContentType("image/svg+xml;charset=UTF-8");
        response.setHeader("Cache-Control", "private, max-age=3600");
        response.getOutputStream().write(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * The invitation's share poster (分享海报), a PNG to save and send in WeChat, in the viewer's language. The same
     * rule as the QR code decides who may have it (it is {@link Inviting#one}), and it is written straight out too.
     */
    @GetMapping("/c/{slug}/invitations/{id}/poster.png")
    void poster(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
        var shown = inviting.one(viewer, slug, id);
        var png = poster.png(shown, RequestContextUtils.getLocale(request));
        response.setContentType("image/png");
        response.setContentLength(png.length);
        // short: the poster shows the expiry and the viewer's language, and the link may be revoked
        response.setHeader("Cache-Control", "private, max-age=300");
        response.setHeader("Content-Disposition", "inline; filename=\"invite-" + shown.community().slug() + ".png\"");
        response.getOutputStream().write(png);
    }

    private String invitations(Model model, Viewer viewer, String slug, InvitationView created, FormErrors errors) {
        var listed = inviting.list(viewer, slug);
        model.addAttribute("page", new InvitationsPage(views.header(listed.community()), listed.all(),
                listed.invitations(), created));
        model.addAttribute("errors", errors);
        return "membership/invitations";
    }

    /** Only refusals the page can explain next to its form are shown there; others get the error page. */
    private static void rethrowIfNotAboutTheForm(Rejection rejection) {
        if (rejection.kind() == ProblemKind.UNAUTHENTICATED || rejection.kind() == ProblemKind.NOT_FOUND) {
            throw rejection;
        }
        if (rejection.kind() == ProblemKind.FORBIDDEN && "membership.membersOnly".equals(rejection.messageKey())) {
            throw rejection;
        }
    }

    private static boolean missesVerification(Rejection rejection) {
        return rejection.messageKey().startsWith("membership.requires.");
    }

    private FormErrors errors(Rejection rejection, HttpServletRequest request) {
        return FormErrors.of(rejection, messages, RequestContextUtils.getLocale(request));
    }

    private static Integer number(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw Rejection.invalid(field, "problem.wrongType");
        }
    }

    private static CommunityRole parseRole(String role) {
        try {
            return role == null ? null : CommunityRole.valueOf(role.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("role", "problem.wrongType");
        }
    }
}
