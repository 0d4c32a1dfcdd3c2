package org.shequn.assignment.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.shequn.assignment.AssignmentDraft;
import org.shequn.assignment.Assignments;
import org.shequn.assignment.ReviewDraft;
import org.shequn.assignment.SubmissionReviews;
import org.shequn.assignment.Submissions;
import org.shequn.assignment.view.AssignmentForm;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.web.Flash;
import org.shequn.shared.web.FormErrors;
import org.shequn.shared.web.FormPages;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The assignments list, an assignment's page (the task, my submission and its review, the featured ones; for
 * reviewers every submission with its review form and who has and has not handed in), and the runners' form.
 */
@Controller
class AssignmentPages {

    private final Assignments assignments;
    private final Submissions submissions;
    private final SubmissionReviews reviews;
    private final FormPages forms;

    AssignmentPages(Assignments assignments, Submissions submissions, SubmissionReviews reviews, FormPages forms) {
        this.assignments = assignments;
        this.submissions = submissions;
        this.reviews = reviews;
        this.forms = forms;
    }

    @GetMapping("/c/{slug}/assignments")
    String list(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, Model model) {
        model.addAttribute("list", assignments.listPage(viewer, slug));
        return "assignment/list";
    }

    @GetMapping("/c/{slug}/assignments/new")
    String newForm(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, Model model) {
        model.addAttribute("editor", assignments.editor(viewer, slug, null));
        model.addAttribute("errors", FormErrors.NONE);
        return "assignment/form";
    }

    @PostMapping("/c/{slug}/assignments")
    String create(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, AssignmentForm form, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        try {
            long id = assignments.create(viewer, slug, draft(form)).id();
            Flash.ok(redirect, "assignment.created");
            return "redirect:/c/" + slug + "/assignments/" + id;
        } catch (Rejection rejection) {
            return formAgain(viewer, slug, null, form, rejection, model, response);
        }
    }

    @GetMapping("/c/{slug}/assignments/{id}")
    String show(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                @RequestParam(defaultValue = "false") boolean unscored, Model model) {
        model.addAttribute("page", submissions.page(viewer, slug, id, unscored));
        model.addAttribute("errors", FormErrors.NONE);
        return "assignment/show";
    }

    @GetMapping("/c/{slug}/assignments/{id}/edit")
    String editForm(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id, Model model) {
        model.addAttribute("editor", assignments.editor(viewer, slug, id));
        model.addAttribute("errors", FormErrors.NONE);
        return "assignment/form";
    }

    @PostMapping("/c/{slug}/assignments/{id}/edit")
    String edit(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                AssignmentForm form, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        try {
            assignments.edit(viewer, slug, id, draft(form));
            Flash.ok(redirect, "assignment.saved");
            return "redirect:/c/" + slug + "/assignments/" + id;
        } catch (Rejection rejection) {
            return formAgain(viewer, slug, id, form, rejection, model, response);
        }
    }

    @PostMapping("/c/{slug}/assignments/{id}/close")
    String close(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                 RedirectAttributes redirect) {
        assignments.close(viewer, slug, id);
        Flash.ok(redirect, "assignment.closedNow");
        return "redirect:/c/" + slug + "/assignments/" + id;
    }

    /** Hands in, or revises what was handed in; a refusal is shown on the assignment's page. */
    @PostMapping("/c/{slug}/assignments/{id}/submission")
    String handIn(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                  @RequestParam(required = false) String text, @RequestParam(required = false) List<MultipartFile> images,
                  @RequestParam(required = false) MultipartFile file,
                  @RequestParam(defaultValue = "false") boolean removeFile, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        try {
            boolean revising = submissions.mine(viewer, slug, id).isPresent();
            submissions.handIn(viewer, slug, id, text, images, file, removeFile);
            Flash.ok(redirect, revising ? "assignment.revised" : "assignment.handedIn");
            return "redirect:/c/" + slug + "/assignments/" + id + "#my-submission";
        } catch (Rejection rejection) {
            return pageAgain(viewer, slug, id, rejection, model, response, redirect);
        }
    }

    @PostMapping("/c/{slug}/assignments/{id}/submissions/{submissionId}/review")
    String review(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                  @PathVariable long submissionId, @RequestParam(required = false) String score,
                  @RequestParam(required = false) String comment, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        try {
            var problems = new ArrayList<Rejection.FieldProblem>();
            var parsed = field(score, "score", Integer::valueOf, problems);
            if (!problems.isEmpty()) {
                throw Rejection.invalid(problems);
            }
            reviews.review(viewer, slug, id, submissionId, new ReviewDraft(parsed, comment));
            Flash.ok(redirect, "assignment.reviewed");
            return "redirect:/c/" + slug + "/assignments/" + id + "#submission-" + submissionId;
        } catch (Rejection rejection) {
            return pageAgain(viewer, slug, id, rejection, model, response, redirect);
        }
    }

    @PostMapping("/c/{slug}/assignments/{id}/submissions/{submissionId}/featured")
    String feature(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                   @PathVariable long submissionId, @RequestParam(defaultValue = "true") boolean on,
                   RedirectAttributes redirect) {
        reviews.feature(viewer, slug, id, submissionId, on);
        Flash.ok(redirect, on ? "assignment.featuredNow" : "assignment.unfeaturedNow");
        return "redirect:/c/" + slug + "/assignments/" + id + "#submission-" + submissionId;
    }

    /** A field's problem shows on the page with its status; a conflict (overdue, scored) as a warning. */
    private String pageAgain(Viewer viewer, String slug, long id, Rejection rejection, Model model,
                             HttpServletResponse response, RedirectAttributes redirect) {
        return forms.pageAgain("assignment/show", "/c/" + slug + "/assignments/" + id, rejection, response, model,
                redirect, m -> m.addAttribute("page", submissions.page(viewer, slug, id, false)));
    }

    private String formAgain(Viewer viewer, String slug, Long id, AssignmentForm form, Rejection rejection,
                             Model model, HttpServletResponse response) {
        return forms.again("assignment/form", rejection, response, model,
                m -> m.addAttribute("editor", assignments.editor(viewer, slug, id, form)));
    }

    /** The form's text as a draft; what is not a time or a number is refused here, all fields at once. */
    static AssignmentDraft draft(AssignmentForm f) {
        var problems = new ArrayList<Rejection.FieldProblem>();
        var dueAt = field(f.dueAt(), "dueAt", LocalDateTime::parse, problems);
        var remind = field(f.remindHoursBefore(), "remindHoursBefore", Integer::valueOf, problems);
        var maxScore = field(f.maxScore(), "maxScore", Integer::valueOf, problems);
        var reviewers = new ArrayList<Long>();
        for (var id : f.reviewerIds()) {
            var parsed = field(id, "reviewerIds", Long::valueOf, problems);
            if (parsed != null) {
                reviewers.add(parsed);
            }
        }
        if (!problems.isEmpty()) {
            throw Rejection.invalid(problems);
        }
        return new AssignmentDraft(f.title(), f.description(), dueAt, f.zone(), remind, f.late(), reviewers, maxScore);
    }

    private static <T> T field(String text, String name, Function<String, T> parser, List<Rejection.FieldProblem> problems) {
        return FormPages.field(text, name, parser, "assignment.form.bad", problems);
    }
}
