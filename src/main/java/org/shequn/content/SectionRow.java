package org.shequn.content;

import java.time.OffsetDateTime;

public record SectionRow(long id, long communityId, String name, String description, String icon, String posting,
                  int position, OffsetDateTime archivedAt) {

    boolean archived() {
        return archivedAt != null;
    }

    SectionPosting rule() {
        return SectionPosting.valueOf(posting);
    }
}
