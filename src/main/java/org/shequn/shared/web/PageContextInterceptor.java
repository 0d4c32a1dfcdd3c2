package org.shequn.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Adds {@code ctx} (a {@link PageContext}) to every page a controller renders. An interceptor, not a
 * {@code @ModelAttribute} advice: the advice also ran for every API request (REST controllers are
 * {@code @Controller}s too), where there is no page to render. Pages rendered for an exception add it themselves
 * ({@link ErrorHandling}).
 */
class PageContextInterceptor implements HandlerInterceptor {

    private final MessageSource messages;

    PageContextInterceptor(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView page) {
        if (page == null || !page.hasView() || page.getModelMap().containsAttribute("ctx")) {
            return;
        }
        var name = page.getViewName();
        if (name != null && name.startsWith("redirect:")) {
            return;
        }
        page.addObject("ctx", PageContexts.of(request, messages));
    }
}
