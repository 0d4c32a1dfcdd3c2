package org.shequn.profile.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.shequn.profile.ProfileCard;
import org.shequn.profile.Profiles;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.HtmlUtils;

/**
 * Every account's face at one address, {@code /people/{id}/avatar} (as Discourse serves its avatars): the uploaded
 * picture, or the initial on the account's own colour. So a page that knows only an author's id and name — a feed,
 * a comment, a notification — shows a face without every module reading profiles. Cached briefly by the browser:
 * a new picture shows within minutes, and a feed of twenty authors costs twenty small requests once.
 */
@Controller
class AvatarImages {

    /** The same twelve pairs as the stylesheet's {@code .avatar.hue-N}, so a face looks alike everywhere. */
    private static final String[][] HUES = {
            {"#fee2e2", "#991b1b"}, {"#ffedd5", "#9a3412"}, {"#fef3c7", "#92400e"}, {"#ecfccb", "#3f6212"},
            {"#dcfce7", "#166534"}, {"#ccfbf1", "#115e59"}, {"#cffafe", "#155e75"}, {"#dbeafe", "#1e40af"},
            {"#e0e7ff", "#3730a3"}, {"#ede9fe", "#5b21b6"}, {"#fae8ff", "#86198f"}, {"#fce7f3", "#9d174d"}};
    private static final CacheControl BRIEFLY = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final Profiles profiles;

    AvatarImages(Profiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/people/{id}/avatar")
    void avatar(@PathVariable long id, HttpServletResponse response) throws IOException {
        var card = profiles.find(id).orElse(null);
        response.setHeader(HttpHeaders.CACHE_CONTROL, BRIEFLY.getHeaderValue());
        if (card != null && card.avatarUrl() != null) {
            response.sendRedirect(card.avatarUrl());
            return;
        }
        // Written to the response directly: an API client's Accept header must not turn a picture into JSON.
        response.setContentType("image/svg+xml;charset=UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getOutputStream().write(letter(id, card).getBytes(StandardCharsets.UTF_8));
    }

    static String letter(long id, ProfileCard card) {
        var hue = HUES[Math.floorMod(id, HUES.length)];
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\"><rect width=\"64\" height=\"64\" fill=\""
                + hue[0] + "\"/><text x=\"32\" y=\"32\" dy=\".35em\" text-anchor=\"middle\" font-size=\"30\""
                + " font-family=\"-apple-system,'PingFang SC','Microsoft YaHei','WenQuanYi Zen Hei',sans-serif\" fill=\""
                + hue[1] + "\">" + HtmlUtils.htmlEscape(initial(card == null ? null : card.displayName())) + "</text></svg>";
    }

    /** The first character a person reads (a whole code point: a name may start outside the BMP). */
    static String initial(String name) {
        if (name == null || name.isBlank()) {
            return "?";
        }
        var s = name.strip();
        return s.substring(0, s.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT);
    }
}
