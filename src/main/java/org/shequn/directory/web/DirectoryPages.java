package org.shequn.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import org.shequn.directory.MemberDirectory;
import org.shequn.directory.view.DirectoryFilter;
import org.shequn.shared.Viewer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The directory page and a member's page inside a community. */
@Controller
class DirectoryPages {

    private final MemberDirectory directory;

    DirectoryPages(MemberDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/c/{slug}/members")
    String directory(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, HttpServletRequest request,
                     @RequestParam(required = false) String cursor, @RequestParam(required = false) String fragment,
                     Model model) {
        model.addAttribute("page", directory.page(viewer, slug, DirectoryFilter.from(request::getParameter), cursor, null, true));
        model.addAttribute("filter", DirectoryFilter.from(request::getParameter));
        return fragment != null ? "directory/rows" : "directory/index";
    }

    @GetMapping("/c/{slug}/members/{accountId}")
    String member(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long accountId,
                  Model model) {
        model.addAttribute("slug", slug);
        model.addAttribute("member", directory.member(viewer, slug, accountId));
        model.addAttribute("mutual", directory.mutualFriends(viewer, accountId));
        return "directory/member";
    }
}
