package org.shequn.membership;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.shequn.community.CommunityInfo;
import org.shequn.community.CommunityRole;
import org.shequn.shared.Rejection;

/**
 * Who the viewer is in one community, read fresh for this request by {@link CommunityGate}: the community (none
 * when the slug names no community), the viewer (none when anonymous), their role (none for an outsider),
 * whether they are banned, until when they are muted, and the community's member count.
 *
 * <p>Every module asks it the same questions in the same order, so every endpoint refuses the same way: 401
 * (not signed in), then 404 (no such community), then 403 (not allowed here), then 409 (the community is
 * archived). Each {@code require…} returns this standing, so a use case reads as its rule:
 * {@code gate.of(viewer, slug).requireRunner("content.curation.runnersOnly").requireWritable()}.
 */
public final class Standing {

    private final CommunityInfo community;
    private final Long accountId;
    private final int memberCount;
    private final CommunityRole role;
    private final boolean banned;
    private final OffsetDateTime mutedUntil;
    /** When a paid membership's term ended, if it has: the viewer is then not a member, but may renew. */
    private final OffsetDateTime expiredAt;
    /** The viewer's sub-group in this community (at most one), and whether they lead it. */
    private final Long subgroupId;
    private final boolean leadsSubgroup;

    private static final ZoneId SHOWN_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    Standing(CommunityInfo community, Long accountId, int memberCount, CommunityRole role, boolean banned,
             OffsetDateTime mutedUntil) {
        this(community, accountId, memberCount, role, banned, mutedUntil, null);
    }

    /**
     * With a membership whose paid term ended at {@code expiredAt}: the role is kept out of sight (not a member for
     * any check) and every member-only refusal says the term ended and where to renew.
     */
    Standing(CommunityInfo community, Long accountId, int memberCount, CommunityRole role, boolean banned,
             OffsetDateTime mutedUntil, OffsetDateTime expiredAt) {
        this(community, accountId, memberCount, role, banned, mutedUntil, expiredAt, null, false);
    }

    /** With the viewer's sub-group (none outside one) and whether they lead it, read in the same statement. */
    Standing(CommunityInfo community, Long accountId, int memberCount, CommunityRole role, boolean banned,
             OffsetDateTime mutedUntil, OffsetDateTime expiredAt, Long subgroupId, boolean leadsSubgroup) {
        this.subgroupId = expiredAt == null && role != null ? subgroupId : null;
        this.leadsSubgroup = this.subgroupId != null && leadsSubgroup;
        this.community = community;
        this.accountId = accountId;
        this.memberCount = memberCount;
        this.role = expiredAt == null ? role : null;
        this.banned = banned;
        this.mutedUntil = mutedUntil;
        this.expiredAt = expiredAt;
    }

    /** The community must exist; for what anyone may see (its about page, how to join). */
    public Standing requireCommunity() {
        if (community == null) {
            throw Rejection.notFound("community.notFound");
        }
        return this;
    }

    /** Signed in, and the community exists: for joining and applying. */
    public Standing requireSignedIn() {
        if (accountId == null) {
            throw Rejection.unauthenticated();
        }
        return requireCommunity();
    }

    public Standing requireMember() {
        return requireMember("membership.membersOnly");
    }

    /** A member in any role; {@code refusal} is the message key an outsider or a banned account is shown. */
    public Standing requireMember(String refusal) {
        requireSignedIn();
        if (role == null && expiredAt != null) {
            throw Rejection.forbidden("membership.expired", expiredAt.atZoneSameInstant(SHOWN_ZONE).format(SHOWN))
                    .withAction("/c/" + community.slug() + "/entry", "membership.renew");
        }
        if (role == null) {
            throw Rejection.forbidden(refusal);
        }
        return this;
    }

    public Standing requireRunner() {
        return requireRunner("membership.runnersOnly");
    }

    /** The owner or an admin: those who run the community day to day. */
    public Standing requireRunner(String refusal) {
        requireMember(refusal);
        if (!role.runsCommunity()) {
            throw Rejection.forbidden(refusal);
        }
        return this;
    }

