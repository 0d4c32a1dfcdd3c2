package org.shequn.assignment.view;

import java.util.List;

/** The create or edit form ({@code id} null for a new assignment), with the members who could be named reviewers. */
public record AssignmentEditor(String slug, String communityName, Long id, AssignmentForm form,
                               List<AssignmentView.Person> candidates) {
}
