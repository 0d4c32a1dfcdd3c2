package org.shequn.event;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.shequn.shared.text.ControlCharacters;

/**
 * An event as its runners write it (API body and form target). Start, end and the link's release are local
 * date-times ({@code 2026-12-10T19:00}) in {@code zone}, an IANA zone id (default Asia/Shanghai). Free events
 * only: there is no price.
 */
public record EventDraft(
        @NotBlank(message = "{event.title.required}")
        @Size(max = EventDraft.TITLE_MAX, message = "{event.title.tooLong}")
        @Pattern(regexp = SINGLE_LINE, message = "{event.title.oneLine}") String title,
        @NotBlank(message = "{event.description.required}")
        @Size(max = EventDraft.DESCRIPTION_MAX, message = "{event.description.tooLong}")
        @Pattern(regexp = ControlCharacters.MULTI_LINE, message = "{validation.noControlCharacters}") String description,
        @NotNull(message = "{event.kind.required}") EventKind kind,
        @NotBlank(message = "{event.start.required}") String start,
        @NotBlank(message = "{event.end.required}") String end,
        String zone,
        @Size(max = 200, message = "{event.place.tooLong}")
        @Pattern(regexp = SINGLE_LINE, message = "{event.place.oneLine}") String place,
        @Size(max = 500, message = "{event.url.tooLong}")
        @Pattern(regexp = WEB_LINK, message = "{event.url.web}") String mapUrl,
        @Size(max = 500, message = "{event.url.tooLong}")
        @Pattern(regexp = WEB_LINK, message = "{event.url.web}") String onlineUrl,
        String linkReleasedAt,
        Long speakerId,
        @Min(value = 1, message = "{event.capacity.range}")
        @Max(value = EventDraft.CAPACITY_MAX, message = "{event.capacity.range}") Integer capacity,
        Boolean approval,
        @Size(max = EventDraft.QUESTIONS_MAX, message = "{event.questions.tooMany}")
        List<@NotBlank(message = "{event.question.blank}")
             @Size(max = EventDraft.QUESTION_MAX, message = "{event.question.tooLong}")
             @Pattern(regexp = SINGLE_LINE, message = "{event.question.oneLine}") String> questions,
        @Min(value = 0, message = "{event.cancelHours.range}")
        @Max(value = 720, message = "{event.cancelHours.range}") Integer cancelHours,
        @Size(max = 10, message = "{event.helpers.tooMany}") List<Long> helperIds,
        // the sub-group it is for (null: the whole community); fixed when it is created
        Long subgroupId) {

    public EventDraft(String title, String description, EventKind kind, String start, String end, String zone,
                      String place, String mapUrl, String onlineUrl, String linkReleasedAt, Long speakerId,
                      Integer capacity, Boolean approval, List<String> questions, Integer cancelHours,
                      List<Long> helperIds) {
        this(title, description, kind, start, end, zone, place, mapUrl, onlineUrl, linkReleasedAt, speakerId, capacity,
                approval, questions, cancelHours, helperIds, null);
    }

    public static final int TITLE_MAX = 80;
    public static final int DESCRIPTION_MAX = 5000;
    public static final int CAPACITY_MAX = 10000;
    public static final int QUESTIONS_MAX = 3;
    public static final int QUESTION_MAX = 100;
    public static final String DEFAULT_ZONE = "Asia/Shanghai";
    static final String SINGLE_LINE = "^[^\\p{Cntrl}]*$";
    /** http(s) only: a javascript: or data: link would run in the guest's browser. Empty means none. */
    static final String WEB_LINK = "^$|^https?://[^\\s\"'<>]+$";

    String cleanTitle() {
        return title.strip();
    }

    String cleanDescription() {
        return description.replace("\r\n", "\n").stripTrailing();
    }

    String zoneOrDefault() {
        return zone == null || zone.isBlank() ? DEFAULT_ZONE : zone.strip();
    }

    List<String> cleanQuestions() {
        return questions == null ? List.of() : questions.stream().map(String::strip).toList();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
