package org.shequn.checkin.view;

import java.util.List;

/** A challenge's page: the check-in form's state, today's and the featured check-ins, the leaderboard, my calendar. */
public record ChallengePage(String slug, String communityName, boolean archived, boolean runs, ChallengeView challenge,
                            List<CheckInView> today, List<CheckInView> featured, List<MemberStats> leaderboard,
                            MyCalendar mine, boolean muted) {

    /** The check-in form is shown: a day to check in today that the member has not done, in a live community. */
    public boolean mayCheckIn() {
        return !archived && !challenge.over() && challenge.started() && challenge.todayIsChallengeDay() && !mine.doneToday();
    }

    public boolean mayMakeUp() {
        return !archived && !challenge.over() && !mine.missed().isEmpty();
    }

    public boolean mayRun() {
        return runs && !archived;
    }
}
