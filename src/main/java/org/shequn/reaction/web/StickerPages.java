package org.shequn.reaction.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.shequn.reaction.Reactions;
import org.shequn.reaction.StickerPacks;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The community's sticker page (everyone sees the packs, owners and admins manage them), sticker images, and the
 * reaction buttons: with htmx a button swaps just its bar, without JavaScript the form posts and the page reloads.
 */
@Controller
class StickerPages {

    private final StickerPacks packs;
    private final Reactions reactions;
    private final MessageSource messages;

    StickerPages(StickerPacks packs, Reactions reactions, MessageSource messages) {
        this.packs = packs;
        this.reactions = reactions;
        this.messages = messages;
    }

    @GetMapping("/c/{slug}/stickers")
    String shelf(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, Model model) {
        return page(viewer, slug, FormErrors.NONE, "", model);
    }

    @PostMapping("/c/{slug}/stickers")
    String createPack(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                      @RequestParam(required = false) String name,
                      @RequestParam(required = false) List<MultipartFile> stickers, Model model,
                      HttpServletRequest request, HttpServletResponse response) {
        try {
            packs.createPack(viewer, slug, name, StickerApi.uploads(stickers, request));
            return "redirect:/c/" + slug + "/stickers";
        } catch (Rejection rejection) {
            return again(viewer, slug, rejection, name, model, request, response);
        }
    }

    @PostMapping("/c/{slug}/stickers/packs/{id}/stickers")
    String addSticker(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                      @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String name,
                      Model model, HttpServletRequest request, HttpServletResponse response) {
        try {
            packs.addSticker(viewer, slug, id, new StickerPacks.Upload(name, StickerApi.bytes(file, "file")));
            return "redirect:/c/" + slug + "/stickers#pack-" + id;
        } catch (Rejection rejection) {
            return again(viewer, slug, rejection, "", model, request, response);
        }
    }

    @PostMapping("/c/{slug}/stickers/packs/{id}/rename")
    String renamePack(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                      @RequestParam(required = false) String name, Model model, HttpServletRequest request,
                      HttpServletResponse response) {
        try {
            packs.renamePack(viewer, slug, id, name);
            return "redirect:/c/" + slug + "/stickers#pack-" + id;
        } catch (Rejection rejection) {
            return again(viewer, slug, rejection, "", model, request, response);
        }
    }

    @PostMapping("/c/{slug}/stickers/packs/{id}/archive")
    String archivePack(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                       @RequestParam(defaultValue = "true") boolean on) {
        packs.archivePack(viewer, slug, id, on);
        return "redirect:/c/" + slug + "/stickers#pack-" + id;
    }

    @PostMapping("/c/{slug}/stickers/packs/{id}/delete")
    String deletePack(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        packs.deletePack(viewer, slug, id);
        return "redirect:/c/" + slug + "/stickers";
    }

    @PostMapping("/c/{slug}/stickers/{id}/rename")
    String renameSticker(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                         @RequestParam(required = false) String name, Model model, HttpServletRequest request,
                         HttpServletResponse response) {
        try {
            packs.renameSticker(viewer, slug, id, name);
            return "redirect:/c/" + slug + "/stickers";
        } catch (Rejection rejection) {
            return again(viewer, slug, rejection, "", model, request, response);
        }
    }

    @PostMapping("/c/{slug}/stickers/{id}/delete")
    String deleteSticker(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        packs.deleteSticker(viewer, slug, id);
        return "redirect:/c/" + slug + "/stickers";
    }

    @GetMapping("/c/{slug}/stickers/{id}/image")
    ResponseEntity<InputStreamResource> image(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                              @PathVariable long id) {
        return StickerApi.image(packs.image(viewer, slug, id));
    }

    /** Toggles a reaction ({@code like} or {@code sticker:<id>}) on the post or, with {@code commentId}, a comment. */
    @PostMapping("/c/{slug}/posts/{id}/reactions")
    String toggle(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                  @RequestParam(required = false) String reaction, @RequestParam(required = false) Long commentId,
                  @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        var bar = reactions.change(viewer, slug, id, commentId, reaction, Reactions.Change.TOGGLE);
        if (htmx == null) {
            return "redirect:/c/" + slug + "/posts/" + id + (commentId == null ? "#reactions" : "#comment-" + commentId);
        }
        model.addAttribute("bar", bar);
        model.addAttribute("palette", reactions.sheet(viewer, slug, id).palette());
        return "reaction/reactions";
    }

    private String again(Viewer viewer, String slug, Rejection rejection, String name, Model model,
                         HttpServletRequest request, HttpServletResponse response) {
        if (rejection.fieldProblems().isEmpty() && rejection.kind() != org.shequn.shared.ProblemKind.CONFLICT) {
            throw rejection;
        }
        response.setStatus(rejection.kind().status());
        return page(viewer, slug, FormErrors.of(rejection, messages, RequestContextUtils.getLocale(request)),
                name == null ? "" : name, model);
    }

    private String page(Viewer viewer, String slug, FormErrors errors, String name, Model model) {
        model.addAttribute("shelf", packs.shelf(viewer, slug));
        model.addAttribute("errors", errors);
        model.addAttribute("name", name);
        return "reaction/stickers";
    }
}
