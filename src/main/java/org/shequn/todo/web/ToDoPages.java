package org.shequn.todo.web;

import org.shequn.shared.Viewer;
import org.shequn.todo.ToDoCentre;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The to-do centre of a community (its 管理 tab) and the signed-in home page. */
@Controller
class ToDoPages {

    private final ToDoCentre centre;

    ToDoPages(ToDoCentre centre) {
        this.centre = centre;
    }

    @GetMapping("/c/{slug}/todo")
    String community(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, Model model) {
        model.addAttribute("todo", centre.community(viewer, slug));
        return "todo/community";
    }

    @GetMapping("/home")
    String home(@AuthenticationPrincipal Viewer viewer, Model model) {
        model.addAttribute("home", centre.home(viewer));
        return "todo/home";
    }
}
