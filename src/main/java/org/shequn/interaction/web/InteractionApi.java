package org.shequn.interaction.web;

import java.util.List;
import org.shequn.interaction.Interaction;
import org.shequn.interaction.Interactions;
import org.shequn.shared.Viewer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A community's interactions for its runners (and the analytics they use): {@code ?after=<last id seen>&limit=}. */
@RestController
class InteractionApi {

    private final Interactions interactions;

    InteractionApi(Interactions interactions) {
        this.interactions = interactions;
    }

    @GetMapping("/api/v1/communities/{slug}/interactions")
    List<Interaction> list(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                           @RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
        return interactions.inCommunity(viewer, slug, after, limit);
    }
}
