package org.shequn.profile.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.shequn.profile.ProfileCard;
import org.shequn.profile.ProfileEditing;
import org.shequn.profile.Profiles;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The welcome after registering, in three short steps: the name one goes by and a picture; position, company and city
 * (skippable); then a way into a community — an invitation link, discovering one, or creating one. Each step saves
 * what it asks and nothing else, so leaving half-way loses nothing already given.
 */
@Controller
class WelcomePages {

    /** An invitation link as the invitations page shows it, from any host: only its path is followed. */
    private static final Pattern INVITATION = Pattern.compile("(/c/[a-z0-9][a-z0-9-]{1,39}/join\\?code=[A-Za-z0-9_-]{4,64})");

    private final Profiles profiles;
    private final ProfileEditing editing;
    private final MessageSource messages;

    WelcomePages(Profiles profiles, ProfileEditing editing, MessageSource messages) {
        this.profiles = profiles;
        this.editing = editing;
        this.messages = messages;
    }

    @GetMapping("/welcome")
    String name(@AuthenticationPrincipal Viewer viewer, Model model) {
        var card = mine(viewer);
        return step(model, "name", card, card.displayName(), "", "", "", "", FormErrors.NONE);
    }

    @PostMapping("/welcome")
    String saveName(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String displayName,
                    @RequestParam(name = "avatar", required = false) MultipartFile avatar, HttpServletRequest request,
                    HttpServletResponse response, Model model) {
        var card = mine(viewer);
        try {
            editing.introduce(viewer.accountId(), displayName, avatar);
            return "redirect:/welcome/work";
        } catch (Rejection rejection) {
            response.setStatus(rejection.kind().status());
            return step(model, "name", card, displayName == null ? "" : displayName, "", "", "", "",
                    FormErrors.of(rejection, messages, RequestContextUtils.getLocale(request)));
        }
    }

    @GetMapping("/welcome/work")
    String work(@AuthenticationPrincipal Viewer viewer, Model model) {
        var card = mine(viewer);
        return step(model, "work", card, card.displayName(), text(card.position()), text(card.company()),
                text(card.city()), "", FormErrors.NONE);
    }

    @PostMapping("/welcome/work")
    String saveWork(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String position,
                    @RequestParam(required = false) String company, @RequestParam(required = false) String city,
                    HttpServletRequest request, HttpServletResponse response, Model model) {
        var card = mine(viewer);
        try {
            editing.describeWork(viewer.accountId(), position, company, city);
            return "redirect:/welcome/start";
        } catch (Rejection rejection) {
            response.setStatus(rejection.kind().status());
            return step(model, "work", card, card.displayName(), text(position), text(company), text(city), "",
                    FormErrors.of(rejection, messages, RequestContextUtils.getLocale(request)));
        }
    }

    @GetMapping("/welcome/start")
    String start(@AuthenticationPrincipal Viewer viewer, Model model) {
        return step(model, "start", mine(viewer), "", "", "", "", "", FormErrors.NONE);
    }

    /** A pasted invitation link leads to its community's join step, whatever host the link was made for. */
    @PostMapping("/welcome/invitation")
    String invitation(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String link,
                      HttpServletRequest request, HttpServletResponse response, Model model) {
        var card = mine(viewer);
        var found = link == null || link.length() > 500 ? null : INVITATION.matcher(link.strip());
        if (found != null && found.find()) {
            return "redirect:" + found.group(1);
        }
        response.setStatus(400);
        var rejection = Rejection.invalid("link", "profile.welcome.invitation.unknown");
        return step(model, "start", card, "", "", "", "", link == null ? "" : link,
                FormErrors.of(rejection, messages, RequestContextUtils.getLocale(request)));
    }

    private String step(Model model, String step, ProfileCard card, String displayName, String position,
                        String company, String city, String link, FormErrors errors) {
        model.addAttribute("step", step);
        model.addAttribute("card", card);
        model.addAttribute("displayName", displayName);
        model.addAttribute("position", position);
        model.addAttribute("company", company);
        model.addAttribute("city", city);
        model.addAttribute("link", link);
        model.addAttribute("errors", errors);
        return "profile/welcome";
    }

    private ProfileCard mine(Viewer viewer) {
        return profiles.find(Viewer.require(viewer).accountId()).orElseThrow(Rejection::unauthenticated);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
