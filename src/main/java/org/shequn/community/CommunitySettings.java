package org.shequn.community;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** Everything an owner sets when creating or editing a community: the API body and the form's target. */
public record CommunitySettings(
        @NotBlank @Size(max = 60) @Pattern(regexp = SINGLE_LINE, message = "{validation.noControlCharacters}") String name,
        @NotBlank @Size(min = 3, max = 40) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]$",
                message = "{community.slug.pattern}") String slug,
        @Size(max = 2000) @Pattern(regexp = MULTI_LINE, message = "{validation.noControlCharacters}") String description,
        @Size(max = 10, message = "{community.themes.tooMany}")
        List<@NotBlank @Size(max = 30) @Pattern(regexp = SINGLE_LINE, message = "{validation.noControlCharacters}") String> themes,
        @Size(max = 500) @Pattern(regexp = MULTI_LINE, message = "{validation.noControlCharacters}") String vision,
        @Size(max = 500) @Pattern(regexp = MULTI_LINE, message = "{validation.noControlCharacters}") String values,
        @Size(max = 500) @Pattern(regexp = MULTI_LINE, message = "{validation.noControlCharacters}") String mission,
        @Size(max = 20000) @Pattern(regexp = MULTI_LINE, message = "{validation.noControlCharacters}") String rules,
        @NotNull Visibility visibility,
        @NotNull @Min(MIN_CAP) @Max(MAX_CAP) Integer memberCap,
        @NotNull EntryPolicy entryPolicy,
        boolean requiresRealName,
        boolean requiresPosition,
        boolean membersMayInvite,
        @Size(max = 5, message = "{community.questions.tooMany}")
        List<@NotBlank @Size(max = 200) @Pattern(regexp = SINGLE_LINE, message = "{validation.noControlCharacters}") String> questions,
        @Min(0) Long entryFeeMinor) {

    static final String SINGLE_LINE = "^[^\\p{Cntrl}]*$";
    /** Line breaks and tabs are fine in long texts; other control characters are not. */
    static final String MULTI_LINE = "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*$";
    static final int MIN_CAP = 2;
    static final int MAX_CAP = 100_000;
    static final int SUGGESTED_CAP = 40;

    public CommunitySettings withoutQuestions() {
        return new CommunitySettings(name, slug, description, themes, vision, values, mission, rules, visibility,
                memberCap, entryPolicy, requiresRealName, requiresPosition, membersMayInvite, List.of(), entryFeeMinor);
    }

    CommunitySettings withSlug(String newSlug) {
        return new CommunitySettings(name, newSlug, description, themes, vision, values, mission, rules, visibility,
                memberCap, entryPolicy, requiresRealName, requiresPosition, membersMayInvite, questions, entryFeeMinor);
    }

    String normalizedSlug() {
        return slug.strip().toLowerCase(Locale.ROOT);
    }

    List<String> cleanThemes() {
        return clean(themes);
    }

    List<String> cleanQuestions() {
        return clean(questions);
    }

    private static List<String> clean(List<String> items) {
        if (items == null) {
            return List.of();
        }
        var seen = new LinkedHashSet<String>();
        for (var item : items) {
            if (item != null && !item.isBlank()) {
                seen.add(item.strip());
            }
        }
        return List.copyOf(seen);
    }
}
