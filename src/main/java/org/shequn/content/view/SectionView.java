package org.shequn.content.view;

/** A section (板块) as members see it. */
public record SectionView(long id, String name, String description, String icon, String posting, int position,
                          boolean archived) {
}
