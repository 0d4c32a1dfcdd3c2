package org.shequn.wechat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.shequn.identity.ExternalSignIn;
import org.shequn.identity.SignIn;
import org.shequn.identity.SignedInAccount;
import org.shequn.shared.PublicUrls;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * WeChat sign-in from start to finish: where the browser goes ({@link #begin}), what a returning browser must
 * bring back ({@link #check}), and what the person WeChat names means ({@link #finish}): their account signs in;
 * a newcomer gets an account named after their nickname; a signed-in person binds WeChat to their account.
 * Unbinding is refused while WeChat is the account's only way in.
 */
@Service
public class WeChatLogin {

    /** What became of a finished sign-in; {@code account} is whom to sign in (or who is signed in, for binds). */
    public record Outcome(Kind kind, SignedInAccount account, String nickname) {
        public enum Kind { SIGNED_IN, CREATED, BOUND, ALREADY_BOUND }
    }

    static final String CALLBACK = "/login/wechat/callback";

    private final WeChatSettings settings;
    private final WeChatClient client;
    private final WeChatIdentityStore store;
    private final WeChatSignInMethod method;
    private final ExternalSignIn accounts;
    private final PublicUrls urls;
    private final TransactionTemplate transactions;
    private final Clock clock;

    WeChatLogin(WeChatSettings settings, WeChatClient client, WeChatIdentityStore store, WeChatSignInMethod method,
                ExternalSignIn accounts, PublicUrls urls, TransactionTemplate transactions, Clock clock) {
        this.settings = settings;
        this.client = client;
        this.store = store;
        this.method = method;
        this.accounts = accounts;
        this.urls = urls;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Off (no app id or secret): every WeChat endpoint is a 404. */
    public void requireEnabled() {
        if (!settings.enabled()) {
            throw Rejection.notFound("wechat.off");
        }
    }

    /**
     * A new trip to WeChat: signing in, or, for a signed-in viewer, binding to their account (and back to their
     * settings unless told otherwise).
     */
    public WeChatAttempt begin(Viewer viewer, String next) {
        requireEnabled();
        var back = SignIn.safeNext(next);
        if (viewer == null) {
            return WeChatAttempt.start(null, back, clock.instant());
        }
        return WeChatAttempt.start(viewer.accountId(), "/".equals(back) ? "/settings/account" : back, clock.instant());
    }

    /** WeChat's QR-code page for this attempt; it sends the browser back to our callback with a code and the state. */
    public String authorizeUrl(WeChatAttempt attempt) {
        var separator = settings.authorizeUrl().contains("?") ? "&" : "?";
        return settings.authorizeUrl() + separator + "appid=" + enc(settings.appId())
                + "&redirect_uri=" + enc(urls.of(CALLBACK)) + "&response_type=code&scope=snsapi_login"
                + "&state=" + enc(attempt.state()) + "#wechat_redirect";
    }

    /**
     * The browser's way back: the attempt its session held (already given up by the caller, so a state works
     * once), the state WeChat returned, and a code unless the person declined. Refused before WeChat is asked.
     */
    public void check(WeChatAttempt attempt, String state, String code, Viewer viewer) {
        requireEnabled();
        if (attempt == null || !attempt.accepts(state, viewer == null ? null : viewer.accountId(), clock.instant())) {
            throw Rejection.forbidden("wechat.state.invalid");
        }
        if (code == null || code.isBlank()) {
            throw Rejection.forbidden("wechat.declined");
        }
    }

    /** The person behind the code, as WeChat tells it; "微信登录失败，请重试" when WeChat refuses the code. */
    public WeChatUser identify(String code) {
        requireEnabled();
        return client.exchange(code);
    }

    /**
     * Signs in, creates or binds, in one transaction. Two first sign-ins of one person at once both try to make
     * an account; the unique indexes let one win, and the other, run again, finds its account and signs in.
     */
    public Outcome finish(WeChatUser user, Viewer viewer) {
        requireEnabled();
        try {
            return transactions.execute(tx -> decide(user, viewer));
        } catch (DuplicateKeyException raced) {
            try {
                return transactions.execute(tx -> decide(user, viewer));
            } catch (DuplicateKeyException again) {
                throw Rejection.conflict("wechat.bound.elsewhere");
            }
        }
    }

    private Outcome decide(WeChatUser user, Viewer viewer) {
        var now = OffsetDateTime.now(clock);
        var known = store.of(user);
        if (viewer == null) {
            if (known.isPresent()) {
                store.refresh(known.get().id(), user);
                var account = accounts.account(known.get().accountId()).orElseThrow(WeChatClient::failed);
                return new Outcome(Outcome.Kind.SIGNED_IN, account, user.nickname());
            }
            var account = accounts.newAccount(user.nickname());
            store.bind(account.accountId(), user, now);
            return new Outcome(Outcome.Kind.CREATED, account, user.nickname());
        }
        var self = accounts.account(viewer.accountId()).orElseThrow(Rejection::unauthenticated);
        if (known.isPresent()) {
            if (known.get().accountId() != viewer.accountId()) {
                throw Rejection.conflict("wechat.bound.elsewhere");
            }
            store.refresh(known.get().id(), user);
            return new Outcome(Outcome.Kind.ALREADY_BOUND, self, user.nickname());
        }
        if (store.ofAccount(viewer.accountId()).isPresent()) {
            throw Rejection.conflict("wechat.bound.another");
        }
        store.bind(viewer.accountId(), user, now);
        return new Outcome(Outcome.Kind.BOUND, self, user.nickname());
    }

    /** Unbinds the viewer's WeChat and answers the nickname it had; refused while it is the only way in. */
    public String unbind(Viewer viewer) {
        requireEnabled();
        Viewer.require(viewer);
        return transactions.execute(tx -> {
            var bound = store.ofAccount(viewer.accountId()).orElseThrow(() -> Rejection.notFound("wechat.unbind.none"));
            if (!accounts.canSignInWithout(viewer.accountId(), method)) {
                throw Rejection.conflict("wechat.unbind.onlyWay");
            }
            store.unbind(viewer.accountId());
            return bound.nickname();
        });
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
