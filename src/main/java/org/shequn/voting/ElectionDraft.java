package org.shequn.voting;

import java.time.OffsetDateTime;

/**
 * An election as the owner opens it (API body; the form builds one): nomination runs from now until voting opens;
 * who may vote and stand is fixed then (members for at least {@code minMemberDays}, not banned or muted); the
 * winners hold their seats for {@code termDays}. With {@code subgroupId}, it is that sub-group electing its leader
 * (选举组长): one seat, its members only on the roll, opened by the owner or an admin.
 */
public record ElectionDraft(String title, String details, Integer seats, Integer minMemberDays, Integer termDays,
                            OffsetDateTime votingOpensAt, OffsetDateTime votingClosesAt, Long subgroupId) {

    public ElectionDraft(String title, String details, Integer seats, Integer minMemberDays, Integer termDays,
                         OffsetDateTime votingOpensAt, OffsetDateTime votingClosesAt) {
        this(title, details, seats, minMemberDays, termDays, votingOpensAt, votingClosesAt, null);
    }

    public static final int TITLE_MAX = 80;
    public static final int DETAILS_MAX = 2000;
    public static final int SEATS_MAX = 20;
    public static final int DAYS_MAX = 3650;
}
