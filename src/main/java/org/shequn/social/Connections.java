package org.shequn.social;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.shequn.identity.Accounts;
import org.shequn.shared.Cursor;
import org.shequn.shared.Page;
import org.shequn.social.view.PersonLink;
import org.shequn.social.view.Relation;
import org.shequn.shared.Viewer;
import org.shequn.social.view.SocialCounts;
import org.shequn.social.view.SocialPanel;
import org.springframework.stereotype.Service;

/** Reading the graph: the {@link SocialGraph} other modules use, plus the counts and lists our pages show. */
@Service
public class Connections implements SocialGraph {

    static final int PAGE_SIZE = 30;
    static final int PANEL_MUTUAL_FRIENDS = 12;

    private final Follows follows;
    private final Blocks blocks;
    private final Accounts accounts;

    Connections(Follows follows, Blocks blocks, Accounts accounts) {
        this.follows = follows;
        this.blocks = blocks;
        this.accounts = accounts;
    }

    @Override
    public boolean blockedEitherWay(long a, long b) {
        return blocks.eitherWay(a, b);
    }

    @Override
    public Set<Long> blockedEitherWay(long accountId) {
        return blocks.eitherWay(accountId);
    }

    /** Empty when the two have blocked each other (either way): they should not learn about each other's circle. */
    @Override
    public List<Long> mutualFriends(long a, long b, int limit) {
        if (limit <= 0 || a == b || blocks.eitherWay(a, b)) {
            return List.of();
        }
        return follows.mutualFriends(a, b, limit);
    }

    @Override
    public boolean follows(long follower, long followee) {
        return follows.exists(follower, followee);
    }

    @Override
    public List<Long> followees(long accountId, int limit) {
        return follows.followees(accountId, Math.max(0, limit));
    }

    public SocialCounts counts(long accountId) {
        return new SocialCounts(follows.followerCount(accountId), follows.followingCount(accountId),
                follows.friendCount(accountId));
    }

    public Relation relation(long viewer, long other) {
        if (viewer == other) {
            return Relation.NONE;
        }
        return new Relation(follows.exists(viewer, other), follows.exists(other, viewer),
                blocks.exists(viewer, other), blocks.exists(other, viewer));
    }

    /** Names for ids, in the given order; an id without an account (should not happen) is left out. */
    List<PersonLink> named(List<Long> ids) {
        var names = accounts.findAll(ids);
        var result = new ArrayList<PersonLink>(ids.size());
        for (var id : ids) {
            var account = names.get(id);
            if (account != null) {
                result.add(new PersonLink(id, account.displayName()));
            }
        }
        return result;
    }

    public List<PersonLink> mutualFriendLinks(long viewer, long other, int limit) {
        return named(mutualFriends(viewer, other, limit));
    }

    /** The social box on {@code personId}'s page as {@code viewer} (null: anonymous) sees it. */
    public SocialPanel panel(Viewer viewer, long personId, String error) {
        var counts = counts(personId);
        if (viewer == null) {
            return new SocialPanel(personId, false, false, counts, null, List.of(), error);
        }
        if (viewer.accountId() == personId) {
            return new SocialPanel(personId, true, true, counts, null, List.of(), error);
        }
        return new SocialPanel(personId, true, false, counts, relation(viewer.accountId(), personId),
                mutualFriendLinks(viewer.accountId(), personId, PANEL_MUTUAL_FRIENDS), error);
    }

    /** One page of the viewer's list {@code kind} (one of {@link org.shequn.social.view.PeopleList#KINDS}). */
    public Page<PersonLink> list(String kind, long me, String cursorToken) {
        var after = Cursor.decode(cursorToken);
        var rows = switch (kind) {
            case "friends" -> follows.friends(me, after, PAGE_SIZE);
            case "followers" -> follows.followers(me, after, PAGE_SIZE);
            case "following" -> follows.following(me, after, PAGE_SIZE);
            case "blocked" -> blocks.blockedBy(me, after, PAGE_SIZE);
            default -> throw new IllegalArgumentException(kind);
        };
        String next = null;
        if (rows.size() > PAGE_SIZE) {
            rows = rows.subList(0, PAGE_SIZE);
            next = rows.getLast().cursor().encode();
        }
        return new Page<>(named(rows.stream().map(Keyset.Row::otherId).toList()), next);
    }
}
