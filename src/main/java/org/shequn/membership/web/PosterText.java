package org.shequn.membership.web;

import java.awt.FontMetrics;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Text as a poster draws it: one clean line of user text, wrapped to a width measured in the font that draws it.
 * Lines break between user-perceived characters only (a surrogate pair, an emoji with its modifiers, a letter with
 * its accent stay whole); Chinese breaks between any two characters, Latin words at their spaces when they can.
 */
final class PosterText {

    static final String ELLIPSIS = "…";
    /** Marks a line must not start with (避头标点). */
    private static final String NO_LINE_START = "，。、；：！？）」』》〉】”’…,.;:!?)]}%";

    private PosterText() {
    }

    /**
     * Control characters go (line breaks become spaces: the poster gives each text its own lines), and so do the
     * bidirectional embeddings, overrides and isolates, which would let a name reorder the words drawn after it.
     */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
            } else if (Character.getType(c) != Character.CONTROL && !(c >= 0x202A && c <= 0x202E)
                    && !(c >= 0x2066 && c <= 0x2069)) {
                out.appendCodePoint(c);
            }
        });
        return out.toString().replaceAll(" {2,}", " ").strip();
    }

    /**
     * Greedy lines no wider than {@code width}; past {@code maxLines} the last line ends in an ellipsis that fits.
     */
    static List<String> wrap(String text, FontMetrics metrics, int width, int maxLines) {
        var lines = new ArrayList<String>();
        var clusters = BreakIterator.getCharacterInstance();
        clusters.setText(text);
        int start = 0;
        while (start < text.length() && lines.size() < maxLines) {
            int end = fit(text, start, clusters, metrics, width);
            if (end >= text.length()) {
                lines.add(text.substring(start).strip());
                return lines;
            }
            int breakAt = wordBreak(text, start, end, clusters);
            lines.add(text.substring(start, breakAt).strip());
            start = breakAt;
            while (start < text.length() && text.charAt(start) == ' ') {
                start++;
            }
        }
        if (start < text.length() && !lines.isEmpty()) {
            lines.set(lines.size() - 1, ellipsized(lines.getLast(), metrics, width));
        }
        return lines;
    }

    /** The furthest cluster boundary after {@code start} whose text still fits (at least one cluster). */
    private static int fit(String text, int start, BreakIterator clusters, FontMetrics metrics, int width) {
        int end = clusters.following(start);
        if (end == BreakIterator.DONE) {
            return text.length();
        }
        while (end < text.length()) {
            int next = clusters.following(end);
            if (next == BreakIterator.DONE || metrics.stringWidth(text.substring(start, next)) > width) {
                return end;
            }
            end = next;
        }
        return end;
    }

    /**
     * Where to break a line that must end by {@code end} (a cluster boundary): before a closing mark's character,
     * so the mark does not start a line; inside a Latin word, back at the last space or the last non-Latin character,
     * if the line keeps something; otherwise at {@code end} itself.
     */
    private static int wordBreak(String text, int start, int end, BreakIterator clusters) {
        if (NO_LINE_START.indexOf(text.codePointAt(end)) >= 0) {
            int before = clusters.preceding(end);
            return before > start ? before : end;
        }
        if (!isWordPart(text.codePointBefore(end)) || !isWordPart(text.codePointAt(end))) {
            return end;
        }
        for (int i = end; i > start; i = text.offsetByCodePoints(i, -1)) {
            int before = text.codePointBefore(i);
            if (!isWordPart(before) && i - Character.charCount(before) > start && clusters.isBoundary(i)) {
                return i;
            }
        }
        return end;
    }

    /** Latin letters and digits, which a line should not split; ideographs break anywhere. */
    private static boolean isWordPart(int c) {
        return Character.isLetterOrDigit(c) && !Character.isIdeographic(c)
                && Character.UnicodeScript.of(c) != Character.UnicodeScript.HIRAGANA
                && Character.UnicodeScript.of(c) != Character.UnicodeScript.KATAKANA
                && Character.UnicodeScript.of(c) != Character.UnicodeScript.HANGUL;
    }

    /**
     * A sentence around a name ("{0} 邀请你加入") that fits: the name is shortened, with an ellipsis, rather than the
     * sentence, which says what the poster is.
     */
    static String withName(String name, UnaryOperator<String> sentence, FontMetrics metrics, int width) {
        var line = sentence.apply(name);
        if (metrics.stringWidth(line) <= width) {
            return line;
        }
        var clusters = BreakIterator.getCharacterInstance();
        clusters.setText(name);
        int end = name.length();
        while (end > 0) {
            end = clusters.preceding(end);
            line = sentence.apply(name.substring(0, end).stripTrailing() + ELLIPSIS);
            if (metrics.stringWidth(line) <= width) {
                return line;
            }
        }
        return ellipsized(line, metrics, width);
    }

    /** The line shortened by whole clusters until it and an ellipsis fit. */
    static String ellipsized(String line, FontMetrics metrics, int width) {
        var clusters = BreakIterator.getCharacterInstance();
        clusters.setText(line);
        int end = line.length();
        while (end > 0 && metrics.stringWidth(line.substring(0, end).stripTrailing() + ELLIPSIS) > width) {
            end = clusters.preceding(end);
        }
        return line.substring(0, end).stripTrailing() + ELLIPSIS;
    }
}
