package org.shequn.subgroup.view;

/** Something scoped to a sub-group, listed on its page: {@code kind} names it (checkin, event, poll, election). */
public record ScopedItem(String kind, String title, String href) {
}
