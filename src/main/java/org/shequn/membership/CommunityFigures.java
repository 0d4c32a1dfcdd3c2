package org.shequn.membership;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Membership's figures for those who run a community (the to-do centre): who waits for an answer, who joined this
 * week, and the member count week by week. The caller has passed the gate as a runner.
 */
@Service
public class CommunityFigures {

    /** Weeks run Monday to Sunday in the community's time, as people in China count them. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int WEEKS = 12;
    private static final int CAP = 100;

    private final MembershipStore members;
    private final ApplicationStore applications;
    private final InvitationStore invitations;
    private final Clock clock;

    CommunityFigures(MembershipStore members, ApplicationStore applications, InvitationStore invitations, Clock clock) {
        this.members = members;
        this.applications = applications;
        this.invitations = invitations;
        this.clock = clock;
    }

    /**
     * {@code pendingApplications} and {@code newThisWeek} are counted up to 100 (a page says 99+ beyond); the
     * waiting applicants come longest-waiting first, the newcomers newest first, at most {@code few} of each.
     */
    /** {@code invited}: an invitation was ever made, or someone besides the owner is a member. */
    public record Figures(int pendingApplications, List<Waiting> waiting, int newThisWeek, List<Long> newcomers,
                          List<Week> weeks, boolean invited) {
    }

    public record Waiting(long applicationId, long accountId, OffsetDateTime appliedAt) {
    }

    /** The member count at the end of a week (for the current week: now), oldest week first. */
    public record Week(LocalDate monday, int members) {
    }

    @Transactional(readOnly = true)
    public Figures of(Standing runner, int few) {
        runner.requireRunner();
        long id = runner.community().id();
        var now = OffsetDateTime.now(clock);
        var monday = now.atZoneSameInstant(ZONE).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        var weekStart = monday.atStartOfDay(ZONE).toOffsetDateTime();
        var waiting = applications.pendingOldest(id, few).stream()
                .map(a -> new Waiting(a.id(), a.accountId(), a.createdAt())).toList();
        var moments = new ArrayList<OffsetDateTime>();
        var mondays = new ArrayList<LocalDate>();
        for (int w = WEEKS - 1; w >= 0; w--) {
            var start = monday.minusWeeks(w);
            mondays.add(start);
            moments.add(w == 0 ? now : start.plusWeeks(1).atStartOfDay(ZONE).toOffsetDateTime());
        }
        var counts = members.countsAt(id, moments);
        var weeks = new ArrayList<Week>();
        for (int i = 0; i < mondays.size(); i++) {
            weeks.add(new Week(mondays.get(i), counts.get(i)));
        }
        return new Figures(applications.pendingCount(id, CAP), waiting,
                Math.min(CAP, members.countJoinedSince(id, weekStart)), members.joinedSince(id, weekStart, few), weeks,
                runner.memberCount() > 1 || invitations.anyMade(id));
    }
}
