package org.shequn.identity;

import java.util.Optional;

/**
 * A way to sign in other than email and password, offered by another module (wechat): identity's sign-in and
 * register pages show its button, the settings page its binding, and an account may drop it only while another
 * way remains ({@link ExternalSignIn#canSignInWithout}). Identity declares it so it never depends on those modules.
 */
public interface SignInMethod {

    /** The button on the sign-in and register pages, leading back to {@code next} afterwards; empty while off. */
    Optional<SignInButton> button(String next);

    /** The account's binding as the settings page shows it; empty while the method is off. */
    Optional<SignInBinding> binding(long accountId);

    /** Whether the account can sign in this way now (bound, and the method on). */
    boolean signsIn(long accountId);
}
