package org.shequn.reaction;

import org.shequn.content.ReactionTargets;
import org.shequn.membership.Standing;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.shequn.reaction.view.ReactionBar;
import org.shequn.reaction.view.ReactionCount;
import org.shequn.reaction.view.ReactionSheet;
import org.shequn.reaction.view.StickerView;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reactions on posts and comments: a like (赞) or a sticker from the community's active packs, at most one of
 * each per member and target; reacting again takes it back. Members only; an archived community is read-only.
 * <p>
 * Muted members may not add reactions: a sticker says something too, and a mute is meant to quiet a member for
 * its duration. They may still take back a reaction of theirs.
 */
@Service
public class Reactions {

    static final String LIKE = "like";
    private static final Pattern STICKER = Pattern.compile("^sticker:([0-9]{1,18})$");

    public enum Change { ADD, REMOVE, TOGGLE }

    private final ReactionAccess access;
    private final ReactionTargets targets;
    private final ReactionStore store;
    private final StickerStore stickers;
    private final StickerPacks packs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Reactions(ReactionAccess access, ReactionTargets targets, ReactionStore store, StickerStore stickers,
              StickerPacks packs, ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.targets = targets;
        this.store = store;
        this.stickers = stickers;
        this.packs = packs;
        this.events = events;
        this.clock = clock;
    }

    static String sticker(long stickerId) {
        return "sticker:" + stickerId;
    }

    /** Adds, removes or toggles one reaction; returns the target's reactions as they are now. */
    @Transactional
    public ReactionBar change(Viewer viewer, String slug, long postId, Long commentId, String reaction, Change change) {
        var seat = access.write(viewer, slug);
        var reacted = targets.target(seat, postId, commentId);
        long targetAuthor = reacted.authorId();
        var value = parse(reaction);
        long target = commentId == null ? 0 : commentId;
        boolean removed = change != Change.ADD && store.remove(reacted.postId(), target, seat.accountId(), value);
        if (removed) {
            events.publishEvent(new ReactionRemoved(seat.communityId(), reacted.postId(), commentId, targetAuthor,
                    seat.accountId(), value));
        } else if (change != Change.REMOVE) {
            seat.requireNotMuted(now(), "content.moderation.muted");
            var stickerId = stickerId(value);
            if (stickerId != null && stickers.usable(seat.communityId(), stickerId).isEmpty()) {
                throw Rejection.invalid("reaction", "content.reaction.stickerUnavailable");
            }
            if (store.add(seat.communityId(), reacted.postId(), target, seat.accountId(), value, now())) {
                events.publishEvent(new ReactionAdded(seat.communityId(), reacted.postId(), commentId, targetAuthor,
                        seat.accountId(), value));
            }
        }
        return sheet(seat, reacted.postId(), Map.of()).of(target, commentId);
    }

    /** The reactions on a post and its comments, for its page and {@code GET .../reactions}. */
    public ReactionSheet sheet(Viewer viewer, String slug, long postId) {
        var seat = access.read(viewer, slug);
        var post = targets.target(seat, postId, null);
        return sheet(seat, post.postId(), targets.commentStickers(post.postId())).sheet();
    }

    /** Leaves out what the viewer may not see of the post's comments; the post's own target 0 always stays. */
    private java.util.function.LongPredicate seen(Standing seat, long postId) {
        var unseen = targets.unseenComments(seat, postId);
        return commentId -> commentId == 0 || !unseen.contains(commentId);
    }

    /**
     * The reactions part of one comment as nobody in particular sees it, for a live update: the sticker it
     * carries, no counts yet, nothing to click (a reload brings the controls).
     */
    ReactionSheet bystander(long communityId, String slug, long postId, long commentId) {
        var commentStickers = new LinkedHashMap<Long, StickerView>();
        var stickerId = targets.commentStickers(postId).get(commentId);
        if (stickerId != null) {
            var row = stickers.stickers(communityId, List.of(stickerId)).get(stickerId);
            commentStickers.put(commentId, row != null ? packs.view(slug, row) : new StickerView(stickerId, 0, "", null, 0, 0));
        }
        var bar = new ReactionBar(slug, postId, null, 0, false, List.of(), false);
        return new ReactionSheet(bar, Map.of(), commentStickers, List.of());
    }

