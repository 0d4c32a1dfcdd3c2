package org.shequn.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.shequn.shared.text.TraditionalChinese;

/**
 * Splits text into search terms: jieba in search mode (which keeps 社群 as one word and also emits the
 * shorter words inside long ones) over the text folded to simplified characters, ASCII lower-cased, punctuation, whitespace and stop words dropped.
 * Documents and queries go through the same tokenizer, so they meet on the same terms.
 */
final class ChineseTokenizer {

    static final int MAX_TERM = 60;

    /**
     * Raise whenever the terms this class produces change for the same text: documents written by an older
     * version are then re-indexed in the background (see {@link SearchRebuild}). 2: traditional folded.
     */
    /** 3: a long Chinese word also yields the dictionary words inside it (读书笔记 → 读书, 笔记). */
    static final int VERSION = 3;

    private static final Set<String> STOP_WORDS = Set.of(
            "的", "了", "是", "在", "和", "与", "及", "或", "也", "就", "都", "而", "着", "过", "吗", "呢", "吧", "啊",
            "之", "得", "地", "这", "那", "有", "我", "你", "他", "她", "它", "们", "个", "把", "被", "让", "给",
            "a", "an", "the", "of", "and", "or", "to", "in", "on", "at", "for", "is", "are", "was", "were", "be",
            "by", "it", "as", "with", "this", "that");

    private ChineseTokenizer() {
    }

    /** Every term in reading order, repeated as often as it occurs. */
    static List<String> terms(String text) {
        var out = new ArrayList<String>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (var word : WordSegmenter.words(TraditionalChinese.toSimplified(text))) {
            var term = normalize(word);
            if (term != null) {
                out.add(term);
                inner(term, out);
            }
        }
        return out;
    }

    /**
     * Jieba's search mode keeps a four-character word such as 读书笔记 whole, so a search for 读书 would never find it:
     * the dictionary words inside a longer Chinese word are terms too (two and three characters long).
     */
    private static void inner(String term, List<String> out) {
        int length = term.length();
        if (length < 3 || !term.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return;
        }
        var dictionary = Lexicon.jieba();
        for (int size = 2; size < length && size <= 3; size++) {
            for (int start = 0; start + size <= length; start++) {
                var part = term.substring(start, start + size);
                if (dictionary.isWord(part) && !STOP_WORDS.contains(part)) {
                    out.add(part);
                }
            }
        }
    }

    /** Each distinct term with how often it occurs. */
    static Map<String, Integer> frequencies(String text) {
        var counts = new LinkedHashMap<String, Integer>();
        for (var term : terms(text)) {
            counts.merge(term, 1, Integer::sum);
        }
        return counts;
    }

    /** The distinct terms of a query, in order. */
    static List<String> queryTerms(String query) {
        return List.copyOf(frequencies(query).keySet());
    }

    private static String normalize(String word) {
        var sb = new StringBuilder(word.length());
        word.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        if (sb.isEmpty()) {
            return null;
        }
        var term = sb.toString().toLowerCase(Locale.ROOT);
        if (STOP_WORDS.contains(term) || term.length() > MAX_TERM) {
            return null;
        }
        return term;
    }
}
