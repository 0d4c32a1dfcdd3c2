package org.shequn.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChineseTokenizerTest {

    @Test
    void keepsShequnAsOneWord() {
        assertThat(ChineseTokenizer.queryTerms("社群运营")).contains("社群").doesNotContain("社", "群");
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
