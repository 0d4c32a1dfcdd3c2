package org.shequn.insight.view;

import java.util.List;

/**
 * One kind of identity tag (position, industry, city, education, verified) across the sharing buyers. A group's
 * {@code value} is null for "其他" (the folded small groups) and empty for "未填写"; {@code percent} is of the sharing buyers.
 */
public record Facet(String kind, List<Group> groups) {

    public record Group(String value, String label, long buyers, int percent) {

        public boolean other() {
            return value == null;
        }

        public boolean unstated() {
            return value != null && value.isEmpty();
        }
    }
}
