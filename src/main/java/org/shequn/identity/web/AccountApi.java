package org.shequn.identity.web;

import java.net.URI;
import java.util.List;
import org.shequn.identity.ApiTokens;
import org.shequn.identity.PasswordChange;
import org.shequn.identity.Registering;
import org.shequn.identity.Registration;
import org.shequn.identity.SignIn;
import org.shequn.identity.view.IssuedToken;
import org.shequn.identity.view.TokenView;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Accounts over the API: register, exchange a password for a token, manage one's own tokens. */
@RestController
@RequestMapping("/api/v1")
class AccountApi {

    record AccountView(long id, String displayName, boolean operator) {
    }

    record PasswordGrant(String email, String password, String name) {
    }

    private final Registration registration;
    private final SignIn signIn;
    private final PasswordChange passwordChange;
    private final ApiTokens tokens;

    AccountApi(Registration registration, SignIn signIn, PasswordChange passwordChange, ApiTokens tokens) {
        this.registration = registration;
        this.signIn = signIn;
        this.passwordChange = passwordChange;
        this.tokens = tokens;
    }

    @PostMapping("/auth/register")
    ResponseEntity<AccountView> register(@RequestBody Registering body) {
        var account = registration.register(body);
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + account.accountId()))
                .body(new AccountView(account.accountId(), account.displayName(), account.operator()));
    }

    /** For scripts: email and password in, a new personal token out (same throttling as the login form). */
    @PostMapping("/auth/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedToken passwordGrant(@RequestBody PasswordGrant body) {
        if (body.email() == null || body.password() == null) {
            throw Rejection.invalid(List.of(new Rejection.FieldProblem("email", "validation.required"),
                    new Rejection.FieldProblem("password", "validation.required")));
        }
        var account = signIn.withPassword(body.email(), body.password());
        return tokens.issue(account.accountId(), new ApiTokens.Naming(body.name() == null ? "api" : body.name()));
    }

    @GetMapping("/me")
    AccountView me(@AuthenticationPrincipal Viewer viewer) {
        Viewer.require(viewer);
        return new AccountView(viewer.accountId(), viewer.displayName(), viewer.operator());
    }

    @PutMapping("/me/password")
    ResponseEntity<Void> changePassword(@AuthenticationPrincipal Viewer viewer, @RequestBody PasswordChange.Changing body) {
        passwordChange.change(Viewer.require(viewer).accountId(), body);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me/tokens")
    List<TokenView> listTokens(@AuthenticationPrincipal Viewer viewer) {
        return tokens.list(Viewer.require(viewer).accountId());
    }

    @PostMapping("/me/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedToken createToken(@AuthenticationPrincipal Viewer viewer, @RequestBody ApiTokens.Naming body) {
        return tokens.issue(Viewer.require(viewer).accountId(), body);
    }

    @DeleteMapping("/me/tokens/{id}")
    ResponseEntity<Void> revokeToken(@AuthenticationPrincipal Viewer viewer, @PathVariable long id) {
        tokens.revoke(Viewer.require(viewer).accountId(), id);
        return ResponseEntity.noContent().build();
    }
}
