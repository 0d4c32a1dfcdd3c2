package org.shequn.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.shequn.shared.Rejection;
import org.shequn.shared.Validation;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing one's password requires the current one. An account made by another sign-in method (WeChat) has
 * none: its person sets an email and a first password instead, and from then on may also sign in with them.
 */
@Service
public class PasswordChange {

    public record FirstPassword(@NotBlank @Size(max = 254) @Email String email,
                                @NotBlank @Size(min = 8, max = 128) String newPassword) {
    }

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
        if (account.passwordHash() == null || !passwords.matches(form.currentPassword(), account.passwordHash())) {
            throw Rejection.invalid("currentPassword", "identity.password.wrongCurrent");
        }
        store.updatePassword(accountId, passwords.encode(form.newPassword()));
    }

    public boolean hasPassword(long accountId) {
        return store.byId(accountId).map(a -> a.passwordHash() != null).orElse(false);
    }

    /** The email and first password of an account that has no password yet; refused once it has one. */
    @Transactional
    public void setFirst(long accountId, FirstPassword form) {
        validation.check(form);
        var email = Registration.normalizeEmail(form.email());
        if (store.emailTaken(email)) {
            throw Rejection.conflictOn("email", "identity.email.taken");
        }
        try {
            if (store.setFirstPassword(accountId, email, passwords.encode(form.newPassword())) == 0) {
                throw Rejection.conflict("identity.password.alreadySet");
            }
        } catch (DuplicateKeyException raced) {
            throw Rejection.conflictOn("email", "identity.email.taken");
        }
    }
}
