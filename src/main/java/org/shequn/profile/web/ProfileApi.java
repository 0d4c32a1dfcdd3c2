package org.shequn.profile.web;

import java.util.Map;
import org.shequn.profile.AvatarUpload;
import org.shequn.profile.ProfileCard;
import org.shequn.profile.ProfileEditing;
import org.shequn.profile.Profiles;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Profiles over the API: anyone's card, and one's own profile and avatar. */
@RestController
@RequestMapping("/api/v1")
class ProfileApi {

    private final Profiles profiles;
    private final ProfileEditing editing;
    private final AvatarUpload avatars;

    ProfileApi(Profiles profiles, ProfileEditing editing, AvatarUpload avatars) {
        this.profiles = profiles;
        this.editing = editing;
        this.avatars = avatars;
    }

    @GetMapping("/people/{id}")
    ProfileCard person(@PathVariable long id) {
        return profiles.find(id).orElseThrow(() -> Rejection.notFound("profile.notFound"));
    }

    @GetMapping("/me/profile")
    ProfileCard mine(@AuthenticationPrincipal Viewer viewer) {
        return person(Viewer.require(viewer).accountId());
    }

    @PutMapping("/me/profile")
    ProfileCard save(@AuthenticationPrincipal Viewer viewer, @RequestBody ProfileEditing.Editing body) {
        editing.save(Viewer.require(viewer).accountId(), body);
        return person(viewer.accountId());
    }

    @PostMapping("/me/avatar")
    Map<String, String> avatar(@AuthenticationPrincipal Viewer viewer,
                               @RequestParam(name = "file", required = false) MultipartFile file) {
        return Map.of("avatarUrl", avatars.replace(Viewer.require(viewer).accountId(), file));
    }
}
