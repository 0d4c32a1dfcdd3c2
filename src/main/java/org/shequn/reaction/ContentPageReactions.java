package org.shequn.reaction;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.shequn.community.Communities;
import org.shequn.community.CommunityInfo;
import org.shequn.content.ReactionSummaries;
import org.shequn.reaction.view.ReactionBar;
import org.shequn.reaction.view.ReactionSheet;
import org.shequn.shared.Viewer;
import org.shequn.shared.web.PageContext;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The reactions on content's pages ({@link ReactionSummaries}): the post page's bars, comment stickers and sticker
 * pickers, rendered with this module's templates into the page as it renders; the feed's likes; the live counts.
 */
@Component
class ContentPageReactions implements ReactionSummaries {

    private static final Content NOTHING = output -> {
    };

    private final Reactions reactions;
    private final ReactionAccess access;
    private final ReactionStore store;
    private final StickerStore stickers;
    private final Communities communities;
    private final TemplateEngine templates;

    ContentPageReactions(Reactions reactions, ReactionAccess access, ReactionStore store, StickerStore stickers,
                         Communities communities, TemplateEngine templates) {
        this.reactions = reactions;
        this.access = access;
        this.store = store;
        this.stickers = stickers;
        this.communities = communities;
        this.templates = templates;
    }

    @Override
    public OnPost sheet(Viewer viewer, String slug, long postId) {
        return new Rendered(reactions.sheet(viewer, slug, postId));
    }

    @Override
    public OnPost bystander(long communityId, String slug, long postId, long commentId) {
        return new Rendered(reactions.bystander(communityId, slug, postId, commentId));
    }

    @Override
    public Map<Long, Integer> likes(Viewer viewer, String slug, Collection<Long> postIds) {
        var seat = access.read(viewer, slug);
        return store.likes(seat.communityId(), postIds);
    }

    @Override
    public Set<Long> likedBy(long accountId, Collection<Long> postIds) {
        return store.likedBy(accountId, postIds);
    }

    @Override
    public String liveCounts(long communityId, long postId, Long commentId, String reaction) {
        var counts = new LinkedHashMap<String, Integer>();
        counts.put(Reactions.LIKE, 0);
        if (reaction != null && Reactions.valid(reaction)) {
            counts.put(reaction, 0);
        }
        counts.putAll(store.ofTarget(postId, commentId == null ? 0 : commentId));
        // a sticker new on this post or comment has no count on the open pages yet: its image and name let
        // the page's script add the button (live.js)
        var stickerIds = counts.keySet().stream().map(Reactions::stickerId).filter(Objects::nonNull).toList();
        var used = stickerIds.isEmpty() ? Map.<Long, StickerStore.StickerRow>of() : stickers.stickers(communityId, stickerIds);
        var slug = used.isEmpty() ? null : communities.find(communityId).map(CommunityInfo::slug).orElse(null);
        var html = new StringBuilder();
        // numbers and ids made of digits and [a-z-] only; the sticker's name is escaped
        counts.forEach((r, n) -> {
            html.append("<span id=\"").append(ReactionBar.countId(postId, commentId, r)).append("\" hx-swap-oob=\"innerHTML\"");
            var stickerId = Reactions.stickerId(r);
            var sticker = stickerId == null ? null : used.get(stickerId);
            if (sticker != null && slug != null) {
                html.append(" data-bar=\"").append(commentId == null ? "reactions" : "reactions-" + commentId)
                        .append("\" data-reaction=\"").append(r)
                        .append("\" data-sticker-url=\"/c/").append(slug).append("/stickers/").append(sticker.id()).append("/image")
                        .append("\" data-sticker-name=\"").append(HtmlUtils.htmlEscape(sticker.name())).append('"');
            }
            html.append('>').append(n > 0 ? Integer.toString(n) : "").append("</span>");
        });
        return html.toString();
    }

    /** One page's sheet, read before the page renders; each piece renders into the page's own output. */
    private final class Rendered implements OnPost {

        private final ReactionSheet sheet;

        Rendered(ReactionSheet sheet) {
            this.sheet = sheet;
        }

        @Override
        public Content postBar(PageContext ctx) {
            return bar(ctx, sheet.post());
        }

        @Override
        public Content commentBar(PageContext ctx, long commentId) {
            return bar(ctx, sheet.of(commentId));
        }

        @Override
        public Content commentSticker(PageContext ctx, long commentId) {
            var sticker = sheet.commentStickers().get(commentId);
            return sticker == null ? NOTHING
                    : render("reaction/comment-sticker.jte", Map.of("ctx", ctx, "sticker", sticker));
        }

        @Override
        public Content stickerPicker(PageContext ctx, String id) {
            return render("reaction/stickerPicker.jte", Map.of("ctx", ctx, "palette", sheet.palette(), "id", id));
        }

        @Override
        public boolean stickersOffered() {
            return !sheet.palette().isEmpty();
        }

        private Content bar(PageContext ctx, ReactionBar bar) {
            return render("reaction/reactions.jte", Map.of("ctx", ctx, "bar", bar, "palette", sheet.palette()));
        }

        private Content render(String template, Map<String, Object> params) {
            return output -> templates.render(template, params, output);
        }
    }
}
