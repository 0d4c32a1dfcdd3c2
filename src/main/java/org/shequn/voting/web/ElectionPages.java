package org.shequn.voting.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.web.Flash;
import org.shequn.shared.web.FormErrors;
import org.shequn.voting.ElectionDraft;
import org.shequn.voting.Elections;
import org.shequn.voting.Nomination;
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

/**
 * The elections list, the owner's form, and an election's page in each phase: nominate and accept, vote (the
 * receipt code is shown once, on the page the vote lands on), and the result with its rounds and ballots.
 */
@Controller
class ElectionPages {

    private final Elections elections;
    private final MessageSource messages;
    private final Clock clock;

    ElectionPages(Elections elections, MessageSource messages, Clock clock) {
        this.elections = elections;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/c/{slug}/elections")
    String list(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, Model model) {
        model.addAttribute("list", elections.list(viewer, slug));
        return "voting/elections";
    }

    @GetMapping("/c/{slug}/elections/new")
    String newForm(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                   @RequestParam(required = false) Long subgroup, Model model) {
        var editor = elections.editor(viewer, slug, subgroup);
        model.addAttribute("list", editor);
        // a group's leader election has one seat
        model.addAttribute("form", new ElectionForm("", "", editor.subgroupId() == null ? 3 : 1, 30, 180,
                FormTimes.inDays(clock, 7), FormTimes.inDays(clock, 10),
                editor.subgroupId() == null ? "" : String.valueOf(editor.subgroupId())));
        model.addAttribute("errors", FormErrors.NONE);
        return "voting/election-form";
    }

    @PostMapping("/c/{slug}/elections")
    String open(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, ElectionForm form, Model model,
                HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            long id = elections.open(viewer, slug, form.draft()).id();
            Flash.ok(redirect, "voting.election.opened");
            return "redirect:/c/" + slug + "/elections/" + id;
        } catch (Rejection rejection) {
            if (rejection.fieldProblems().isEmpty()) {
                throw rejection;
            }
            response.setStatus(rejection.kind().status());
            model.addAttribute("list", elections.editor(viewer, slug, null));
            model.addAttribute("form", form);
            model.addAttribute("errors", FormErrors.of(rejection, messages, RequestContextUtils.getLocale(request)));
            return "voting/election-form";
        }
    }

    @GetMapping("/c/{slug}/elections/{id}")
    String show(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id, Model model) {
        model.addAttribute("page", elections.page(viewer, slug, id));
        return "voting/election";
    }

    @PostMapping("/c/{slug}/elections/{id}/candidates")
    String nominate(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                    @RequestParam(required = false) Long accountId, @RequestParam(required = false) String statement,
                    RedirectAttributes redirect) {
        return FlashRefusals.redirect("/c/" + slug + "/elections/" + id, redirect, () -> {
            elections.nominate(viewer, slug, id, new Nomination(accountId, statement));
            Flash.ok(redirect, "voting.election.nominated");
        });
    }

    @PostMapping("/c/{slug}/elections/{id}/candidates/{candidateId}/acceptance")
    String accept(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                  @PathVariable long candidateId, @RequestParam(required = false) String statement,
                  RedirectAttributes redirect) {
        return FlashRefusals.redirect("/c/" + slug + "/elections/" + id, redirect, () -> {
            elections.accept(viewer, slug, id, candidateId, statement);
            Flash.ok(redirect, "voting.election.acceptedNow");
        });
    }

    /** The receipt goes into the flash message of the page the vote lands on: shown that once. */
    @PostMapping("/c/{slug}/elections/{id}/ballots")
    String vote(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                @RequestParam(name = "candidate", required = false) List<Long> candidates, RedirectAttributes redirect) {
        return FlashRefusals.redirect("/c/" + slug + "/elections/" + id, redirect, () -> {
            var receipt = elections.vote(viewer, slug, id, candidates);
            Flash.ok(redirect, "voting.election.votedReceipt", receipt.receipt());
        });
    }
}
