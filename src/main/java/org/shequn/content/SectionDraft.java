package org.shequn.content;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the owner sets on a section (API body and form target). */
public record SectionDraft(
        @NotBlank @Size(max = 20) @Pattern(regexp = SINGLE_LINE, message = "{validation.noControlCharacters}") String name,
        @Size(max = 200) @Pattern(regexp = SINGLE_LINE, message = "{validation.noControlCharacters}") String description,
        @NotNull @Pattern(regexp = ICONS, message = "{content.section.icon.unknown}") String icon,
        @NotNull @Pattern(regexp = "EVERYONE|CORE_AND_UP|ADMINS", message = "{content.section.posting.unknown}") String posting) {

    static final String SINGLE_LINE = "^[^\\p{Cntrl}]*$";
    /** A small fixed set, drawn as CSS shapes / letters: no emoji glyphs, no uploads. */
    static final String ICONS = "chat|question|book|star|bell|flag|idea|code";
    public static final java.util.List<String> ICON_NAMES = java.util.List.of(ICONS.split("\\|"));
}
