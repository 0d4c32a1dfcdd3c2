package org.shequn.assignment.web;

import java.net.URI;
import java.util.List;
import org.shequn.assignment.AssignmentDraft;
import org.shequn.assignment.Assignments;
import org.shequn.assignment.ReviewDraft;
import org.shequn.assignment.SubmissionReviews;
import org.shequn.assignment.Submissions;
import org.shequn.assignment.view.AssignmentView;
import org.shequn.assignment.view.Roster;
import org.shequn.assignment.view.SubmissionView;
import org.shequn.shared.Viewer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Assignments over the API: members list and read them and hand in (multipart: {@code text}, up to nine
 * {@code images}, one {@code file}), then revise with PUT on {@code submissions/mine}; the owner and admins create,
 * edit and close them; the owner, admins and named reviewers list submissions ({@code ?unscored=true}), see who has
 * and has not handed in, score and comment, and feature.
 */
@RestController
@RequestMapping("/api/v1/communities/{slug}/assignments")
class AssignmentApi {

    private final Assignments assignments;
    private final Submissions submissions;
    private final SubmissionReviews reviews;

    AssignmentApi(Assignments assignments, Submissions submissions, SubmissionReviews reviews) {
        this.assignments = assignments;
        this.submissions = submissions;
        this.reviews = reviews;
    }

    @GetMapping
    List<AssignmentView> list(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug) {
        return assignments.list(viewer, slug);
    }

    @PostMapping
    ResponseEntity<AssignmentView> create(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                          @RequestBody AssignmentDraft body) {
        var created = assignments.create(viewer, slug, body);
        return ResponseEntity.created(URI.create("/api/v1/communities/" + slug + "/assignments/" + created.id())).body(created);
    }

    @GetMapping("/{assignmentId}")
    AssignmentView get(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long assignmentId) {
        return assignments.get(viewer, slug, assignmentId);
    }

    @PutMapping("/{assignmentId}")
    AssignmentView edit(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long assignmentId,
                        @RequestBody AssignmentDraft body) {
        return assignments.edit(viewer, slug, assignmentId, body);
    }

    /** Closes it for good: a second close is a 409. */
    @PostMapping("/{assignmentId}/close")
    AssignmentView close(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long assignmentId) {
        return assignments.close(viewer, slug, assignmentId);
    }

    /** Hands in; a second time is a 409 (revise instead). */
    @PostMapping(path = "/{assignmentId}/submissions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<SubmissionView> submit(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                          @PathVariable long assignmentId, @RequestParam(required = false) String text,
                                          @RequestParam(required = false) List<MultipartFile> images,
                                          @RequestParam(required = false) MultipartFile file) {
        var created = submissions.submit(viewer, slug, assignmentId, text, images, file);
        return ResponseEntity.created(URI.create("/api/v1/communities/" + slug + "/assignments/" + assignmentId
                + "/submissions/mine")).body(created);
    }

    /** The caller's own submission; 204 when they have not handed one in. */
    @GetMapping("/{assignmentId}/submissions/mine")
    ResponseEntity<SubmissionView> mine(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                        @PathVariable long assignmentId) {
        return submissions.mine(viewer, slug, assignmentId).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    /** Revises it: new {@code images} replace the old, a new {@code file} (or {@code removeFile=true}) the file. */
    @PutMapping(path = "/{assignmentId}/submissions/mine", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    SubmissionView revise(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long assignmentId,
                          @RequestParam(required = false) String text,
                          @RequestParam(required = false) List<MultipartFile> images,
                          @RequestParam(required = false) MultipartFile file,
                          @RequestParam(defaultValue = "false") boolean removeFile) {
        return submissions.revise(viewer, slug, assignmentId, text, images, file, removeFile);
    }

    /** For reviewers: every submission, or only the unscored ones. */
    @GetMapping("/{assignmentId}/submissions")
    List<SubmissionView> all(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                             @PathVariable long assignmentId, @RequestParam(defaultValue = "false") boolean unscored) {
        return submissions.all(viewer, slug, assignmentId, unscored);
    }

    @GetMapping("/{assignmentId}/featured")
    List<SubmissionView> featured(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                  @PathVariable long assignmentId) {
        return submissions.featured(viewer, slug, assignmentId);
    }

    /** For reviewers: who has handed in and who has not, with the counts. */
    @GetMapping("/{assignmentId}/roster")
    Roster roster(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long assignmentId) {
        return submissions.roster(viewer, slug, assignmentId);
    }

    /** Scores ({@code score}) and/or comments ({@code comment}); the latest review stands. */
    @PutMapping("/{assignmentId}/submissions/{submissionId}/review")
    SubmissionView review(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long assignmentId,
                          @PathVariable long submissionId, @RequestBody ReviewDraft body) {
        return reviews.review(viewer, slug, assignmentId, submissionId, body);
    }

    @PutMapping("/{assignmentId}/submissions/{submissionId}/featured")
    SubmissionView feature(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long assignmentId,
                           @PathVariable long submissionId) {
        return reviews.feature(viewer, slug, assignmentId, submissionId, true);
    }

    @DeleteMapping("/{assignmentId}/submissions/{submissionId}/featured")
    SubmissionView unfeature(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                             @PathVariable long assignmentId, @PathVariable long submissionId) {
        return reviews.feature(viewer, slug, assignmentId, submissionId, false);
    }
}
