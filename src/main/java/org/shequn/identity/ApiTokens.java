package org.shequn.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.shequn.identity.view.IssuedToken;
import org.shequn.identity.view.TokenView;
import org.shequn.shared.Rejection;
import org.shequn.shared.Validation;
import org.shequn.shared.jdbc.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: random 256-bit secrets shown once; only their SHA-256 is stored, so a database
 * leak does not leak usable tokens. An account may hold at most {@value #MAX_ACTIVE} active tokens.
 */
@Service
public class ApiTokens {

    static final int MAX_ACTIVE = 20;
    static final String PREFIX = "shq_";

    public record Naming(@NotBlank @Size(max = 60)
                  @Pattern(regexp = "^[^\\p{Cntrl}]*$", message = "{validation.noControlCharacters}") String name) {
    }

    private final JdbcClient jdbc;
    private final Validation validation;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, Validation validation, Clock clock) {
        this.jdbc = jdbc;
        this.validation = validation;
        this.clock = clock;
    }

    @Transactional
    public IssuedToken issue(long accountId, Naming naming) {
        validation.check(naming);
        var active = jdbc.sql("select count(*) from api_tokens where account_id = ? and revoked_at is null")
                .param(accountId).query(Integer.class).single();
        if (active >= MAX_ACTIVE) {
            throw Rejection.conflict("identity.token.tooMany", MAX_ACTIVE);
        }
        var bytes = new byte[32];
        random.nextBytes(bytes);
        var secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var now = OffsetDateTime.now(clock);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into api_tokens (account_id, name, token_hash, token_prefix, created_at)
                values (?, ?, ?, ?, ?)""")
                .params(accountId, naming.name().strip(), sha256(secret), secret.substring(0, 12), now)
                .update(keys, "id");
        return new IssuedToken(keys.getKeyAs(Number.class).longValue(), naming.name().strip(), secret, now);
    }

    public List<TokenView> list(long accountId) {
        return jdbc.sql("""
                select id, name, token_prefix, created_at, last_used_at from api_tokens
                where account_id = ? and revoked_at is null order by id desc""")
                .param(accountId).query(Rows.of(TokenView.class)).list();
    }

    @Transactional
    public void revoke(long accountId, long tokenId) {
        int changed = jdbc.sql("update api_tokens set revoked_at = ? where id = ? and account_id = ? and revoked_at is null")
                .params(OffsetDateTime.now(clock), tokenId, accountId).update();
        if (changed == 0) {
            throw Rejection.notFound("identity.token.notFound");
        }
        holders.asMap().values().removeIf(holder -> holder.tokenId() == tokenId);
    }

    /** The holder of a valid, unrevoked token. */
    record Holder(long tokenId, long accountId, String email, String displayName) {
    }

    /**
     * Holders found in the last few seconds, by token hash: an API client sends its token with every request,
     * and the lookup was one query per request. Revoking evicts the token here at once; another node may
     * still accept it for up to {@link #HOLDER_TTL}. Unknown tokens are not remembered (a miss costs a query).
     */
    static final java.time.Duration HOLDER_TTL = java.time.Duration.ofSeconds(10);
    private final com.github.benmanes.caffeine.cache.Cache<String, Holder> holders =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .expireAfterWrite(HOLDER_TTL).maximumSize(10_000).build();

    /** When this node last recorded each token's use; bounds the writes to one per token per minute per node. */
    private final java.util.concurrent.ConcurrentHashMap<Long, Long> lastTouched = new java.util.concurrent.ConcurrentHashMap<>();

    Optional<Holder> holderOf(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        var hash = sha256(token);
        var cached = holders.getIfPresent(hash);
        if (cached != null) {
            touch(cached);
            return Optional.of(cached);
        }
        var found = jdbc.sql("""
                select t.id as token_id, a.id as account_id, a.email, a.display_name
                from api_tokens t join accounts a on a.id = t.account_id
                where t.token_hash = ? and t.revoked_at is null""")
                .param(hash)
                .query((rs, n) -> new Holder(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .optional();
        found.ifPresent(holder -> {
            holders.put(hash, holder);
            touch(holder);
        });
        return found;
    }

    private void touch(Holder holder) {
        long nowMillis = clock.millis();
        var previous = lastTouched.get(holder.tokenId());
        if (previous != null && nowMillis - previous < 60_000) {
            return;
        }
        lastTouched.put(holder.tokenId(), nowMillis);
        var now = OffsetDateTime.now(clock);
        jdbc.sql("update api_tokens set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
                .params(now, holder.tokenId(), now.minusMinutes(1)).update();
    }

    static String sha256(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
