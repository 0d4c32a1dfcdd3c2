package org.shequn.directory.web;

import java.util.List;
import org.shequn.directory.MemberDirectory;
import org.shequn.directory.view.DirectoryFilter;
import org.shequn.directory.view.DirectoryMember;
import org.shequn.identity.AccountSummary;
import org.shequn.shared.Viewer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The directory over the API. */
@RestController
@RequestMapping("/api/v1/communities/{slug}/members")
class DirectoryApi {

    /** Outsiders get {@code visible=false}, the count and the owner, and no items. */
    record DirectoryResponse(boolean visible, int memberCount, long ownerId, String ownerName, List<DirectoryMember> items,
                             String next) {
    }

    record MemberResponse(DirectoryMember member, List<AccountSummary> mutualFriends) {
    }

    private final MemberDirectory directory;

    DirectoryApi(MemberDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    DirectoryResponse list(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, DirectoryFilter filter,
                           @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        var page = directory.page(viewer, slug, filter, cursor, limit, false);
        return new DirectoryResponse(page.visible(), page.memberCount(), page.ownerId(), page.ownerName(), page.items(),
                page.next());
    }

    @GetMapping("/{accountId}")
    MemberResponse member(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long accountId) {
        return new MemberResponse(directory.member(viewer, slug, accountId), directory.mutualFriends(viewer, accountId));
    }
}
