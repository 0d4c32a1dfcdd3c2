package org.shequn.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Whether an invitation still lets people in, read from its row at a moment. */
class InvitationStateTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 2, 12, 0, 0, 0, ZoneOffset.UTC);

    private static InvitationStore.InvitationRow invitation(OffsetDateTime expiresAt, Integer maxUses, int uses,
                                                            OffsetDateTime revokedAt) {
        return new InvitationStore.InvitationRow(1, 7, "abc123", 42, NOW.minusDays(1), expiresAt, maxUses, uses, revokedAt);
    }

    @Test
    void anInvitationWithoutLimitsWorksForever() {
        assertThat(InvitationState.of(invitation(null, null, 0, null), NOW)).isEqualTo(InvitationState.ACTIVE);
        assertThat(InvitationState.of(invitation(null, null, 10_000, null), NOW.plusYears(10)))
                .isEqualTo(InvitationState.ACTIVE);
    }

    @Test
    void anInvitationWorksUntilItsLastMoment() {
        assertThat(InvitationState.of(invitation(NOW.plusSeconds(1), null, 0, null), NOW)).isEqualTo(InvitationState.ACTIVE);
    }

    @Test
    void anExpiredInvitationCannotBeUsed() {
        assertThat(InvitationState.of(invitation(NOW.minusSeconds(1), null, 0, null), NOW)).isEqualTo(InvitationState.EXPIRED);
    }

    @Test
    void anInvitationExpiresAtTheMomentItsTimeRunsOut() {
        assertThat(InvitationState.of(invitation(NOW, null, 0, null), NOW)).isEqualTo(InvitationState.EXPIRED);
    }

    @Test
    void theSameInvitationExpiresAsTimePasses() {
        var invitation = invitation(NOW.plusHours(24), 5, 1, null);
        assertThat(InvitationState.of(invitation, NOW)).isEqualTo(InvitationState.ACTIVE);
        assertThat(InvitationState.of(invitation, NOW.plusHours(25))).isEqualTo(InvitationState.EXPIRED);
    }

    @Test
    void anInvitationWorksUntilItsLastUse() {
        assertThat(InvitationState.of(invitation(null, 3, 2, null), NOW)).isEqualTo(InvitationState.ACTIVE);
    }

    @Test
    void aUsedUpInvitationCannotBeUsed() {
        assertThat(InvitationState.of(invitation(null, 3, 3, null), NOW)).isEqualTo(InvitationState.USED_UP);
        assertThat(InvitationState.of(invitation(null, 1, 1, null), NOW)).isEqualTo(InvitationState.USED_UP);
    }

    @Test
    void aRevokedInvitationCannotBeUsedEvenWithUsesAndTimeLeft() {
        assertThat(InvitationState.of(invitation(NOW.plusDays(3), 10, 0, NOW.minusMinutes(5)), NOW))
                .isEqualTo(InvitationState.REVOKED);
        assertThat(InvitationState.of(invitation(null, null, 0, NOW.minusMinutes(5)), NOW)).isEqualTo(InvitationState.REVOKED);
    }

    @Test
    void aRevocationIsToldBeforeExpiryAndExpiryBeforeUsingUp() {
        assertThat(InvitationState.of(invitation(NOW.minusDays(1), 1, 1, NOW.minusDays(2)), NOW))
                .isEqualTo(InvitationState.REVOKED);
        assertThat(InvitationState.of(invitation(NOW.minusDays(1), 1, 1, null), NOW)).isEqualTo(InvitationState.EXPIRED);
    }

    @Test
    void anActiveInvitationClosesByRevocationByTimeOrByItsLastUse() {
        var active = invitation(NOW.plusHours(1), 2, 1, null);
        assertThat(InvitationState.of(active, NOW)).isEqualTo(InvitationState.ACTIVE);
        var revoked = invitation(active.expiresAt(), active.maxUses(), active.uses(), NOW);
        assertThat(InvitationState.of(revoked, NOW)).isEqualTo(InvitationState.REVOKED);
        assertThat(InvitationState.of(active, NOW.plusHours(1))).isEqualTo(InvitationState.EXPIRED);
        var usedOnceMore = invitation(active.expiresAt(), active.maxUses(), active.uses() + 1, null);
        assertThat(InvitationState.of(usedOnceMore, NOW)).isEqualTo(InvitationState.USED_UP);
    }

    @Test
    void noStateLeadsBackToActive() {
        // an invitation's row only gains uses, a revocation and elapsed time: each later reading is at least as closed
        var revoked = invitation(null, 2, 0, NOW);
        var expired = invitation(NOW.minusSeconds(1), 2, 0, null);
        var usedUp = invitation(null, 2, 2, null);
        for (var later : new OffsetDateTime[] {NOW, NOW.plusDays(1), NOW.plusYears(1)}) {
            assertThat(InvitationState.of(revoked, later)).isEqualTo(InvitationState.REVOKED);
            assertThat(InvitationState.of(expired, later)).isEqualTo(InvitationState.EXPIRED);
            assertThat(InvitationState.of(usedUp, later)).isEqualTo(InvitationState.USED_UP);
        }
    }
}
