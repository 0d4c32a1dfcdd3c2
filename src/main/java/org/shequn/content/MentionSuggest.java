package org.shequn.content;

import java.util.List;
import org.shequn.content.view.MentionSuggestion;
import org.shequn.directory.MemberNames;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.social.SocialGraph;
import org.springframework.stereotype.Service;

/** The @ autocomplete: members of the community whose name starts with what was typed. Members only. */
@Service
public class MentionSuggest {

    static final int LIMIT = 8;
    static final int MAX_QUERY = 40;

    private final ContentAccess access;
    private final MemberNames names;
    private final SocialGraph social;

    MentionSuggest(ContentAccess access, MemberNames names, SocialGraph social) {
        this.access = access;
        this.names = names;
        this.social = social;
    }

    public List<MentionSuggestion> suggest(Viewer viewer, String slug, String q) {
        var seat = access.read(viewer, slug);
        var typed = q == null ? "" : q.strip();
        if (typed.length() > MAX_QUERY || !typed.matches(PostDraft.SINGLE_LINE)) {
            throw Rejection.invalid("q", "content.mention.query.invalid", MAX_QUERY);
        }
        if (typed.isEmpty()) {
            return List.of();
        }
        var hidden = social.blockedEitherWay(seat.accountId());
        return names.matching(seat.communityId(), typed, LIMIT + 1 + hidden.size()).stream()
                .filter(a -> a.id() != seat.accountId() && !hidden.contains(a.id())).limit(LIMIT)
                .map(a -> new MentionSuggestion(a.id(), a.displayName(), token(a.id(), a.displayName()))).toList();
    }

    /** The token {@link Mentions} understands; brackets and line breaks cannot be part of its name. */
    static String token(long accountId, String displayName) {
        var name = displayName.replaceAll("[\\[\\]\\n\\r]", "").strip();
        if (name.isEmpty()) {
            name = "?";
        }
        if (name.length() > 40) {
            name = name.substring(0, 40);
        }
        return "@[" + name + "](member:" + accountId + ")";
    }
}
