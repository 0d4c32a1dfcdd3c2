package org.shequn.live;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one node tells all nodes (including itself): something changed in a community. Small on purpose
 * (PostgreSQL NOTIFY payloads are limited to 8,000 bytes); every node reads the item itself before pushing.
 * {@code id} is the post's, the comment's, for {@link Kind#MEMBER_LEFT} the account's, for {@link Kind#MESSAGE}
 * the private message's (which names neither of its two people: each node reads them); {@code reaction}
 * ("like" or "sticker:<id>") names the reaction that changed on reaction messages, null on the others.
 */
record LiveMessage(long communityId, long postId, Kind kind, long id, String reaction) {

    LiveMessage(long communityId, long postId, Kind kind, long id) {
        this(communityId, postId, kind, id, null);
    }

    enum Kind {
        POST, POST_REMOVED, COMMENT, COMMENT_REMOVED, POST_REACTION, COMMENT_REACTION, MEMBER_LEFT,
        /** A private message: {@code id} is the message's, the community and post are 0. */
        MESSAGE
    }

    String toJson(JsonMapper json) {
        return json.writeValueAsString(this);
    }

    /** Null for anything that is not a message (a foreign NOTIFY on our channel is ignored, not fatal). */
    static LiveMessage parse(JsonMapper json, String payload) {
        try {
            JsonNode node = json.readTree(payload);
            var reaction = node.get("reaction");
            return new LiveMessage(node.get("communityId").asLong(), node.get("postId").asLong(),
                    Kind.valueOf(node.get("kind").asString()), node.get("id").asLong(),
                    reaction == null || reaction.isNull() ? null : reaction.asString());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
