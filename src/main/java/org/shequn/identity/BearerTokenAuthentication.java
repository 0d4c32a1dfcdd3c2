package org.shequn.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Signs a request in by its {@code Authorization: Bearer shq_…} header; a bad token is a 401, never anonymous. */
class BearerTokenAuthentication extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final Operators operators;
    private final AuthenticationEntryPoint entryPoint;

    BearerTokenAuthentication(ApiTokens tokens, Operators operators, AuthenticationEntryPoint entryPoint) {
        this.tokens = tokens;
        this.operators = operators;
        this.entryPoint = entryPoint;
    }

    static boolean hasBearer(HttpServletRequest request) {
        var header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        var token = request.getHeader("Authorization").substring(7).strip();
        var holder = tokens.holderOf(token).orElse(null);
        if (holder == null) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("invalid token"));
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(PasswordLogin.authenticated(new SignedInAccount(holder.accountId(),
                holder.displayName(), operators.isOperator(holder.accountId(), holder.email()))));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
