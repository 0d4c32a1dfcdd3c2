package org.shequn.search;

import java.util.List;

/**
 * The search module's Chinese segmentation for other modules that match text by terms (the mall): the same jieba
 * terms, folding and stop words the post index uses, so a product and a query meet on the same terms.
 */
public final class ChineseTerms {

    private ChineseTerms() {
    }

    /** Every term of a text, in reading order, each once. */
    public static List<String> of(String text) {
        return ChineseTokenizer.queryTerms(text);
    }
}
