package org.shequn.commerce;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.shequn.shared.text.ControlCharacters;

/**
 * A product as its merchant writes it (API body and form target): title, Markdown description, category, tags,
 * shipped or virtual, the commission rate a distributing community earns (basis points), published or a draft, and
 * its SKUs. A SKU with an {@code id} is an existing one changed; one left out of an edit is retired.
 */
public record ProductDraft(
        @NotBlank(message = "{validation.required}") @Size(max = 80, message = "{commerce.tooLong}")
        @Pattern(regexp = ShopDraft.ONE_LINE, message = "{validation.noControlCharacters}") String title,
        @NotNull(message = "{validation.required}") @Size(max = 10000, message = "{commerce.tooLong}")
        @Pattern(regexp = ControlCharacters.MULTI_LINE, message = "{validation.noControlCharacters}") String description,
        @NotBlank(message = "{validation.required}") @Size(max = 30, message = "{commerce.tooLong}")
        @Pattern(regexp = ShopDraft.ONE_LINE, message = "{validation.noControlCharacters}") String category,
        @Size(max = 10, message = "{commerce.tags.tooMany}") List<@NotBlank(message = "{validation.required}")
        @Size(max = 20, message = "{commerce.tooLong}") @Pattern(regexp = "^[^|\\p{Cc}]*$", message = "{validation.noControlCharacters}") String> tags,
        @NotNull(message = "{validation.required}") Boolean shipped,
        @NotNull(message = "{validation.required}") @Min(value = 0, message = "{commerce.commission.range}")
        @Max(value = 9000, message = "{commerce.commission.range}") Integer commissionBp,
        Boolean published,
        @NotEmpty(message = "{commerce.skus.required}") @Size(max = 50, message = "{commerce.skus.tooMany}") List<@Valid SkuDraft> skus) {

    /** One variant: its attributes (颜色=红, 尺码=M), its price as typed ("19.90") and its stock. */
    public record SkuDraft(
            Long id,
            @Size(max = 5, message = "{commerce.attributes.tooMany}") Map<
                    @NotNull(message = "{commerce.attribute.invalid}") @Size(min = 1, max = 10, message = "{commerce.attribute.invalid}") @Pattern(regexp = ATTRIBUTE, message = "{commerce.attribute.invalid}") String,
                    @NotNull(message = "{commerce.attribute.invalid}") @Size(min = 1, max = 20, message = "{commerce.attribute.invalid}") @Pattern(regexp = ATTRIBUTE, message = "{commerce.attribute.invalid}") String> attributes,
            @NotBlank(message = "{validation.required}") String price,
            @NotNull(message = "{validation.required}") @Min(value = 0, message = "{commerce.stock.range}")
            @Max(value = 1_000_000, message = "{commerce.stock.range}") Integer stock) {
    }

    /** No separators, no control characters: an attribute is stored as {@code name=value;name=value}. */
    static final String ATTRIBUTE = "^[^=;\\p{Cc}]*$";

    ProductDraft clean() {
        return new ProductDraft(ShopDraft.strip(title), description == null ? null : description.replace("\r\n", "\n").stripTrailing(),
                ShopDraft.strip(category), tags == null ? List.of() : tags.stream().map(t -> t == null ? null : t.strip()).distinct().toList(),
                shipped, commissionBp, published, skus);
    }
}
