package org.shequn.search;

import java.util.Collection;
import java.util.Locale;
import org.shequn.shared.text.TraditionalChinese;
import org.springframework.web.util.HtmlUtils;

/**
 * A short piece of a document around its first match, HTML-escaped, with the matches wrapped in
 * {@code <mark>}. Matches are found in the plain text and every piece is escaped on its own, so no
 * user-written markup survives and no entity is cut in half.
 */
final class Snippets {

    static final int LENGTH = 120;
    private static final int BEFORE = 30;

    private Snippets() {
    }

    static String of(String text, Collection<String> terms) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        // terms are simplified and lower-case; folding keeps every position, so matches map back to the original
        var lower = TraditionalChinese.toSimplified(text).toLowerCase(Locale.ROOT);
        if (lower.length() != text.length()) {
            lower = TraditionalChinese.toSimplified(text); // a case change moved positions: match the case as written
        }
        int first = -1;
        for (var term : terms) {
            int at = lower.indexOf(term);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        int start = first < 0 ? 0 : Math.max(0, first - BEFORE);
        int end = Math.min(text.length(), start + LENGTH);
        if (start > 0 && Character.isLowSurrogate(text.charAt(start))) {
            start--;
        }
        if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
            end++;
        }
        boolean[] marked = new boolean[end - start];
        for (var term : terms) {
            if (term.isEmpty()) {
                continue;
            }
            int from = start;
            while (true) {
                int at = lower.indexOf(term, from);
                if (at < 0 || at >= end) {
                    break;
                }
                for (int i = at; i < Math.min(end, at + term.length()); i++) {
                    marked[i - start] = true;
                }
                from = at + 1;
            }
        }
        var out = new StringBuilder();
        if (start > 0) {
            out.append('…');
        }
        int i = 0;
        while (i < marked.length) {
            int j = i;
            while (j < marked.length && marked[j] == marked[i]) {
                j++;
            }
            var piece = HtmlUtils.htmlEscape(text.substring(start + i, start + j));
            out.append(marked[i] ? "<mark>" + piece + "</mark>" : piece);
            i = j;
        }
        if (end < text.length()) {
            out.append('…');
        }
        return out.toString();
    }
}
