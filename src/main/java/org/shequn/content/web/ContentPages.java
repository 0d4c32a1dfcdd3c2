package org.shequn.content.web;

import org.shequn.content.Commenting;
import org.shequn.content.ContentAccess;
import org.shequn.content.ContentReader;
import org.shequn.content.Curation;
import org.shequn.content.FeedNotices;
import org.shequn.content.PostDraft;
import org.shequn.content.Publishing;
import org.shequn.content.SectionCatalog;
import org.shequn.content.SectionDraft;
import org.shequn.content.ReactionSummaries;
import org.shequn.content.SectionRow;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.shequn.shared.ProblemKind;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.web.Flash;
import org.shequn.shared.web.FormErrors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The feed, a post with its comments, the editor with live preview, history, and the owner's sections page. */
@Controller
class ContentPages {

    /**
     * The editor's fields, all text so that any input binds and is judged by the use case. {@code keepImage} and
     * {@code keepAttachment} list the post's uploads left checked on an edit ({@code media} says the form showed them).
     */
    record PostForm(String kind, String sectionId, String title, String body, String tags, String addresseeId,
                    List<String> keepImage, List<String> keepAttachment, String media, String subgroupId) {

        PostDraft draft() {
            boolean listed = "1".equals(media);
            return new PostDraft(kind == null || kind.isBlank() ? "DISCUSSION" : kind, section(sectionId), title,
                    body, PostDraft.splitTags(tags), id(addresseeId), listed ? ids(keepImage) : null,
                    listed ? ids(keepAttachment) : null, id(subgroupId));
        }
    }

    record SectionForm(String name, String description, String icon, String posting) {

        SectionDraft draft() {
            return new SectionDraft(name, description, icon, posting);
        }
    }

    private final SectionCatalog sectionCatalog;
    private final Publishing publishing;
    private final Commenting commenting;
    private final Curation curation;
    private final ContentReader reader;
    private final MessageSource messages;
    private final ContentAccess access;
    private final ReactionSummaries reactions;
    private final java.util.List<FeedNotices> notices;

    ContentPages(ContentAccess access, SectionCatalog sectionCatalog, Publishing publishing, Commenting commenting, Curation curation,
                 ContentReader reader, MessageSource messages, ReactionSummaries reactions,
                 ObjectProvider<FeedNotices> notices) {
        this.reactions = reactions;
        // every module's notices, in their @Order (announcements first), one after another above the posts
        this.notices = notices.orderedStream().toList();
        this.sectionCatalog = sectionCatalog;
        this.publishing = publishing;
        this.commenting = commenting;
        this.curation = curation;
        this.reader = reader;
        this.messages = messages;
        this.access = access;
    }

    @GetMapping("/c/{slug}/posts")
    String feed(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                @RequestParam(required = false) Long section, @RequestParam(required = false) String view,
                @RequestParam(required = false) String tag, @RequestParam(required = false) String cursor, Model model) {
        var feed = reader.feed(viewer, slug, section, view, tag, cursor);
        model.addAttribute("feed", feed);
        var ids = new java.util.ArrayList<Long>();
        feed.pinned().forEach(p -> ids.add(p.id()));
        feed.items().forEach(p -> ids.add(p.id()));
        model.addAttribute("likes", reactions.likes(viewer, slug, ids));
        // what stands above the posts (unread announcements) belongs to the first page only
        model.addAttribute("notices", cursor == null
                ? FeedNotices.all(notices, feed.communityId(), feed.slug(), viewer.accountId(), feed.archived())
                : FeedNotices.NONE);
        return "content/feed";
    }

    @GetMapping("/c/{slug}/posts/new")
    String newPost(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                   @RequestParam(required = false) Long section, @RequestParam(required = false) Long subgroup,
                   Model model) {
        model.addAttribute("editor", reader.newEditor(viewer, slug, section, subgroup));
        model.addAttribute("errors", FormErrors.NONE);
        return "content/editor";
    }

