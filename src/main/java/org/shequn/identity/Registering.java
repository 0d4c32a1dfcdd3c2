package org.shequn.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The registration form and API body. */
public record Registering(
        @NotBlank @Size(max = 254) @Email String email,
        @Size(max = 20) @Pattern(regexp = "^(\\+?[0-9]{6,19})?$", message = "{identity.phone.invalid}") String phone,
        @NotBlank @Size(min = 8, max = 128) String password,
        @NotBlank @Size(max = 40) @Pattern(regexp = "^[^\\p{Cntrl}]*$", message = "{validation.noControlCharacters}")
        String displayName) {
}
