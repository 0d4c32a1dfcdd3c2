package org.shequn.entry.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.shequn.entry.CouponTerms;
import org.shequn.entry.EntryTerms;
import org.shequn.entry.PaidEntry;
import org.shequn.entry.view.EntryForm;
import org.shequn.entry.view.EntryPage;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.money.Money;
import org.shequn.shared.web.Flash;
import org.shequn.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The entry page (pay to join, renew, refund) and the owner's paid-entry settings. */
@Controller
class EntryPages {

    private final PaidEntry entry;
    private final MessageSource messages;

    EntryPages(PaidEntry entry, MessageSource messages) {
        this.entry = entry;
        this.messages = messages;
    }

    @GetMapping("/c/{slug}/entry")
    String page(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                @RequestParam(required = false) String code, Model model) {
        return page(viewer, slug, code, FormErrors.NONE, model);
    }

    @PostMapping("/c/{slug}/entry/checkout")
    String checkout(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                    @RequestParam(required = false) String channel, @RequestParam(required = false) String code,
                    @RequestParam(required = false) String coupon,
                    Model model, HttpServletRequest request, HttpServletResponse response) {
        try {
            var started = entry.checkout(viewer, slug, EntryApi.channel(channel), code, coupon);
            var checkout = started.checkout();
            // the test mode's page and the providers' cashiers are where the payer goes next; a QR code to scan or
            // transfer instructions are shown on the payment's page
            return switch (checkout.display()) {
                case TEST_PAGE, REDIRECT -> "redirect:" + checkout.value();
                case QR_CODE, OFFLINE_INSTRUCTIONS -> "redirect:/payments/" + checkout.paymentId();
            };
        } catch (Rejection rejection) {
            if (rejection.kind() == org.shequn.shared.ProblemKind.UNAUTHENTICATED) {
                throw rejection;
            }
            response.setStatus(rejection.kind().status());
            return page(viewer, slug, code, FormErrors.of(rejection, messages, RequestContextUtils.getLocale(request)), model);
        }
    }

    @PostMapping("/c/{slug}/entry/trial")
    String trial(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                 @RequestParam(required = false) String code, RedirectAttributes redirect) {
        var until = entry.trial(viewer, slug, code);
        Flash.ok(redirect, "entry.trial.started", EntryPage.shown(until));
        return "redirect:/c/" + slug + "/posts";
    }

    @PostMapping("/c/{slug}/entry/refund")
    String refund(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, RedirectAttributes redirect) {
        var refunded = entry.refund(viewer, slug);
        Flash.ok(redirect, "entry.refunded", refunded.amount().display());
        return "redirect:/c/" + slug + "/entry";
    }

    @GetMapping("/c/{slug}/manage/entry")
    String settings(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, Model model) {
        var shown = entry.settings(viewer, slug);
        return settings(model, shown, form(shown), FormErrors.NONE, viewer, slug);
    }

    private static EntryForm form(PaidEntry.Shown shown) {
        var t = shown.terms().orElse(null);
        return t == null ? new EntryForm("", "365", "", "72", "")
                : new EntryForm(EntryPage.yuan(t.feeMinor()), number(t.termDays()), EntryPage.yuan(t.renewalMinor()),
                number(t.refundHours()), number(t.trialDays()));
    }

    @PostMapping("/c/{slug}/manage/entry")
    String save(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, EntryForm form, Model model,
                HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            entry.set(viewer, slug, terms(form));
            Flash.ok(redirect, "entry.settings.saved");
            return "redirect:/c/" + slug + "/manage/entry";
        } catch (Rejection rejection) {
            if (rejection.fieldProblems().isEmpty()) {
                throw rejection;
            }
            response.setStatus(rejection.kind().status());
            return settings(model, entry.settings(viewer, slug), form,
                    FormErrors.of(rejection, messages, RequestContextUtils.getLocale(request)), viewer, slug);
        }
    }

    @PostMapping("/c/{slug}/manage/entry/coupons")
    String issue(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                 @RequestParam(required = false) String code, @RequestParam(required = false) String amountOff,
                 @RequestParam(required = false) String percentOff, @RequestParam(required = false) String expiresInHours,
                 @RequestParam(required = false) String maxUses, Model model, HttpServletRequest request,
                 HttpServletResponse response, RedirectAttributes redirect) {
        try {
            var problems = new java.util.ArrayList<Rejection.FieldProblem>();
            var terms = new CouponTerms(code, money("amountOffMinor", amountOff, problems), integer("percentOff", percentOff, problems),
                    integer("expiresInHours", expiresInHours, problems), integer("maxUses", maxUses, problems));
            if (!problems.isEmpty()) {
                throw Rejection.invalid(problems);
            }
            var coupon = entry.issue(viewer, slug, terms);
            Flash.ok(redirect, "entry.coupon.issued", coupon.code());
            return "redirect:/c/" + slug + "/manage/entry";
        } catch (Rejection rejection) {
            if (rejection.fieldProblems().isEmpty() && rejection.kind() != org.shequn.shared.ProblemKind.CONFLICT) {
                throw rejection;
            }
            response.setStatus(rejection.kind().status());
            var shown = entry.settings(viewer, slug);
            return settings(model, shown, form(shown), FormErrors.of(rejection, messages, RequestContextUtils.getLocale(request)),
                    viewer, slug);
        }
    }

    @PostMapping("/c/{slug}/manage/entry/stop")
    String stop(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, RedirectAttributes redirect) {
        entry.stop(viewer, slug);
        Flash.ok(redirect, "entry.settings.stopped");
        return "redirect:/c/" + slug + "/manage/entry";
    }

    /** The form's fields as terms, or every field's problem at once. */
    static EntryTerms terms(EntryForm form) {
        var problems = new java.util.ArrayList<Rejection.FieldProblem>();
        Long feeMinor = money("feeMinor", form.feeMinor(), problems);
        Long renewalMinor = money("renewalMinor", form.renewalMinor(), problems);
        Integer days = integer("termDays", form.termDays(), problems);
        Integer hours = integer("refundHours", form.refundHours(), problems);
        Integer trial = integer("trialDays", form.trialDays(), problems);
        if (!problems.isEmpty()) {
            throw Rejection.invalid(problems);
        }
        return new EntryTerms(feeMinor, days, renewalMinor, hours == null ? 0 : hours, trial);
    }

    private static Long money(String field, String typed, java.util.List<Rejection.FieldProblem> problems) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Money.parse(typed, Money.Currency.CNY, field).minor();
        } catch (Rejection r) {
            problems.add(new Rejection.FieldProblem(field, "money.invalid"));
            return null;
        }
    }

    private static Integer integer(String field, String typed, java.util.List<Rejection.FieldProblem> problems) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            problems.add(new Rejection.FieldProblem(field, "problem.type.number"));
            return null;
        }
    }

    private String page(Viewer viewer, String slug, String code, FormErrors errors, Model model) {
        var shown = entry.show(viewer, slug);
        model.addAttribute("page", new EntryPage(shown.community(), shown, code == null ? "" : code.strip(),
                shown.channels().stream().map(Enum::name).toList()));
        model.addAttribute("errors", errors);
        return "entry/page";
    }

    private String settings(Model model, PaidEntry.Shown shown, EntryForm form, FormErrors errors, Viewer viewer, String slug) {
        model.addAttribute("page", new EntryPage(shown.community(), shown, "", java.util.List.of()));
        model.addAttribute("coupons", entry.coupons(viewer, slug));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "entry/settings";
    }

    private static String number(Integer n) {
        return n == null ? "" : n.toString();
    }
}
