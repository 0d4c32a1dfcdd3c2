package org.shequn.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetsTest {

    @Test
    void marksMatchesInsideEscapedText() {
        var snippet = Snippets.of("<b>社群</b> & 运营 <script>alert(1)</script>", List.of("社群", "运营", "script"));
        assertThat(snippet).isEqualTo("&lt;b&gt;<mark>社群</mark>&lt;/b&gt; &amp; <mark>运营</mark> &lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt;");
    }

    @Test
    void termsThatLookLikeEntitiesNeverSplitOne() {
        assertThat(Snippets.of("a < b", List.of("lt", "amp"))).isEqualTo("a &lt; b");
    }

    @Test
    void cutsAroundTheFirstMatchAndMatchesCaseInsensitively() {
        var text = "开头".repeat(100) + "Community 社群" + "结尾".repeat(100);
        var snippet = Snippets.of(text, List.of("community"));
        assertThat(snippet).startsWith("…").endsWith("…").contains("<mark>Community</mark> 社群");
        assertThat(snippet.replace("<mark>", "").replace("</mark>", "").length()).isLessThanOrEqualTo(Snippets.LENGTH + 2);
    }

    @Test
    void oddInputNeverFails() {
        for (var text : List.of("", "😀社群😀".repeat(50), "\u0000\u0007\u202e社群", "İstanbul ǅ ß", "x".repeat(5000))) {
            assertThatCode(() -> Snippets.of(text, ChineseTokenizer.queryTerms(text.isEmpty() ? "x" : text.substring(0, Math.min(50, text.length())))))
                    .doesNotThrowAnyException();
            assertThatCode(() -> ChineseTokenizer.frequencies(text)).doesNotThrowAnyException();
        }
        assertThat(ChineseTokenizer.queryTerms("a".repeat(80))).isEmpty();
    }
}
