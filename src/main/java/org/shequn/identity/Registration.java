package org.shequn.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.shequn.shared.Rejection;
import org.shequn.shared.Validation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers an account: validate → refuse duplicates → store the hashed password → announce it. */
@Service
public class Registration {

    private final Validation validation;
    private final AccountStore store;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Operators operators;
    private final Clock clock;

    Registration(Validation validation, AccountStore store, PasswordEncoder passwords,
                 ApplicationEventPublisher events, Operators operators, Clock clock) {
        this.validation = validation;
        this.store = store;
        this.passwords = passwords;
        this.events = events;
        this.operators = operators;
        this.clock = clock;
    }

    @Transactional
    public SignedInAccount register(Registering form) {
        validation.check(form);
        var email = normalizeEmail(form.email());
        var phone = form.phone() == null || form.phone().isBlank() ? null : form.phone().trim();
        var name = form.displayName().strip();
        if (store.emailTaken(email)) {
            throw Rejection.conflictOn("email", "identity.email.taken");
        }
        if (phone != null && store.phoneTaken(phone)) {
            throw Rejection.conflictOn("phone", "identity.phone.taken");
        }
        long id;
        try {
            id = store.insert(email, phone, passwords.encode(form.password()), name, OffsetDateTime.now(clock));
        } catch (DuplicateKeyException raced) {
            throw Rejection.conflictOn("email", "identity.email.taken");
        }
        events.publishEvent(new AccountRegistered(id, name));
        return new SignedInAccount(id, name, operators.isOperator(id, email));
    }

    static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
