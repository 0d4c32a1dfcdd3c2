package org.shequn.content;

import java.time.OffsetDateTime;
import java.util.List;

record PostRow(long id, long communityId, Long sectionId, long authorId, String kind, String title, String body,
               String tags, int commentCount, OffsetDateTime pinnedAt, OffsetDateTime featuredAt,
               OffsetDateTime createdAt, OffsetDateTime editedAt, OffsetDateTime deletedAt) {

    List<String> tagList() {
        return tags == null || tags.isEmpty() ? List.of() : List.of(tags.split("\n"));
    }

    boolean deleted() {
        return deletedAt != null;
    }
}
