package org.shequn.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.shequn.shared.text.ControlCharacters;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Email + password sign-in for the login form and for minting API tokens. After
 * {@code SLOW_AFTER} consecutive failures every further attempt is answered slowly; at
 * {@code shequn.login.max-failures} the account locks for {@code shequn.login.lock-minutes}. The
 * counters live in the accounts table, so every app node sees the same lock. Every attempt is counted (and
 * refused if locked) before its password is checked; a successful sign-in resets the count.
 */
@Component
class PasswordLogin implements AuthenticationProvider {

    static final int SLOW_AFTER = 3;

    /** Compared against when the email is unknown, so timing does not reveal which emails exist. */
    private final String unknownAccountHash;
    private final AccountStore store;
    private final PasswordEncoder passwords;
    private final Operators operators;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockFor;
    private final Duration slowStep;

    PasswordLogin(AccountStore store, PasswordEncoder passwords, Operators operators, Clock clock,
                  @Value("${shequn.login.max-failures:5}") int maxFailures,
                  @Value("${shequn.login.lock-minutes:15}") int lockMinutes,
                  @Value("${shequn.login.slow-step-millis:400}") long slowStepMillis) {
        this.store = store;
        this.passwords = passwords;
        this.operators = operators;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockFor = Duration.ofMinutes(lockMinutes);
        this.slowStep = Duration.ofMillis(slowStepMillis);
        this.unknownAccountHash = passwords.encode("no such account");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var email = Registration.normalizeEmail(authentication.getName());
        var password = String.valueOf(authentication.getCredentials());
        // the login form is read by Spring Security, before the parameter check every other form passes
        var account = ControlCharacters.in(email) ? null : store.byEmail(email).orElse(null);
        if (account == null) {
            passwords.matches(password, unknownAccountHash);
            throw new BadCredentialsException("bad credentials");
        }
        var now = OffsetDateTime.now(clock);
        var until = now.plus(lockFor);
        // counted before the (slow) password check, so a burst of parallel guesses cannot outrun the limit
        var attempt = store.countAttempt(account.id(), now, maxFailures, until);
        if (attempt.isEmpty()) {
            var lockedUntil = store.lockedUntil(account.id()).orElse(until);
            throw new LockedException(String.valueOf(minutesLeft(lockedUntil, now)));
        }
        int earlier = attempt.get() - 1;
        if (earlier >= SLOW_AFTER) {
            pause(slowStep.multipliedBy(earlier - SLOW_AFTER + 1L));
        }
        // an account made by another sign-in method (WeChat) has no password until its person sets one
        if (account.passwordHash() == null || !passwords.matches(password, account.passwordHash())) {
            if (attempt.get() >= maxFailures) {
                throw new LockedException(String.valueOf(minutesLeft(until, now)));
            }
            throw new BadCredentialsException("bad credentials");
        }
        store.clearFailures(account.id());
        var principal = new SignedInAccount(account.id(), account.displayName(),
                operators.isOperator(account.id(), account.email()));
        return authenticated(principal);
    }

    static UsernamePasswordAuthenticationToken authenticated(SignedInAccount principal) {
        var authorities = principal.operator()
                ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_OPERATOR"))
                : List.of(new SimpleGrantedAuthority("ROLE_USER"));
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

    private static long minutesLeft(OffsetDateTime until, OffsetDateTime now) {
        return Math.max(1, (Duration.between(now, until).toSeconds() + 59) / 60);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.compareTo(Duration.ofSeconds(3)) > 0 ? Duration.ofSeconds(3) : duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
