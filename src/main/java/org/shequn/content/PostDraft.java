package org.shequn.content;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A post as its author writes it (API body and form target). {@code addresseeId}: the member a question is
 * addressed to (questions only, on publishing).
 */
public record PostDraft(
        @NotNull @Pattern(regexp = "DISCUSSION|QUESTION|ARTICLE", message = "{content.post.kind.unknown}") String kind,
        Long sectionId,
        @Size(max = 120) @Pattern(regexp = SINGLE_LINE, message = "{validation.noControlCharacters}") String title,
        @NotBlank @Size(max = 20000) @Pattern(regexp = MULTI_LINE, message = "{validation.noControlCharacters}") String body,
        @Size(max = 5, message = "{content.post.tags.tooMany}")
        List<@NotBlank @Size(max = 20) @Pattern(regexp = SINGLE_LINE, message = "{validation.noControlCharacters}") String> tags,
        Long addresseeId,
        // uploads to show on the post, in order (see PostMedia); null on an edit keeps the post's current ones
        @Size(max = 50) List<@NotNull Long> imageIds,
        @Size(max = 50) List<@NotNull Long> attachmentIds,
        // the sub-group the post is for (null: the whole community); fixed when it is published
        Long subgroupId) {

    public PostDraft(String kind, Long sectionId, String title, String body, List<String> tags, Long addresseeId,
                     List<Long> imageIds, List<Long> attachmentIds) {
        this(kind, sectionId, title, body, tags, addresseeId, imageIds, attachmentIds, null);
    }

    static final String SINGLE_LINE = "^[^\\p{Cntrl}]*$";
    static final String MULTI_LINE = "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*$";

    /** The same post with other uploads referenced (the page's form stages its files first). */
    PostDraft withMedia(List<Long> images, List<Long> attachments) {
        return new PostDraft(kind, sectionId, title, body, tags, addresseeId, images, attachments, subgroupId);
    }

    PostKind postKind() {
        return PostKind.valueOf(kind);
    }

    String cleanTitle() {
        return title == null ? "" : title.strip();
    }

    List<String> cleanTags() {
        if (tags == null) {
            return List.of();
        }
        var seen = new LinkedHashSet<String>();
        tags.forEach(t -> seen.add(t.strip()));
        return List.copyOf(seen);
    }

    /** Form input: tags typed as one line, separated by commas (either width) or spaces. */
    public static List<String> splitTags(String line) {
        if (line == null || line.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(line.split("[,，\\s]+")).filter(s -> !s.isBlank()).toList();
    }
}
