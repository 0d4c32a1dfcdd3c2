package org.shequn.search;

import com.huaban.analysis.jieba.JiebaSegmenter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
    static final int VERSION = 2;

    private static final Set<String> STOP_WORDS = Set.of(
            "的", "了", "是", "在", "和", "与", "及", "或", "也", "就", "都", "而", "着", "过", "吗", "呢", "吧", "啊",
            "之", "得", "地", "这", "那", "有", "我", "你", "他", "她", "它", "们", "个", "把", "被", "让", "给",
            "a", "an", "the", "of", "and", "or", "to", "in", "on", "at", "for", "is", "are", "was", "were", "be",
            "by", "it", "as", "with", "this", "that");

    private static final JiebaSegmenter SEGMENTER = new JiebaSegmenter();

    private ChineseTokenizer() {
    }

    /** Every term in reading order, repeated as often as it occurs. */
    static List<String> terms(String text) {
        var out = new ArrayList<String>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (var token : SEGMENTER.process(TraditionalChinese.toSimplified(text), JiebaSegmenter.SegMode.SEARCH)) {
            var term = normalize(token.word);
            if (term != null) {
                out.add(term);
            }
        }
        return out;
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