    /** Likes on each post of a feed page: post id → count. */
    Map<Long, Integer> likes(Viewer viewer, String slug, Collection<Long> postIds) {
        var seat = access.read(viewer, slug);
        return store.likes(seat.communityId(), postIds);
    }

    private record Built(ReactionSheet sheet, Map<Long, ReactionBar> bars) {
        ReactionBar of(long target, Long commentId) {
            return target == 0 ? sheet.post() : sheet.of(commentId);
        }
    }

    private Built sheet(Standing seat, long postId, Map<Long, Long> commentStickerIds) {
        boolean canReact = !seat.community().archived();
        // a hidden (or held) comment's reactions and sticker are as invisible to a member as its text
        var seen = seen(seat, postId);
        var groups = store.ofPost(postId, seat.accountId()).stream().filter(g -> seen.test(g.commentId())).toList();
        commentStickerIds = new LinkedHashMap<>(commentStickerIds);
        commentStickerIds.keySet().removeIf(id -> !seen.test(id));
        var used = new HashSet<Long>(commentStickerIds.values());
        groups.forEach(g -> {
            var id = stickerId(g.reaction());
            if (id != null) {
                used.add(id);
            }
        });
        var views = new LinkedHashMap<Long, StickerView>();
        stickers.stickers(seat.communityId(), used).values()
                .forEach(s -> views.put(s.id(), packs.view(seat.community().slug(), s)));
        var likes = new LinkedHashMap<Long, Integer>();
        var liked = new HashSet<Long>();
        var counts = new LinkedHashMap<Long, List<ReactionCount>>();
        for (var g : groups) {
            if (g.reaction().equals(LIKE)) {
                likes.put(g.commentId(), g.count());
                if (g.mine()) {
                    liked.add(g.commentId());
                }
            } else {
                var sticker = views.get(stickerId(g.reaction()));
                if (sticker != null) {
                    counts.computeIfAbsent(g.commentId(), k -> new ArrayList<>())
                            .add(new ReactionCount(g.reaction(), sticker, g.count(), g.mine()));
                }
            }
        }
        var slug = seat.community().slug();
        var targets = new HashSet<Long>(likes.keySet());
        targets.addAll(counts.keySet());
        targets.add(0L);
        var bars = new LinkedHashMap<Long, ReactionBar>();
        for (long t : targets) {
            bars.put(t, new ReactionBar(slug, postId, t == 0 ? null : t, likes.getOrDefault(t, 0), liked.contains(t),
                    counts.getOrDefault(t, List.of()), canReact));
        }
        var commentBars = new LinkedHashMap<>(bars);
        commentBars.remove(0L);
        var commentStickers = new LinkedHashMap<Long, StickerView>();
        commentStickerIds.forEach((comment, sticker) -> {
            // a deleted sticker leaves a placeholder without an image
            var view = views.get(sticker);
            commentStickers.put(comment, view != null ? view : new StickerView(sticker, 0, "", null, 0, 0));
        });
        var palette = canReact ? packs.palette(seat) : List.<StickerView>of();
        return new Built(new ReactionSheet(bars.get(0L), commentBars, commentStickers, palette), bars);
    }

    static boolean valid(String reaction) {
        return reaction != null && (reaction.equals(LIKE) || STICKER.matcher(reaction).matches());
    }

    private static String parse(String reaction) {
        if (!valid(reaction)) {
            throw Rejection.invalid("reaction", "content.reaction.unknown");
        }
        return reaction;
    }

    static Long stickerId(String reaction) {
        var m = STICKER.matcher(reaction);
        return m.matches() ? Long.parseLong(m.group(1)) : null;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
