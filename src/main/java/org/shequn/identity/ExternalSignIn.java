package org.shequn.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.shequn.shared.Rejection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts for the modules that sign people in by another site's word ({@link SignInMethod}s such as WeChat):
 * a new account that has only a display name, the account as a session principal, and whether an account keeps
 * a way in when one method goes.
 */
@Service
public class ExternalSignIn {

    static final int MAX_DISPLAY_NAME = 40;

    private final AccountStore store;
    private final Operators operators;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<SignInMethod> methods;
    private final Clock clock;

    ExternalSignIn(AccountStore store, Operators operators, ApplicationEventPublisher events,
                   ObjectProvider<SignInMethod> methods, Clock clock) {
        this.store = store;
        this.operators = operators;
        this.events = events;
        this.methods = methods;
        this.clock = clock;
    }

    /**
     * An account with no email and no password, signed in by the calling method alone; its person may add an
     * email and a password later. Joins the caller's transaction, so it vanishes if binding the method fails.
     */
    @Transactional
    public SignedInAccount newAccount(String displayName) {
        if (displayName == null || displayName.isBlank() || displayName.length() > MAX_DISPLAY_NAME
                || org.shequn.shared.text.ControlCharacters.in(displayName)) {
            throw Rejection.invalid("displayName", "identity.displayName.invalid");
        }
        var id = store.insert(null, null, null, displayName, OffsetDateTime.now(clock));
        events.publishEvent(new AccountRegistered(id, displayName));
        return new SignedInAccount(id, displayName, operators.isOperator(id, null));
    }

    /** The account as it would be signed in now; empty if there is no such account. */
    public Optional<SignedInAccount> account(long accountId) {
        return store.byId(accountId).map(a -> new SignedInAccount(a.id(), a.displayName(),
                operators.isOperator(a.id(), a.email())));
    }

    /** True if the account could still sign in without {@code method}: by password, or by another method. */
    public boolean canSignInWithout(long accountId, SignInMethod method) {
        var hasPassword = store.byId(accountId).map(a -> a.passwordHash() != null).orElse(false);
        return hasPassword || methods.orderedStream().anyMatch(m -> m != method && m.signsIn(accountId));
    }
}
