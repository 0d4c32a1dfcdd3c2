package org.shequn.content;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shequn.membership.Memberships;
import org.shequn.membership.Scope;
import org.shequn.membership.Scopes;
import org.shequn.identity.Accounts;
import org.shequn.shared.text.Markdown;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * @mentions. Display names are not unique, so a mention is the token {@code @[显示名](member:123)} that the
 * editor's autocomplete inserts (static/js/mentions.js). Rendering links a token to the member's page only
 * while the account is a member of the community, and shows the member's current name (the name inside the
 * token is whatever the writer typed); any other token reads as plain "@name". On publish, on edit (only
 * newly added members) and on a new comment, {@link MemberMentioned} goes out once per mentioned member,
 * never for the writer, never for non-members, for at most {@link #MAX} members per text; in a sub-group's post
 * only for those who may read it (the group's members and the community's runners), so a mention never tells an
 * outsider of the group that the post exists.
 */
@Component
class Mentions {

    static final int MAX = 10;
    static final Pattern TOKEN = Pattern.compile("@\\[([^\\[\\]\\n]{1,40})]\\(member:(\\d{1,18})\\)");
    private static final Pattern MARKDOWN_SPECIAL = Pattern.compile("[\\\\`*_{}\\[\\]()#+\\-.!<>|~&\"']");

    private final Memberships memberships;
    private final Accounts accounts;
    private final Markdown markdown;
    private final PostStore posts;
    private final CommentStore comments;
    private final ApplicationEventPublisher events;
    private final Scopes scopes;

    Mentions(Memberships memberships, Accounts accounts, Markdown markdown, PostStore posts, CommentStore comments,
             ApplicationEventPublisher events, Scopes scopes) {
        this.memberships = memberships;
        this.scopes = scopes;
        this.accounts = accounts;
        this.markdown = markdown;
        this.posts = posts;
        this.comments = comments;
        this.events = events;
    }

    /** The distinct accounts a text mentions, in order of first mention, at most {@link #MAX}. */
    static Set<Long> mentioned(String text) {
        var ids = new LinkedHashSet<Long>();
        if (text == null) {
            return ids;
        }
        var m = TOKEN.matcher(text);
        while (m.find() && ids.size() < MAX) {
            ids.add(Long.parseLong(m.group(2)));
        }
        return ids;
    }

    /**
     * Renders texts of one community to safe HTML with their mentions resolved: membership and names are looked
     * up once for all the texts of a page.
     */
    UnaryOperator<String> renderer(long communityId, String slug, Collection<String> texts) {
        var ids = new LinkedHashSet<Long>();
        for (var text : texts) {
            var m = TOKEN.matcher(text == null ? "" : text);
            while (m.find()) {
                ids.add(Long.parseLong(m.group(2)));
            }
        }
        var members = new HashMap<Long, String>();
        var names = ids.isEmpty() ? Map.<Long, org.shequn.identity.AccountSummary>of() : accounts.findAll(ids);
        for (long id : ids) {
            var account = names.get(id);
            if (account != null && memberships.roleOf(communityId, id).isPresent()) {
                members.put(id, account.displayName());
            }
        }
        return text -> markdown.toSafeHtml(resolve(text, slug, members));
    }

    /** Turns each token into a Markdown link (a member) or escaped text (anyone else); the sanitizer runs after. */
    private static String resolve(String text, String slug, Map<Long, String> members) {
        if (text == null || text.indexOf("](member:") < 0) {
            return text;
        }
        var m = TOKEN.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            var name = members.get(Long.parseLong(m.group(2)));
            var replacement = name == null ? "@" + escape(m.group(1))
                    : "[@" + escape(name) + "](/c/" + slug + "/members/" + m.group(2) + ")";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String escape(String name) {
        return MARKDOWN_SPECIAL.matcher(name).replaceAll(r -> Matcher.quoteReplacement("\\" + r.group()));
    }

    @EventListener
    void on(PostPublished published) {
        posts.byId(published.postId()).ifPresent(post ->
                announce(post, null, post.authorId(), mentioned(post.body()), Set.of()));
    }

    /** Only members the edit newly mentions hear of it: the version just replaced is the last one kept. */
    @EventListener
    void on(PostEdited edited) {
        posts.byId(edited.postId()).ifPresent(post -> {
            var versions = posts.versions(post.id());
            var before = versions.isEmpty() ? Set.<Long>of() : mentioned(versions.getLast().body());
            announce(post, null, post.authorId(), mentioned(post.body()), before);
        });
    }

    @EventListener
    void on(CommentAdded added) {
        comments.byId(added.communityId(), added.commentId()).ifPresent(comment -> posts.byId(added.postId())
                .ifPresent(post -> announce(post, comment.id(), comment.authorId(), mentioned(comment.body()), Set.of())));
    }

    private void announce(PostRow post, Long commentId, long writerId, Set<Long> ids, Set<Long> already) {
        if (ids.isEmpty()) {
            return;
        }
        long communityId = post.communityId();
        var scope = Scope.of(post.subgroupId());
        var inGroup = scopes.audience(communityId, scope);
        for (long id : ids) {
            if (id == writerId || already.contains(id)) {
                continue;
            }
            var role = memberships.roleOf(communityId, id);
            // as Scope.visibleTo: the group's members and the community's runners read a sub-group's post
            if (role.isPresent() && (inGroup.test(id) || role.get().runsCommunity())) {
                events.publishEvent(new MemberMentioned(communityId, post.id(), commentId, id, writerId));
            }
        }
    }
}
