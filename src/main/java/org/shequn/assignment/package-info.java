/**
 * Assignments (作业): the owner and admins set a task with a description, a due time (written on a wall clock in
 * a zone, kept as an instant), an optional reminder so many hours before, whether late work is taken, named
 * reviewers and an optional maximum score; they edit and close it. Each member hands in one submission (text, up
 * to nine re-encoded images, one file), revised in place until it is scored or due (after the due time only when
 * late work is taken, and then marked late). The owner, admins and named reviewers score and comment on
 * submissions, feature the best, and see who has and has not handed in. The reminder goes only to members who
 * have not handed in, each claimed by one row. {@link org.shequn.assignment.SubmissionReviewed} (an interaction
 * between reviewer and member) and {@link org.shequn.assignment.AssignmentReminded} are published in the writing
 * transaction. Every check goes through the membership gate. The {@code web} sub-package holds its HTTP endpoints
 * and pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assignments",
        allowedDependencies = {"community", "membership", "profile", "shared"})
package org.shequn.assignment;