    /**
     * Who decides applications to join: the owner and admins, and core members too when the community governs
     * itself ({@code GovernanceMode.AUTONOMOUS}).
     */
    public Standing requireAdmitter(String refusal) {
        requireMember(refusal);
        if (!role.runsCommunity() && !(role == CommunityRole.CORE && community.governance().coreMembersAdmit())) {
            throw Rejection.forbidden(refusal);
        }
        return this;
    }

    public Standing requireOwner() {
        return requireOwner("community.ownerOnly");
    }

    public Standing requireOwner(String refusal) {
        requireMember(refusal);
        if (role != CommunityRole.OWNER) {
            throw Rejection.forbidden(refusal);
        }
        return this;
    }

    public Standing requireWritable() {
        return requireWritable("community.archived");
    }

    /** Nothing changes in an archived community; checked after who may act, so a stranger learns nothing more. */
    public Standing requireWritable(String refusal) {
        requireCommunity();
        if (community.archived()) {
            throw Rejection.conflict(refusal);
        }
        return this;
    }

    /** The community; only after {@link #requireCommunity()} or a stronger check. */
    public CommunityInfo community() {
        if (community == null) {
            throw new IllegalStateException("no community: call requireCommunity() first");
        }
        return community;
    }

    public boolean exists() {
        return community != null;
    }

    public long communityId() {
        return community().id();
    }

    /** How many members the community has, read with the standing. */
    public int memberCount() {
        return memberCount;
    }

    public boolean signedIn() {
        return accountId != null;
    }

    /** The viewer's account; only after {@link #requireSignedIn()} or a stronger check. */
    public long accountId() {
        if (accountId == null) {
            throw new IllegalStateException("anonymous: call requireSignedIn() first");
        }
        return accountId;
    }

    /** The viewer's role, empty for an outsider or an anonymous visitor. */
    public Optional<CommunityRole> role() {
        return Optional.ofNullable(role);
    }

    public boolean member() {
        return role != null;
    }

    public boolean runs() {
        return role != null && role.runsCommunity();
    }

    public boolean owner() {
        return role == CommunityRole.OWNER;
    }

    /** True when the viewer's paid membership term has ended (they are then not a member, and may renew). */
    public boolean expired() {
        return expiredAt != null;
    }

    /** When the viewer's paid term ended, if it has. */
    public Optional<OffsetDateTime> expiredAt() {
        return Optional.ofNullable(expiredAt);
    }

    public boolean banned() {
        return banned;
    }

    /** When the viewer's mute ends, if they are muted in this community now. */
    public Optional<OffsetDateTime> mutedUntil(OffsetDateTime now) {
        return mutedUntil != null && mutedUntil.isAfter(now) ? Optional.of(mutedUntil) : Optional.empty();
    }

    /**
     * Refuses a muted member (403), saying when the mute ends in China time, the community's clock: a muted member
     * may not post, comment, edit or react until then.
     */
    public Standing requireNotMuted(OffsetDateTime now, String refusal) {
        var until = mutedUntil(now);
        if (until.isPresent()) {
            throw Rejection.forbidden(refusal, until.get().atZoneSameInstant(SHOWN_ZONE).format(SHOWN));
        }
        return this;
    }

    /** The viewer's sub-group in this community, empty outside one (and for anyone who is not a member). */
    public Optional<Long> subgroupId() {
        return Optional.ofNullable(subgroupId);
    }

    /** Whether the viewer leads their sub-group ({@link #subgroupId()}). */
    public boolean leadsSubgroup() {
        return leadsSubgroup;
    }

    /** Whether the viewer is a member of sub-group {@code id}. */
    public boolean inSubgroup(long id) {
        return subgroupId != null && subgroupId == id;
    }

    /** Whether the viewer leads sub-group {@code id}. */
    public boolean leads(long id) {
        return leadsSubgroup && inSubgroup(id);
    }

    /** Whether the viewer sees what is scoped to {@code scope}: {@link Scope#visibleTo(Standing)}. */
    public boolean sees(Scope scope) {
        return scope.visibleTo(this);
    }
}
