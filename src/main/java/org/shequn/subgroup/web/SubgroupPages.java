package org.shequn.subgroup.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.shequn.community.CommunityCatalog;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.web.Flash;
import org.shequn.subgroup.SplitApplication;
import org.shequn.subgroup.SubgroupDraft;
import org.shequn.subgroup.Subgroups;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The sub-group pages: the list (with the governance mode), one group, the split proposal. */
@Controller
class SubgroupPages {

    private final Subgroups subgroups;
    private final CommunityCatalog catalog;

    SubgroupPages(Subgroups subgroups, CommunityCatalog catalog) {
        this.subgroups = subgroups;
        this.catalog = catalog;
    }

    @GetMapping("/c/{slug}/groups")
    String list(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, Model model) {
        model.addAttribute("page", subgroups.list(viewer, slug));
        return "subgroup/list";
    }

    @GetMapping("/c/{slug}/groups/{id:\\d+}")
    String one(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id, Model model) {
        model.addAttribute("page", subgroups.view(viewer, slug, id));
        return "subgroup/show";
    }

    @GetMapping("/c/{slug}/groups/split")
    String propose(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                   @RequestParam(required = false) String size, @RequestParam(required = false) String basis, Model model) {
        model.addAttribute("proposal", subgroups.propose(viewer, slug, number(size, "size"), basis));
        return "subgroup/split";
    }

    /** The proposal's form: {@code groups} how many, {@code name_i} and {@code leader_i} each, {@code member_<id>=i}. */
    @PostMapping("/c/{slug}/groups/split")
    String apply(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @RequestParam String groups,
                 HttpServletRequest request, RedirectAttributes redirect) {
        int count = number(groups, "groups");
        if (count < 1 || count > 200) {
            throw Rejection.invalid("groups", "subgroup.split.groups", 200);
        }
        var members = new ArrayList<List<Long>>();
        for (int i = 0; i < count; i++) {
            members.add(new ArrayList<>());
        }
        for (var entry : request.getParameterMap().entrySet()) {
            if (entry.getKey().startsWith("member_")) {
                long account = id(entry.getKey().substring("member_".length()), entry.getKey());
                int index = number(entry.getValue()[0], entry.getKey());
                if (index < 0 || index >= count) {
                    throw Rejection.invalid(entry.getKey(), "subgroup.split.groups", count);
                }
                members.get(index).add(account);
            }
        }
        var chosen = new ArrayList<SplitApplication.Group>();
        for (int i = 0; i < count; i++) {
            var leader = request.getParameter("leader_" + i);
            Long leaderId = leader == null || leader.isBlank() ? null : id(leader, "leader_" + i);
            // a leader moved to another group no longer leads this one
            chosen.add(new SplitApplication.Group(request.getParameter("name_" + i),
                    members.get(i).contains(leaderId) ? leaderId : null, members.get(i)));
        }
        subgroups.apply(viewer, slug, new SplitApplication(chosen));
        Flash.ok(redirect, "subgroup.split.applied", count);
        return "redirect:/c/" + slug + "/groups";
    }

    @PostMapping("/c/{slug}/groups")
    String create(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String basis, @RequestParam(required = false) String cap,
                  RedirectAttributes redirect) {
        var created = subgroups.create(viewer, slug, new SubgroupDraft(name, basis, blankOr(cap, "cap"), null));
        Flash.ok(redirect, "subgroup.created");
        return "redirect:/c/" + slug + "/groups/" + created.id();
    }

    @PostMapping("/c/{slug}/groups/{id:\\d+}")
    String update(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                  @RequestParam(required = false) String name, @RequestParam(required = false) String basis,
                  @RequestParam(required = false) String cap, @RequestParam(required = false) String leaderId,
                  RedirectAttributes redirect) {
        subgroups.update(viewer, slug, id, new SubgroupDraft(name, basis, blankOr(cap, "cap"),
                leaderId == null || leaderId.isBlank() ? null : id(leaderId, "leaderId")));
        Flash.ok(redirect, "subgroup.saved");
        return "redirect:/c/" + slug + "/groups/" + id;
    }

    @PostMapping("/c/{slug}/groups/{id:\\d+}/delete")
    String delete(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                  RedirectAttributes redirect) {
        subgroups.delete(viewer, slug, id);
        Flash.ok(redirect, "subgroup.deleted");
        return "redirect:/c/" + slug + "/groups";
    }

    @PostMapping("/c/{slug}/groups/{id:\\d+}/members")
    String add(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
               @RequestParam String accountId, RedirectAttributes redirect) {
        subgroups.add(viewer, slug, id, id(accountId, "accountId"));
        Flash.ok(redirect, "subgroup.member.added");
        return "redirect:/c/" + slug + "/groups/" + id;
    }

    @PostMapping("/c/{slug}/groups/{id:\\d+}/members/{accountId}/remove")
    String remove(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                  @PathVariable long accountId, RedirectAttributes redirect) {
        subgroups.remove(viewer, slug, id, accountId);
        Flash.ok(redirect, "subgroup.member.removed");
        return "redirect:/c/" + slug + "/groups/" + id;
    }

    @PostMapping("/c/{slug}/governance")
    String governance(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @RequestParam(required = false) String mode,
                      RedirectAttributes redirect) {
        catalog.setGovernance(viewer, slug, mode);
        Flash.ok(redirect, "community.governance.saved");
        return "redirect:/c/" + slug + "/groups";
    }

    private static Integer blankOr(String typed, String field) {
        return typed == null || typed.isBlank() ? null : number(typed, field);
    }

    private static long id(String typed, String field) {
        try {
            return Long.parseLong(typed.strip());
        } catch (NumberFormatException e) {
            throw Rejection.invalid(field, "problem.wrongType");
        }
    }

    private static int number(String typed, String field) {
        if (typed == null) {
            throw Rejection.invalid(field, "validation.required");
        }
        try {
            return Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            throw Rejection.invalid(field, "problem.wrongType");
        }
    }
}
