package org.shequn.voting;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A poll as a runner asks it (API body; the form builds one): the question, 2–20 options, how many one may choose
 * (1: single choice), the deadline, when results show, whether voters are named, and the sub-group it is for (none:
 * the whole community; fixed when it is opened).
 */
public record PollDraft(String question, List<String> options, Integer maxChoices, OffsetDateTime closesAt,
                        PollResults results, Boolean anonymous, Long subgroupId) {

    public PollDraft(String question, List<String> options, Integer maxChoices, OffsetDateTime closesAt,
                     PollResults results, Boolean anonymous) {
        this(question, options, maxChoices, closesAt, results, anonymous, null);
    }

    public static final int QUESTION_MAX = 200;
    public static final int OPTION_MAX = 100;
    public static final int OPTIONS_MIN = 2;
    public static final int OPTIONS_MAX = 20;
}
