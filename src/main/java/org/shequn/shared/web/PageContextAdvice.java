package org.shequn.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Adds {@code ctx} (a {@link PageContext}) to the model of page controllers. Also invoked for REST
 * controllers (they are @Controllers too); that costs nothing because the context reads the CSRF token
 * only when a template renders a form.
 */
@ControllerAdvice(annotations = Controller.class)
class PageContextAdvice {

    private final MessageSource messages;

    PageContextAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ModelAttribute("ctx")
    PageContext pageContext(HttpServletRequest request) {
        return PageContexts.of(request, messages);
    }
}
