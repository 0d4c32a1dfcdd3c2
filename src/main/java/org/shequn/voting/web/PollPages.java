package org.shequn.voting.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.web.Flash;
import org.shequn.shared.web.FormErrors;
import org.shequn.voting.PollDraft;
import org.shequn.voting.PollResults;
import org.shequn.voting.Polls;
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

/** The polls list, the form to open one, a poll's page with its ballot or results, voting and closing. */
@Controller
class PollPages {

    private final Polls polls;
    private final MessageSource messages;
    private final java.time.Clock clock;

    PollPages(Polls polls, MessageSource messages, java.time.Clock clock) {
        this.polls = polls;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/c/{slug}/polls")
    String list(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, Model model) {
        model.addAttribute("list", polls.list(viewer, slug));
        return "voting/polls";
    }

    @GetMapping("/c/{slug}/polls/new")
    String newForm(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                   @RequestParam(required = false) Long subgroup, Model model) {
        var editor = polls.editor(viewer, slug, subgroup);
        model.addAttribute("list", editor);
        model.addAttribute("form", new PollForm("", "", 1, FormTimes.inDays(clock, 7), PollResults.AFTER_VOTING.name(), null,
                editor.subgroupId() == null ? "" : String.valueOf(editor.subgroupId())));
        model.addAttribute("errors", FormErrors.NONE);
        return "voting/poll-form";
    }

    @PostMapping("/c/{slug}/polls")
    String open(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, PollForm form, Model model,
                HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            long id = polls.open(viewer, slug, form.draft()).id();
            Flash.ok(redirect, "voting.poll.opened");
            return "redirect:/c/" + slug + "/polls/" + id;
        } catch (Rejection rejection) {
            if (rejection.fieldProblems().isEmpty()) {
                throw rejection;
            }
            response.setStatus(rejection.kind().status());
            model.addAttribute("list", polls.editor(viewer, slug, null));
            model.addAttribute("form", form);
            model.addAttribute("errors", FormErrors.of(rejection, messages, RequestContextUtils.getLocale(request)));
            return "voting/poll-form";
        }
    }

    @GetMapping("/c/{slug}/polls/{id}")
    String show(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id, Model model) {
        model.addAttribute("list", polls.page(viewer, slug, id));
        return "voting/poll";
    }

    @PostMapping("/c/{slug}/polls/{id}/votes")
    String vote(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                @RequestParam(name = "option", required = false) List<Long> options, RedirectAttributes redirect) {
        return FlashRefusals.redirect("/c/" + slug + "/polls/" + id, redirect, () -> {
            polls.vote(viewer, slug, id, options);
            Flash.ok(redirect, "voting.poll.voted");
        });
    }

    @PostMapping("/c/{slug}/polls/{id}/close")
    String close(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                 RedirectAttributes redirect) {
        polls.close(viewer, slug, id);
        Flash.ok(redirect, "voting.poll.closedNow");
        return "redirect:/c/" + slug + "/polls/" + id;
    }
}
