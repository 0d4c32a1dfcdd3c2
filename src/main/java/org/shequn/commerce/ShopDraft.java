package org.shequn.commerce;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.shequn.shared.text.ControlCharacters;

/** A shop as its merchant describes it: name, description and contact for buyers, settlement details for payouts. */
public record ShopDraft(
        @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{commerce.tooLong}")
        @Pattern(regexp = ONE_LINE, message = "{validation.noControlCharacters}") String name,
        @NotBlank(message = "{validation.required}") @Size(max = 1000, message = "{commerce.tooLong}")
        @Pattern(regexp = ControlCharacters.MULTI_LINE, message = "{validation.noControlCharacters}") String description,
        @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{commerce.tooLong}")
        @Pattern(regexp = ONE_LINE, message = "{validation.noControlCharacters}") String contact,
        @NotBlank(message = "{validation.required}") @Size(max = 500, message = "{commerce.tooLong}")
        @Pattern(regexp = ControlCharacters.MULTI_LINE, message = "{validation.noControlCharacters}") String settlement) {

    static final String ONE_LINE = "^\\P{Cc}*$";

    ShopDraft clean() {
        return new ShopDraft(strip(name), strip(description), strip(contact), strip(settlement));
    }

    static String strip(String s) {
        return s == null ? null : s.replace("\r\n", "\n").strip();
    }
}
