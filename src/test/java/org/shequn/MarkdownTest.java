package org.shequn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shequn.shared.text.Markdown;

class MarkdownTest {

    private final Markdown markdown = new Markdown();

    @Test
    void rendersOrdinaryMarkdown() {
        var html = markdown.toSafeHtml("# 群规\n\n1. **友善**交流\n2. 不发广告\n\n[官网](https://example.com)");
        assertThat(html).contains("<h1>群规</h1>").contains("<strong>友善</strong>").contains("<ol>")
                .contains("href=\"https://example.com\"").contains("rel=\"nofollow ugc noopener\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<ScRiPt>alert(1)</sCrIpT>",
            "<img src=x onerror=alert(1)>",
            "<svg onload=alert(1)>",
            "<svg><script>alert(1)</script></svg>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](&#106;avascript:alert(1))",
            "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<style>body{display:none}</style>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "![x](x\" onerror=\"alert(1))",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "<details open ontoggle=alert(1)>",
    })
    void neverLetsScriptThrough(String hostile) {
        var html = markdown.toSafeHtml(hostile).toLowerCase();
        // Escaped text (&lt;script&gt;) is harmless; what must never appear is a live tag, handler or URL.
        assertThat(html).doesNotContain("<script").doesNotContain("<iframe").doesNotContain("<style")
                .doesNotContain("<svg").doesNotContain("<img").doesNotContain("<details");
        assertThat(html).doesNotContainPattern("<[^>]*\\son[a-z]+\\s*=").doesNotContainPattern("<[^>]*\\sstyle\\s*=");
        var hrefs = java.util.regex.Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        while (hrefs.find()) {
            assertThat(hrefs.group(1)).matches("^((https?:|mailto:).*)?$");
        }
    }

    @Test
    void plainTextKeepsChineseRunsWholeWhereEmphasisWas() {
        assertThat(org.shequn.shared.text.Markdown.plainText("看看**集合地点**是否_合适_")).isEqualTo("看看集合地点是否合适");
        assertThat(org.shequn.shared.text.Markdown.plainText("# 标题\n> 引用 [链接](https://x.example) ![海报](p.png)"))
                .isEqualTo("标题 引用 链接 海报");
        assertThat(org.shequn.shared.text.Markdown.plainText(null)).isEmpty();
    }
}
