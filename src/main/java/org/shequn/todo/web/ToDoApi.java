package org.shequn.todo.web;

import org.shequn.shared.Viewer;
import org.shequn.todo.ToDoCentre;
import org.shequn.todo.view.CommunityToDo;
import org.shequn.todo.view.MyHome;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The to-do centre over the API: one community's (owners and admins), and my home across communities. */
@RestController
@RequestMapping("/api/v1")
class ToDoApi {

    private final ToDoCentre centre;

    ToDoApi(ToDoCentre centre) {
        this.centre = centre;
    }

    @GetMapping("/communities/{slug}/todo")
    CommunityToDo community(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug) {
        return centre.community(viewer, slug);
    }

    @GetMapping("/me/home")
    MyHome home(@AuthenticationPrincipal Viewer viewer) {
        return centre.home(viewer);
    }
}
