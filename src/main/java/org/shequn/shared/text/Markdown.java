package org.shequn.shared.text;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * Markdown that members write (rules, descriptions, later posts) rendered to HTML that is safe to show:
 * CommonMark with raw HTML escaped, then an allow-list sanitizer as a second wall. Only http(s) and mailto
 * links survive, and they carry {@code rel="nofollow ugc noopener"}; no script, style, iframe or event
 * attribute ever does.
 */
@Component
public class Markdown {

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code",
                    "em", "strong", "del", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("nofollow", "ugc", "noopener")
            .allowAttributes("start").matching(java.util.regex.Pattern.compile("[0-9]{1,6}")).onElements("ol")
            .toFactory();

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("!?\\[([^\\]]*)]\\([^)]*\\)");
    private static final java.util.regex.Pattern INLINE_MARKUP = java.util.regex.Pattern.compile("[*_`~]+");
    private static final java.util.regex.Pattern BLOCK_MARKUP = java.util.regex.Pattern.compile("[#>|]+");
    private static final java.util.regex.Pattern SPACE = java.util.regex.Pattern.compile("\\s+");

    /**
     * Markdown source as one line of readable text (feed excerpts, search documents): links and images
     * reduced to their words, markup characters dropped. Emphasis marks vanish without a trace, so
     * "看看**集合地点**是否" stays one run of Chinese; block marks (headings, quotes, table bars) become spaces.
     */
    public static String plainText(String markdown) {
        if (markdown == null) {
            return "";
        }
        var text = LINK.matcher(markdown).replaceAll("$1");
        text = INLINE_MARKUP.matcher(text).replaceAll("");
        text = BLOCK_MARKUP.matcher(text).replaceAll(" ");
        return SPACE.matcher(text).replaceAll(" ").strip();
    }

    /**
     * Rendered HTML by its source text. Rendering and sanitizing is a pure function of the text and the costly
     * part of showing a post with its comments, which are read far more often than written. Bounded by the
     * characters held (source and HTML), about {@value #CACHED_CHARS} of them.
     */
    private static final long CACHED_CHARS = 8_000_000;
    private final com.github.benmanes.caffeine.cache.Cache<String, String> rendered =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .maximumWeight(CACHED_CHARS)
                    .weigher((String source, String html) -> source.length() + html.length())
                    .build();

    public String toSafeHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return rendered.get(markdown, source -> POLICY.sanitize(renderer.render(parser.parse(source))));
    }
}
