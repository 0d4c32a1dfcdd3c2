package org.shequn.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.shequn.shared.Rejection;
import org.shequn.shared.Validation;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changing one's password requires the current one. */
@Service
public class PasswordChange {

    public record Changing(@NotBlank @Size(max = 128) String currentPassword,
                    @NotBlank @Size(min = 8, max = 128) String newPassword) {
    }

    private final Validation validation;
    private final AccountStore store;
    private final PasswordEncoder passwords;

    PasswordChange(Validation validation, AccountStore store, PasswordEncoder passwords) {
        this.validation = validation;
        this.store = store;
        this.passwords = passwords;
    }

    @Transactional
    public void change(long accountId, Changing form) {
        validation.check(form);
        var account = store.byId(accountId).orElseThrow(Rejection::unauthenticated);
        if (!passwords.matches(form.currentPassword(), account.passwordHash())) {
            throw Rejection.invalid("currentPassword", "identity.password.wrongCurrent");
        }
        store.updatePassword(accountId, passwords.encode(form.newPassword()));
    }
}
