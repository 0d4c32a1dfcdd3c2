package org.shequn.shared.web;

import java.util.Locale;
import org.shequn.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What every page template needs besides its own data: translations in the viewer's language, who is
 * signed in, the CSRF token for forms, and where we are (for the language switch and the login return).
 */
public final class PageContext {

    private final MessageSource messages;
    private final Locale locale;
    private final Viewer viewer;
    /** Read only when a template renders a form: touching it issues a token (and its cookie). */
    private final CsrfToken csrf;
    private final String path;
    private final Flash flash;

    public PageContext(MessageSource messages, Locale locale, Viewer viewer, CsrfToken csrf, String path) {
        this(messages, locale, viewer, csrf, path, null);
    }

    public PageContext(MessageSource messages, Locale locale, Viewer viewer, CsrfToken csrf, String path, Flash flash) {
        this.messages = messages;
        this.locale = locale;
        this.viewer = viewer;
        this.csrf = csrf;
        this.path = path;
        this.flash = flash;
    }

    /** The message for {@code key} in the viewer's language; the key itself if no bundle has it. */
    public String t(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    public Locale locale() {
        return locale;
    }

    public String lang() {
        return locale.getLanguage().equals("en") ? "en" : "zh-CN";
    }

    public boolean english() {
        return locale.getLanguage().equals("en");
    }

    public Viewer viewer() {
        return viewer;
    }

    public boolean signedIn() {
        return viewer != null;
    }

    public String csrfParameter() {
        return csrf == null ? "_csrf" : csrf.getParameterName();
    }

    public String csrfHeader() {
        return csrf == null ? "X-CSRF-TOKEN" : csrf.getHeaderName();
    }

    public String csrfToken() {
        return csrf == null ? "" : csrf.getToken();
    }

    public String path() {
        return path;
    }

    /** True when the previous action left a message for this page ({@link Flash}). */
    public boolean hasFlash() {
        return flash != null;
    }

    /** The previous action's message, in the viewer's language; empty when there is none. */
    public String flashText() {
        return flash == null ? "" : t(flash.key(), flash.args().toArray());
    }

    /** ok, info or warn: the flash's CSS class. */
    public String flashTone() {
        return flash == null ? "" : flash.tone().css();
    }

    /** htmx sends the CSRF token as a header on every request it makes. */
    public String htmxHeaders() {
        return "{\"" + csrfHeader() + "\": \"" + csrfToken() + "\"}";
    }
}
