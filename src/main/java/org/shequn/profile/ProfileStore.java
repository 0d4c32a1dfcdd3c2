package org.shequn.profile;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The profiles and profile_items tables. */
@Repository
class ProfileStore {

    /** A stored profile with its education and tags; {@code verifiedCompany/Title} non-null only while verified. */
    record Stored(long accountId, String avatarKey, String bio, String city, String industry, String company,
                  String position, boolean realNameVerified, String verifiedCompany, String verifiedPosition,
                  List<ProfileCard.Education> education, List<String> skills, List<String> interests) {

        static Stored empty(long accountId) {
            return new Stored(accountId, null, null, null, null, null, null, false, null, null,
                    List.of(), List.of(), List.of());
        }

        boolean positionVerified() {
            return verifiedCompany != null && verifiedPosition != null
                    && verifiedCompany.equals(company) && verifiedPosition.equals(position);
        }
    }

    private final JdbcClient jdbc;

    ProfileStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> find(long accountId) {
        return Optional.ofNullable(findAll(List.of(accountId)).get(accountId));
    }

    /** One query: profiles joined with their items. Accounts without a profile row are absent. */
    Map<Long, Stored> findAll(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Builder> builders = new HashMap<>();
        jdbc.sql("""
                select p.account_id, p.avatar_key, p.bio, p.city, p.industry, p.company, p.job_title,
                       p.real_name_verified, p.verified_company, p.verified_job_title,
                       i.kind, i.seq, i.label, i.detail, i.start_year, i.end_year
                from profiles p left join profile_items i on i.account_id = p.account_id
                where p.account_id in (:ids)
                order by p.account_id, i.kind, i.seq""")
                .param("ids", List.copyOf(accountIds))
                .query(rs -> {
                    long id = rs.getLong("account_id");
                    var b = builders.get(id);
                    if (b == null) {
                        b = new Builder(id, rs.getString("avatar_key"), rs.getString("bio"), rs.getString("city"),
                                rs.getString("industry"), rs.getString("company"), rs.getString("job_title"),
                                rs.getBoolean("real_name_verified"), rs.getString("verified_company"),
                                rs.getString("verified_job_title"));
                        builders.put(id, b);
                    }
                    var kind = rs.getString("kind");
                    if ("EDUCATION".equals(kind)) {
                        b.education.add(new ProfileCard.Education(rs.getString("label"), rs.getString("detail"),
                                (Integer) rs.getObject("start_year", Integer.class),
                                (Integer) rs.getObject("end_year", Integer.class)));
                    } else if ("SKILL".equals(kind)) {
                        b.skills.add(rs.getString("label"));
                    } else if ("INTEREST".equals(kind)) {
                        b.interests.add(rs.getString("label"));
                    }
                });
        Map<Long, Stored> result = new HashMap<>();
        builders.forEach((id, b) -> result.put(id, b.build()));
        return result;
    }

    /** Creates the account's empty profile row unless it exists (safe against a concurrent first save). */
    void ensure(long accountId, OffsetDateTime now) {
        jdbc.sql("insert into profiles (account_id, real_name_verified, updated_at) values (?, false, ?) on conflict do nothing")
                .params(accountId, now).update();
    }

    /** Locks the row for the rest of the transaction, so concurrent saves and decisions apply one after the other. */
    Stored lock(long accountId, OffsetDateTime now) {
        ensure(accountId, now);
        jdbc.sql("select account_id from profiles where account_id = ? for update").param(accountId).query(Long.class).single();
        return find(accountId).orElseThrow();
    }

    void update(long accountId, ProfileEditing.Editing e, boolean keepPositionVerification, OffsetDateTime now) {
        jdbc.sql("""
                update profiles set bio = ?, city = ?, industry = ?, company = ?, job_title = ?, updated_at = ?
                where account_id = ?""")
                .params(e.bio(), e.city(), e.industry(), e.company(), e.position(), now, accountId).update();
        if (!keepPositionVerification) {
            jdbc.sql("update profiles set verified_company = null, verified_job_title = null where account_id = ?")
                    .param(accountId).update();
        }
        jdbc.sql("delete from profile_items where account_id = ?").param(accountId).update();
        int seq = 0;
        for (var entry : e.education()) {
            jdbc.sql("""
                    insert into profile_items (account_id, kind, seq, label, detail, start_year, end_year)
                    values (?, 'EDUCATION', ?, ?, ?, ?, ?)""")
                    .params(accountId, seq++, entry.school(), entry.degree(), entry.startYear(), entry.endYear()).update();
        }
        insertTags(accountId, "SKILL", e.skills());
        insertTags(accountId, "INTEREST", e.interests());
    }

    private void insertTags(long accountId, String kind, List<String> tags) {
        int seq = 0;
        for (var tag : tags) {
            jdbc.sql("insert into profile_items (account_id, kind, seq, label) values (?, ?, ?, ?)")
                    .params(accountId, kind, seq++, tag).update();
        }
    }

    void setAvatar(long accountId, String key, OffsetDateTime now) {
        jdbc.sql("update profiles set avatar_key = ?, updated_at = ? where account_id = ?").params(key, now, accountId).update();
    }

    void verifyRealName(long accountId, OffsetDateTime now) {
        jdbc.sql("update profiles set real_name_verified = true, updated_at = ? where account_id = ?").params(now, accountId).update();
    }

    void verifyPosition(long accountId, String company, String position, OffsetDateTime now) {
        jdbc.sql("update profiles set verified_company = ?, verified_job_title = ?, updated_at = ? where account_id = ?")
                .params(company, position, now, accountId).update();
    }

    private static final class Builder {
        final long accountId;
        final String avatarKey, bio, city, industry, company, position, verifiedCompany, verifiedPosition;
        final boolean realNameVerified;
        final List<ProfileCard.Education> education = new ArrayList<>();
        final List<String> skills = new ArrayList<>();
        final List<String> interests = new ArrayList<>();

        Builder(long accountId, String avatarKey, String bio, String city, String industry, String company,
                String position, boolean realNameVerified, String verifiedCompany, String verifiedPosition) {
            this.accountId = accountId;
            this.avatarKey = avatarKey;
            this.bio = bio;
            this.city = city;
            this.industry = industry;
            this.company = company;
            this.position = position;
            this.realNameVerified = realNameVerified;
            this.verifiedCompany = verifiedCompany;
            this.verifiedPosition = verifiedPosition;
        }

        Stored build() {
            return new Stored(accountId, avatarKey, bio, city, industry, company, position, realNameVerified,
                    verifiedCompany, verifiedPosition, List.copyOf(education), List.copyOf(skills), List.copyOf(interests));
        }
    }
}
