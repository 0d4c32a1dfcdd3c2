package org.shequn.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.shequn.shared.Rejection;
import org.shequn.shared.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what is decided in each use case (so the rule sits next to the action it guards and is
 * tested through the role matrix); this chain only establishes who the caller is, protects forms with
 * CSRF tokens and sets the browser's safety headers.
 */
@Configuration
class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder(@Value("${shequn.security.bcrypt-strength:11}") int strength) {
        return new BCryptPasswordEncoder(strength);
    }

    /**
     * No observation of each security filter, authentication and authorization. With an observation registry
     * present (the actuator's), Spring Security wraps every filter of the chain in an observation of its own,
     * for spans nobody exports. Turning those observations off by name ({@code management.observations.enable})
     * still left every filter wrapped; these settings leave the chain unwrapped: 15-25% less JVM time per feed
     * page and search (docs/benchmarks.md). Requests as a whole ({@code http.server.requests}) are observed only when
     * {@code SHEQUN_HTTP_OBSERVATIONS} is true (application.yml).
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    /** The token lives in a cookie, not the session: anonymous visitors and API scripts create no session rows. */
    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        return new CookieCsrfTokenRepository();
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http, PasswordLogin passwordLogin, ApiTokens tokens, AccountStore store,
                            Operators operators, Problems problems, JsonMapper json,
                            SecurityContextRepository contexts, CsrfTokenRepository csrfTokens) throws Exception {
        AuthenticationEntryPoint entryPoint = (request, response, e) -> {
            if (Problems.isApi(request)) {
                writeProblem(json, problems, request, response, Rejection.unauthenticated());
            } else {
                response.sendRedirect("/login?next=" + URLEncoder.encode(request.getRequestURI(), StandardCharsets.UTF_8));
            }
        };
        AccessDeniedHandler denied = (request, response, e) -> {
            if (Problems.isApi(request)) {
                writeProblem(json, problems, request, response, Rejection.forbidden("problem.csrf"));
            } else {
                response.sendRedirect(request.getRequestURI().equals("/logout") ? "/" : "/login?expired");
            }
        };
        http
                .authenticationProvider(passwordLogin)
                .securityContext(c -> c.securityContextRepository(contexts))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                // signing in creates a session (and, like every sign-in, a new CSRF token: SignIn.intoSession)
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).ignoringRequestMatchers(
                        BearerTokenAuthentication::hasBearer,
                        request -> request.getRequestURI().startsWith("/api/v1/auth/"),
                        // Without a session cookie an API call carries no ambient authority to forge.
                        request -> Problems.isApi(request) && !hasSessionCookie(request)))
                .addFilterBefore(new BearerTokenAuthentication(tokens, operators, entryPoint),
                        UsernamePasswordAuthenticationFilter.class)
                .formLogin(form -> form
                        .loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .successHandler((request, response, auth) -> response.sendRedirect(SignIn.safeNext(request.getParameter("next"))))
                        .failureHandler((request, response, e) -> response.sendRedirect(loginFailure(request, e))))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    private static boolean hasSessionCookie(HttpServletRequest request) {
        var cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (var cookie : cookies) {
            if ("SESSION".equals(cookie.getName())) {
                return true;
            }
        }
        return false;
    }

    private static String loginFailure(HttpServletRequest request, AuthenticationException e) {
        var next = request.getParameter("next");
        var suffix = next == null ? "" : "&next=" + URLEncoder.encode(SignIn.safeNext(next), StandardCharsets.UTF_8);
        if (e instanceof LockedException) {
            return "/login?error=locked&minutes=" + e.getMessage() + suffix;
        }
        return "/login?error=bad" + suffix;
    }

    static void writeProblem(JsonMapper json, Problems problems, HttpServletRequest request,
                             HttpServletResponse response, Rejection rejection) throws IOException {
        var body = problems.of(rejection, RequestContextUtils.getLocale(request), request);
        response.setStatus(rejection.kind().status());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), body);
    }
}