    @PostMapping("/c/{slug}/posts/new")
    String publish(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, PostForm form,
                   @RequestParam(required = false) List<MultipartFile> images,
                   @RequestParam(required = false) List<MultipartFile> attachments, Model model,
                   HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        var draft = form.draft();
        try {
            long id = publishing.publish(viewer, slug, draft, images, attachments);
            // a held post is the author's alone until approved: say so, and why, rather than let it look published
            if (reader.post(viewer, slug, id).held()) {
                Flash.warn(redirect, "content.post.heldNotice");
            } else {
                Flash.ok(redirect, "content.post.published");
            }
            return "redirect:/c/" + slug + "/posts/" + id;
        } catch (Rejection rejection) {
            return editorAgain(viewer, slug, null, draft, form.tags(), rejection, model, request, response);
        }
    }

    @PostMapping(value = "/c/{slug}/posts/preview", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String preview(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                   @RequestParam(required = false) String body) {
        return publishing.preview(viewer, slug, body);
    }

    @GetMapping("/c/{slug}/posts/{id}")
    String post(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id, Model model) {
        model.addAttribute("post", reader.post(viewer, slug, id));
        model.addAttribute("reactions", reactions.sheet(viewer, slug, id));
        return "content/post";
    }

    @GetMapping("/c/{slug}/posts/{id}/edit")
    String editForm(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id, Model model) {
        model.addAttribute("editor", reader.editor(viewer, slug, id, null));
        model.addAttribute("errors", FormErrors.NONE);
        return "content/editor";
    }

    @PostMapping("/c/{slug}/posts/{id}/edit")
    String edit(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id, PostForm form,
                @RequestParam(required = false) List<MultipartFile> images,
                @RequestParam(required = false) List<MultipartFile> attachments,
                Model model, HttpServletRequest request, HttpServletResponse response) {
        var draft = form.draft();
        try {
            publishing.edit(viewer, slug, id, draft, images, attachments);
            return "redirect:/c/" + slug + "/posts/" + id;
        } catch (Rejection rejection) {
            return editorAgain(viewer, slug, id, draft, form.tags(), rejection, model, request, response);
        }
    }

    @PostMapping("/c/{slug}/posts/{id}/delete")
    String delete(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        publishing.delete(viewer, slug, id);
        return "redirect:/c/" + slug + "/posts";
    }

    @GetMapping("/c/{slug}/posts/{id}/history")
    String history(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id, Model model) {
        model.addAttribute("history", reader.history(viewer, slug, id));
        return "content/history";
    }

    @PostMapping("/c/{slug}/posts/{id}/comments")
    String comment(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                   @RequestParam(required = false) String body, @RequestParam(required = false) Long parentId,
                   @RequestParam(required = false) Long stickerId) {
        long commentId = commenting.add(viewer, slug, id, new Commenting.CommentDraft(body, parentId, stickerId));
        return "redirect:/c/" + slug + "/posts/" + id + "#comment-" + commentId;
    }

    @PostMapping("/c/{slug}/comments/{id}/delete")
    String deleteComment(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        long postId = commenting.delete(viewer, slug, id);
        return "redirect:/c/" + slug + "/posts/" + postId;
    }

    /** Deleting from the moderation queue (rejecting a held text, removing a reported one) stays on the queue. */
    @PostMapping("/c/{slug}/moderation/posts/{id}/delete")
    String deleteFromQueue(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        publishing.delete(viewer, slug, id);
        return "redirect:/c/" + slug + "/moderation";
    }

    @PostMapping("/c/{slug}/moderation/comments/{id}/delete")
    String deleteCommentFromQueue(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        commenting.delete(viewer, slug, id);
        return "redirect:/c/" + slug + "/moderation";
    }

    @PostMapping("/c/{slug}/posts/{id}/pin")
    String pin(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
               @RequestParam(defaultValue = "true") boolean on) {
        curation.pin(viewer, slug, id, on);
        return "redirect:/c/" + slug + "/posts/" + id;
    }

    @PostMapping("/c/{slug}/posts/{id}/featured")
    String feature(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                   @RequestParam(defaultValue = "true") boolean on) {
        curation.feature(viewer, slug, id, on);
        return "redirect:/c/" + slug + "/posts/" + id;
    }

    @GetMapping("/c/{slug}/sections")
    String sections(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, Model model) {
        return sectionsPage(viewer, slug, FormErrors.NONE, new SectionForm("", "", "chat", "EVERYONE"), model);
    }

    @PostMapping("/c/{slug}/sections")
    String createSection(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, SectionForm form, Model model,
                         HttpServletRequest request, HttpServletResponse response) {
        try {
            sectionCatalog.create(viewer, slug, form.draft());
            return "redirect:/c/" + slug + "/sections";
        } catch (Rejection rejection) {
            if (rejection.kind() != ProblemKind.VALIDATION && rejection.kind() != ProblemKind.CONFLICT) {
                throw rejection;
            }
            response.setStatus(rejection.kind().status());
            return sectionsPage(viewer, slug, FormErrors.of(rejection, messages, RequestContextUtils.getLocale(request)),
                    form, model);
        }
    }

    @PostMapping("/c/{slug}/sections/{id}")
    String updateSection(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                         SectionForm form) {
        sectionCatalog.update(viewer, slug, id, form.draft());
        return "redirect:/c/" + slug + "/sections";
    }

    @PostMapping("/c/{slug}/sections/{id}/archive")
    String archiveSection(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        sectionCatalog.archive(viewer, slug, id);
        return "redirect:/c/" + slug + "/sections";
    }

    @PostMapping("/c/{slug}/sections/{id}/restore")
    String restoreSection(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        sectionCatalog.restore(viewer, slug, id);
        return "redirect:/c/" + slug + "/sections";
    }

    /** Moves a section one place up (towards the first tab). */
    @PostMapping("/c/{slug}/sections/{id}/up")
    String moveUp(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id) {
        var ids = new java.util.ArrayList<>(sectionCatalog.list(viewer, slug).stream().map(SectionRow::id).toList());
        int at = ids.indexOf(id);
        if (at < 0) {
            throw Rejection.notFound("content.section.notFound");
        }
        if (at > 0) {
            java.util.Collections.swap(ids, at, at - 1);
        }
        sectionCatalog.reorder(viewer, slug, ids);
        return "redirect:/c/" + slug + "/sections";
    }

    private String sectionsPage(Viewer viewer, String slug, FormErrors errors, SectionForm form, Model model) {
        // the page is the owner's: read through the owner gate so admins get the same 403 as the API
        var seat = access.read(viewer, slug);
        if (!seat.owner()) {
            throw Rejection.forbidden("content.section.ownerOnly");
        }
        var rows = sectionCatalog.list(viewer, slug);
        model.addAttribute("slug", seat.community().slug());
        model.addAttribute("communityName", seat.community().name());
        model.addAttribute("archived", seat.community().archived());
        model.addAttribute("sections", rows.stream().map(ContentReader::view).toList());
        model.addAttribute("icons", SectionDraft.ICON_NAMES);
        model.addAttribute("name", form.name() == null ? "" : form.name());
        model.addAttribute("description", form.description() == null ? "" : form.description());
        model.addAttribute("icon", form.icon() == null ? "" : form.icon());
        model.addAttribute("posting", form.posting() == null ? "" : form.posting());
        model.addAttribute("errors", errors);
        return "content/sections";
    }

    private String editorAgain(Viewer viewer, String slug, Long postId, PostDraft draft, String tags, Rejection rejection,
                               Model model, HttpServletRequest request, HttpServletResponse response) {
        if (rejection.fieldProblems().isEmpty()) {
            throw rejection;
        }
        response.setStatus(rejection.kind().status());
        model.addAttribute("editor", reader.editor(viewer, slug, postId, draft, tags));
        model.addAttribute("errors", FormErrors.of(rejection, messages, RequestContextUtils.getLocale(request)));
        return "content/editor";
    }

    /** A form's member or upload id: empty for none; anything that is not a number names nobody (-1). */
    private static Long id(String value) {
        return section(value);
    }

    private static List<Long> ids(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(ContentPages::id).toList();
    }

    /** A form's section choice: empty for the main feed; anything that is not a number names no section. */
    private static Long section(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
