package org.shequn.community.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.shequn.community.CommunityCatalog;
import org.shequn.community.CommunitySettings;
import org.shequn.community.CommunityViews;
import org.shequn.community.EntryPolicy;
import org.shequn.community.Visibility;
import org.shequn.community.view.CommunityForm;
import org.shequn.identity.Accounts;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Home, discovery, a community's page, and the owner's settings. */
@Controller
class CommunityPages {

    private final CommunityCatalog catalog;
    private final CommunityViews views;
    private final Accounts accounts;
    private final MessageSource messages;

    CommunityPages(CommunityCatalog catalog, CommunityViews views, Accounts accounts, MessageSource messages) {
        this.catalog = catalog;
        this.views = views;
        this.accounts = accounts;
        this.messages = messages;
    }

    /** Everyone's front page; a signed-in person's home is their own (my communities and what waits for me). */
    @GetMapping("/")
    String home(@AuthenticationPrincipal Viewer viewer, Model model) {
        if (viewer != null) {
            return "redirect:/home";
        }
        model.addAttribute("communities", views.listing(null, null, null).items().stream().limit(6).toList());
        return "home/index";
    }

    @GetMapping("/communities")
    String discover(@RequestParam(required = false) String theme, @RequestParam(required = false) String q,
                    @RequestParam(required = false) String cursor, Model model) {
        if ((theme != null && theme.length() > 30) || (q != null && q.length() > 60)) {
            throw Rejection.invalid("q", "community.search.tooLong");
        }
        model.addAttribute("page", views.listing(theme, q, cursor));
        model.addAttribute("themes", views.popularThemes());
        model.addAttribute("theme", theme == null ? "" : theme);
        model.addAttribute("q", q == null ? "" : q);
        return "community/discover";
    }

    /** The short first step: name, one line, cover, entry policy (questions only for approval) and member cap. */
    @GetMapping("/communities/new")
    String newForm(@AuthenticationPrincipal Viewer viewer, Model model) {
        Viewer.require(viewer);
        return createForm(model, CommunityForm.blank(), FormErrors.NONE);
    }

    @PostMapping("/communities/new")
    String create(@AuthenticationPrincipal Viewer viewer, CommunityForm form,
                  @RequestParam(name = "cover", required = false) MultipartFile cover, Model model,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            var settings = settings(form);
            if (settings.entryPolicy() != EntryPolicy.APPROVAL) {
                // the questions were hidden for this policy: whatever stayed in them is not the owner's intent
                settings = settings.withoutQuestions();
            }
            var created = catalog.create(viewer, settings, cover);
            Flash.ok(redirect, "community.flash.created", created.name());
            // the new community's checklist (rules, a section, the first members, the first post) waits there
            return "redirect:/c/" + created.slug() + "/todo";
        } catch (Rejection rejection) {
            if (rejection.kind() == org.shequn.shared.ProblemKind.UNAUTHENTICATED) {
                throw rejection;
            }
            response.setStatus(rejection.kind().status());
            return createForm(model, form, FormErrors.of(rejection, messages, RequestContextUtils.getLocale(request)));
        }
    }

    /** Members land on the feed; everyone else on the about page, with the way in. */
    @GetMapping("/c/{slug}")
    String show(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, Model model,
                HttpServletRequest request, RedirectAttributes redirect) {
        var community = views.view(slug, viewer);
        if (community.member()) {
            // the line the previous action left (a join, a new community) goes on to the feed
            var flashes = RequestContextUtils.getInputFlashMap(request);
            if (flashes != null) {
                flashes.forEach(redirect::addFlashAttribute);
            }
            return "redirect:/c/" + community.slug() + "/posts";
        }
        model.addAttribute("community", community);
        return "community/show";
    }

    @GetMapping("/c/{slug}/about")
    String about(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, Model model) {
        model.addAttribute("community", views.view(slug, viewer));
        return "community/show";
    }

    @GetMapping("/c/{slug}/settings")
    String settings(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, Model model) {
        var form = views.settingsForm(viewer, slug);
        return form(model, form, FormErrors.NONE, views.view(slug, viewer));
    }

    @PostMapping("/c/{slug}/settings")
    String update(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, CommunityForm form, Model model,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            var updated = catalog.update(viewer, slug, settings(form));
            Flash.ok(redirect, "community.flash.saved");
            return "redirect:/c/" + updated.slug() + "?saved";
        } catch (Rejection rejection) {
            if (rejection.fieldProblems().isEmpty()) {
                throw rejection;
            }
            response.setStatus(rejection.kind().status());
            return form(model, form, FormErrors.of(rejection, messages, RequestContextUtils.getLocale(request)),
                    views.view(slug, viewer));
        }
    }

    @PostMapping("/c/{slug}/cover")
    String cover(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                 @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) {
        catalog.setCover(viewer, slug, file);
        Flash.ok(redirect, "community.flash.cover");
        return "redirect:/c/" + slug + "/settings";
    }

    @PostMapping("/c/{slug}/archive")
    String archive(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, RedirectAttributes redirect) {
        catalog.archive(viewer, slug);
        Flash.warn(redirect, "community.flash.archived");
        return "redirect:/c/" + slug;
    }

    @PostMapping("/c/{slug}/restore")
    String restore(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, RedirectAttributes redirect) {
        catalog.restore(viewer, slug);
        Flash.ok(redirect, "community.flash.restored");
        return "redirect:/c/" + slug;
    }

    @PostMapping("/c/{slug}/transfer")
    String transfer(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                    @RequestParam(required = false) String email, RedirectAttributes redirect) {
        Viewer.require(viewer);
        var target = email == null || email.isBlank() || email.length() > 254 ? null
                : accounts.findByEmail(email).map(a -> a.id()).orElse(null);
        if (target == null) {
            throw Rejection.invalid("email", "community.transfer.noSuchAccount");
        }
        catalog.transfer(viewer, slug, target);
        Flash.ok(redirect, "community.flash.transferred", accounts.find(target).map(a -> a.displayName()).orElse(email));
        return "redirect:/c/" + slug;
    }

    private String createForm(Model model, CommunityForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "community/create";
    }

    private String form(Model model, CommunityForm form, FormErrors errors, Object community) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("community", community);
        return "community/form";
    }

    /** The browser's strings to the use case's command; a cap that is not a number fails the range check. */
    private static CommunitySettings settings(CommunityForm f) {
        Integer cap;
        try {
            cap = f.memberCap() == null || f.memberCap().isBlank() ? null : Integer.valueOf(f.memberCap().strip());
        } catch (NumberFormatException e) {
            cap = -1;
        }
        return new CommunitySettings(f.name(), f.slug(), f.description(), CommunityForm.splitTags(f.themes()), f.vision(),
                f.values(), f.mission(), f.rules(), parse(Visibility.class, f.visibility(), Visibility.PUBLIC), cap,
                parse(EntryPolicy.class, f.entryPolicy(), EntryPolicy.OPEN), f.checked(f.requiresRealName()),
                f.checked(f.requiresPosition()), f.checked(f.membersMayInvite()),
                f.questions() == null ? List.of() : f.questions().stream().filter(q -> q != null && !q.isBlank()).toList(),
                null);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback) {
        try {
            return value == null ? fallback : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
