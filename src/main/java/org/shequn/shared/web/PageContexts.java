package org.shequn.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.shequn.shared.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Builds a {@link PageContext} for a request; also used by the error page, which has no controller. */
public final class PageContexts {

    private PageContexts() {
    }

    public static PageContext of(HttpServletRequest request, MessageSource messages) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        Viewer viewer = auth != null && auth.getPrincipal() instanceof Viewer v ? v : null;
        var csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        var query = request.getQueryString();
        var path = request.getRequestURI() + (query == null ? "" : "?" + query);
        var flashes = RequestContextUtils.getInputFlashMap(request);
        var flash = flashes == null ? null : flashes.get(Flash.ATTRIBUTE) instanceof Flash f ? f : null;
        return new PageContext(messages, RequestContextUtils.getLocale(request), viewer, csrf, path, flash);
    }
}
