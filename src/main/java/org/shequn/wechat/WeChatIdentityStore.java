package org.shequn.wechat;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.shequn.shared.jdbc.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The wechat_identities table: which WeChat person is bound to which account. */
@Repository
class WeChatIdentityStore {

    record Bound(long id, long accountId, String unionid, String openid, String nickname, OffsetDateTime boundAt) {
    }

    private static final String COLUMNS = "id, account_id, unionid, openid, nickname, bound_at";

    private final JdbcClient jdbc;

    WeChatIdentityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** By unionid first (the same across the platform's apps), then openid (for rows that never had a unionid). */
    Optional<Bound> of(WeChatUser user) {
        if (user.unionid() != null) {
            var byUnion = jdbc.sql("select " + COLUMNS + " from wechat_identities where unionid = ?")
                    .param(user.unionid()).query(Rows.of(Bound.class)).optional();
            if (byUnion.isPresent()) {
                return byUnion;
            }
        }
        return jdbc.sql("select " + COLUMNS + " from wechat_identities where openid = ?")
                .param(user.openid()).query(Rows.of(Bound.class)).optional();
    }

    Optional<Bound> ofAccount(long accountId) {
        return jdbc.sql("select " + COLUMNS + " from wechat_identities where account_id = ?")
                .param(accountId).query(Rows.of(Bound.class)).optional();
    }

    /** Throws {@code DuplicateKeyException} when the person or the account is bound already. */
    void bind(long accountId, WeChatUser user, OffsetDateTime now) {
        jdbc.sql("""
                insert into wechat_identities (account_id, unionid, openid, nickname, bound_at)
                values (?, ?, ?, ?, ?)""")
                .params(accountId, user.unionid(), user.openid(), user.nickname(), now).update();
    }

    /** What WeChat says now: a nickname changed there, a unionid that appeared when the app joined a platform. */
    void refresh(long id, WeChatUser user) {
        jdbc.sql("update wechat_identities set unionid = coalesce(cast(? as varchar(64)), unionid), openid = ?, nickname = ? where id = ?")
                .params(user.unionid(), user.openid(), user.nickname(), id).update();
    }

    int unbind(long accountId) {
        return jdbc.sql("delete from wechat_identities where account_id = ?").param(accountId).update();
    }
}
