package org.shequn.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChineseTokenizerTest {

    @Test
    void keepsShequnAsOneWord() {
        assertThat(ChineseTokenizer.queryTerms("社群运营")).contains("社群").doesNotContain("社", "群");
    }

    @Test
    void aLongWordIsFoundByTheWordsInsideIt() {
        // jieba keeps 读书笔记 whole; a reader searching 读书 or 笔记 must still find the post
        var document = ChineseTokenizer.frequencies("《启示录》读书笔记：打造用户喜爱的产品");
        assertThat(document.keySet()).contains("读书笔记", "读书", "笔记", "启示录");
        assertThat(document.keySet()).containsAll(ChineseTokenizer.queryTerms("读书"));
        assertThat(document.keySet()).containsAll(ChineseTokenizer.queryTerms("笔记"));
        // and never the single characters, nor words that are not words (书笔)
        assertThat(document.keySet()).doesNotContain("读", "书", "书笔");
    }

    @Test
    void dropsStopWordsAndPunctuation() {
        var terms = ChineseTokenizer.queryTerms("如何做好社群的运营？");
        assertThat(terms).contains("社群", "运营").doesNotContain("的", "？", "?");
    }

    @Test
    void queryTermsOfTheIssueExampleAreAllInTheDocument() {
        var document = ChineseTokenizer.frequencies("如何做好社群的运营");
        assertThat(document.keySet()).containsAll(ChineseTokenizer.queryTerms("社群运营"));
    }

    @Test
    void privateTrafficSegments() {
        assertThat(ChineseTokenizer.queryTerms("私域流量")).isNotEmpty().contains("流量");
    }

    @Test
    void englishIsLowerCasedWithoutStopWords() {
        assertThat(ChineseTokenizer.queryTerms("The Growth of an Online Community, in 2026!"))
                .containsExactly("growth", "online", "community", "2026");
    }

    @Test
    void countsRepeatedTerms() {
        assertThat(ChineseTokenizer.frequencies("社群 社群 运营").get("社群")).isEqualTo(2);
        assertThat(ChineseTokenizer.terms("  ，。！ ")).isEmpty();
    }
}
