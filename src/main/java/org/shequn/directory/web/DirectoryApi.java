package org.shequn.directory.web;

import java.util.List;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import jakarta.servlet.http.HttpServletRequest;
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

    /** The filters are read from the request as they come ({@link DirectoryFilter#from}), so they are listed here. */
    @GetMapping
    @Parameters({
            @Parameter(name = "city", in = ParameterIn.QUERY, description = "city tag"),
            @Parameter(name = "industry", in = ParameterIn.QUERY, description = "industry tag"),
            @Parameter(name = "company", in = ParameterIn.QUERY, description = "company tag"),
            @Parameter(name = "position", in = ParameterIn.QUERY, description = "position tag"),
            @Parameter(name = "school", in = ParameterIn.QUERY, description = "school tag"),
            @Parameter(name = "skill", in = ParameterIn.QUERY, description = "skill tag"),
            @Parameter(name = "role", in = ParameterIn.QUERY, description = "OWNER, ADMIN, CORE or MEMBER"),
            @Parameter(name = "verified", in = ParameterIn.QUERY, description = "REAL_NAME or POSITION: verified members only"),
            @Parameter(name = "q", in = ParameterIn.QUERY, description = "name or headline contains")})
    DirectoryResponse list(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, HttpServletRequest request,
                           @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        var page = directory.page(viewer, slug, DirectoryFilter.from(request::getParameter), cursor, limit, false);
        return new DirectoryResponse(page.visible(), page.memberCount(), page.ownerId(), page.ownerName(), page.items(),
                page.next());
    }

    @GetMapping("/{accountId}")
    MemberResponse member(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long accountId) {
        return new MemberResponse(directory.member(viewer, slug, accountId), directory.mutualFriends(viewer, accountId));
    }
}
