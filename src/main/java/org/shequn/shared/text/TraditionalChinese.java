package org.shequn.shared.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Folds traditional characters (運營) into simplified ones (运营) so both scripts meet: on the same search
 * terms (jieba's dictionary is simplified) and on the same banned words (代購 is 代购). Character by character, with OpenCC's table, and only where both
 * forms take the same number of UTF-16 units, so positions in the folded text are positions in the original
 * (snippets highlight the original text by them).
 */
public final class TraditionalChinese {

    private static final String TABLE = "data/dictionary/TSCharacters.txt";
    private static final Map<Integer, Integer> SIMPLIFIED = load();

    private TraditionalChinese() {
    }

    public static String toSimplified(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            var simple = SIMPLIFIED.get(cp);
            if (simple != null && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.appendCodePoint(simple != null ? simple : cp);
            }
            i += Character.charCount(cp);
        }
        return out == null ? text : out.toString();
    }

    private static Map<Integer, Integer> load() {
        var map = new HashMap<Integer, Integer>(8192);
        var in = TraditionalChinese.class.getClassLoader().getResourceAsStream(TABLE);
        if (in == null) {
            throw new IllegalStateException(TABLE + " missing from the class path (opencc4j)");
        }
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                // "繁<TAB>简[ 其他简体]": the first simplified form is the usual one
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    continue;
                }
                var from = line.substring(0, tab);
                var to = line.substring(tab + 1).strip().split(" ")[0];
                if (from.codePointCount(0, from.length()) == 1 && to.codePointCount(0, to.length()) == 1
                        && from.length() == to.length()) {
                    map.put(from.codePointAt(0), to.codePointAt(0));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(map);
    }
}
