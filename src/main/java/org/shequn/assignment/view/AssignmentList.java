package org.shequn.assignment.view;

import java.util.List;

/** The assignments page: every assignment, the latest due first, and whether the viewer may set one. */
public record AssignmentList(String slug, String communityName, boolean archived, boolean runs,
                             List<AssignmentView> assignments) {

    public boolean mayCreate() {
        return runs && !archived;
    }
}
