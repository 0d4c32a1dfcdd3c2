package org.shequn.announcement.view;

/** The publish or edit form ({@code id} null for a new announcement) with what was typed. */
public record AnnouncementEditor(String slug, String communityName, Long id, String title, String body,
                                 int titleMax, int bodyMax) {
}
