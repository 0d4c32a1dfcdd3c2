package org.shequn.directory;

import java.util.List;
import org.shequn.identity.AccountSummary;
import org.shequn.shared.text.LikePattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * {@link MemberNames} over the directory's entries. The match scans the community's entries
 * (directory_entries_page_ix narrows to the community): fine for the sizes a community has.
 */
@Service
class DirectoryNames implements MemberNames {

    private final JdbcClient jdbc;

    DirectoryNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<AccountSummary> matching(long communityId, String text, int limit) {
        return jdbc.sql("""
                select account_id, display_name from directory_entries
                where community_id = ? and lower(display_name) like ? escape '\\'
                order by case when lower(display_name) like ? escape '\\' then 0 else 1 end, length(display_name),
                    display_name, account_id""" + " limit " + Math.max(1, Math.min(limit, 50)))
                .params(communityId, LikePattern.containing(text), LikePattern.startingWith(text))
                .query((rs, n) -> new AccountSummary(rs.getLong("account_id"), rs.getString("display_name"))).list();
    }
}
