package org.shequn.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.shequn.shared.ProblemKind;
import org.shequn.shared.Rejection;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Signing in, for the web package: an email and password exchanged for the account (as the login form does, with
 * the same lockout), a new account put into the browser's session, and where a sign-in may lead back to. The
 * security chain itself is {@link SecurityConfig}'s; this keeps its parts ({@link PasswordLogin}) inside the module.
 */
@Component
public class SignIn {

    private final PasswordLogin passwordLogin;
    private final SecurityContextRepository contexts;
    private final CsrfAuthenticationStrategy newCsrfToken;

    SignIn(PasswordLogin passwordLogin, SecurityContextRepository contexts, CsrfTokenRepository csrfTokens) {
        this.passwordLogin = passwordLogin;
        this.contexts = contexts;
        this.newCsrfToken = new CsrfAuthenticationStrategy(csrfTokens);
    }

    /** The account behind an email and password: 401 for a wrong pair, 429 while the account is locked. */
    public SignedInAccount withPassword(String email, String password) {
        try {
            return (SignedInAccount) passwordLogin.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(email, password)).getPrincipal();
        } catch (LockedException e) {
            throw new Rejection(ProblemKind.RATE_LIMITED, "identity.login.locked", List.of(), e.getMessage());
        } catch (BadCredentialsException e) {
            throw new Rejection(ProblemKind.UNAUTHENTICATED, "identity.login.bad", List.of());
        }
    }

    /**
     * Makes the account the one signed in on this browser, as the login form does: under a new session id (no
     * session fixation) and with a new CSRF token (a token read before signing in, by someone who planted it, is
     * worthless after).
     */
    public void intoSession(SignedInAccount account, HttpServletRequest request, HttpServletResponse response) {
        var authentication = PasswordLogin.authenticated(account);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        newCsrfToken.onAuthentication(authentication, request, response);
        contexts.saveContext(context, request, response);
    }

    /**
     * Only a path on this site may be a post-login target, never another site. Control, space and format
     * characters and backslashes are refused too: browsers drop or reinterpret them ({@code /\t/evil} becomes
     * {@code //evil}), and a line break in a {@code Location} header is refused by the server with a 500.
     */
    public static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/login")
                || next.length() > 500 || next.chars().anyMatch(SignIn::unsafeInPath)) {
            return "/";
        }
        return next;
    }

    private static boolean unsafeInPath(int c) {
        return c == '\\' || Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT;
    }
}
