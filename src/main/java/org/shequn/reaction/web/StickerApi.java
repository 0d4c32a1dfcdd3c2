package org.shequn.reaction.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.shequn.reaction.Reactions;
import org.shequn.reaction.StickerPacks;
import org.shequn.reaction.view.ReactionBar;
import org.shequn.reaction.view.ReactionSheet;
import org.shequn.reaction.view.StickerPackView;
import org.shequn.reaction.view.StickerShelf;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.files.FileStore;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Sticker packs (表情包) and reactions over the API. */
@RestController
@RequestMapping("/api/v1/communities/{slug}")
class StickerApi {

    record NameBody(String name) {
    }

    private final StickerPacks packs;
    private final Reactions reactions;

    StickerApi(StickerPacks packs, Reactions reactions) {
        this.packs = packs;
        this.reactions = reactions;
    }

    @GetMapping("/sticker-packs")
    StickerShelf shelf(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug) {
        return packs.shelf(viewer, slug);
    }

    /** Multipart: {@code name}, files {@code stickers} and, in the same order, their names {@code names}. */
    @PostMapping("/sticker-packs")
    ResponseEntity<StickerPackView> createPack(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                               @RequestParam(required = false) String name,
                                               @RequestParam(required = false) List<MultipartFile> stickers,
                                               HttpServletRequest request) {
        long id = packs.createPack(viewer, slug, name, uploads(stickers, request));
        return ResponseEntity.created(URI.create("/api/v1/communities/" + slug + "/sticker-packs/" + id))
                .body(pack(viewer, slug, id));
    }

    @PostMapping("/sticker-packs/{id}/stickers")
    ResponseEntity<StickerPackView> addSticker(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                               @PathVariable long id, @RequestParam(required = false) MultipartFile file,
                                               @RequestParam(required = false) String name) {
        packs.addSticker(viewer, slug, id, new StickerPacks.Upload(name, bytes(file, "file")));
        return ResponseEntity.status(201).body(pack(viewer, slug, id));
    }

    @PutMapping("/sticker-packs/{id}")
    ResponseEntity<Void> renamePack(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                    @PathVariable long id, @RequestBody NameBody body) {
        packs.renamePack(viewer, slug, id, body.name());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/sticker-packs/{id}/archived")
    ResponseEntity<Void> archivePack(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                     @PathVariable long id) {
        packs.archivePack(viewer, slug, id, true);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/sticker-packs/{id}/archived")
    ResponseEntity<Void> restorePack(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                     @PathVariable long id) {
        packs.archivePack(viewer, slug, id, false);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/sticker-packs/{id}")
    ResponseEntity<Void> deletePack(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                    @PathVariable long id) {
        packs.deletePack(viewer, slug, id);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/stickers/{id}")
    ResponseEntity<Void> renameSticker(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                       @PathVariable long id, @RequestBody NameBody body) {
        packs.renameSticker(viewer, slug, id, body.name());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/stickers/{id}")
    ResponseEntity<Void> deleteSticker(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                       @PathVariable long id) {
        packs.deleteSticker(viewer, slug, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/stickers/{id}/image")
    ResponseEntity<InputStreamResource> image(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                              @PathVariable long id) {
        return image(packs.image(viewer, slug, id));
    }

    @GetMapping("/posts/{id}/reactions")
    ReactionSheet reactions(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        return reactions.sheet(viewer, slug, id);
    }

    /** {@code reaction}: {@code like} or {@code sticker:<id>}. PUT adds (idempotent), DELETE takes it back. */
    @PutMapping("/posts/{id}/reactions/{reaction}")
    ReactionBar react(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                      @PathVariable String reaction) {
        return reactions.change(viewer, slug, id, null, reaction, Reactions.Change.ADD);
    }

    @DeleteMapping("/posts/{id}/reactions/{reaction}")
    ReactionBar unreact(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                        @PathVariable String reaction) {
        return reactions.change(viewer, slug, id, null, reaction, Reactions.Change.REMOVE);
    }

    @PutMapping("/posts/{id}/comments/{commentId}/reactions/{reaction}")
    ReactionBar reactToComment(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                               @PathVariable long commentId, @PathVariable String reaction) {
        return reactions.change(viewer, slug, id, commentId, reaction, Reactions.Change.ADD);
    }

    @DeleteMapping("/posts/{id}/comments/{commentId}/reactions/{reaction}")
    ReactionBar unreactToComment(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                 @PathVariable long id, @PathVariable long commentId, @PathVariable String reaction) {
        return reactions.change(viewer, slug, id, commentId, reaction, Reactions.Change.REMOVE);
    }

    private StickerPackView pack(Viewer viewer, String slug, long id) {
        return packs.shelf(viewer, slug).packs().stream().filter(p -> p.id() == id).findFirst()
                .orElseThrow(() -> Rejection.notFound("content.sticker.pack.notFound"));
    }

    /** Sticker files are immutable under their key: a member's browser may keep them for a year. */
    static ResponseEntity<InputStreamResource> image(FileStore.StoredFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.size())
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(new InputStreamResource(file.content()));
    }

    /**
     * Pairs uploaded files with their names by position. A form row left without a file (no file name, no bytes)
     * is skipped; a chosen file of zero bytes is not, so that it is refused.
     */
    static List<StickerPacks.Upload> uploads(List<MultipartFile> files, HttpServletRequest request) {
        // read the names raw: a bound List<String> would split a single name at its commas
        var values = request.getParameterValues("names");
        var names = values == null ? List.<String>of() : List.of(values);
        var result = new ArrayList<StickerPacks.Upload>();
        if (files == null) {
            return result;
        }
        for (int i = 0; i < files.size(); i++) {
            var f = files.get(i);
            if (f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isEmpty())) {
                continue;
            }
            result.add(new StickerPacks.Upload(i < names.size() ? names.get(i) : null,
                    bytes(f, "stickers[" + result.size() + "]")));
        }
        return result;
    }

    static byte[] bytes(MultipartFile file, String field) {
        if (file == null) {
            return new byte[0];
        }
        if (file.getSize() > StickerPacks.MAX_BYTES) {
            throw Rejection.invalid(field, "content.sticker.file.tooLarge", StickerPacks.MAX_BYTES / 1024);
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw Rejection.invalid(field, "content.sticker.file.broken");
        }
    }
}
