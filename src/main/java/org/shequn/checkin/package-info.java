/**
 * Check-in challenges (打卡): the owner and admins create, edit and close a challenge with its days (daily, chosen
 * weekdays or dates), its zone and day-start hour, its on-time and late windows and its make-up quota; members check
 * in (text and up to nine images) for today or make up a missed day, each check-in stored with the local date it
 * counts for. Each member's figures (days, streaks, on-time rate) are kept in one row updated with each check-in, so
 * the leaderboard reads rows, not check-ins. Runners review (点评) and feature check-ins. Check-ins stay on the
 * challenge's own page; the feed shows one digest card a day per challenge through content's
 * {@link org.shequn.content.FeedNotices}. {@link org.shequn.checkin.CheckedIn} and
 * {@link org.shequn.checkin.CheckInReviewed} are published in the writing transaction. Every check goes through the
 * membership gate. The {@code web} sub-package holds its HTTP endpoints and pages.
 * A challenge may be for one sub-group (membership's {@code Scope}): seen by its members and the runners, checked
 * in to by its members, and run (edited, closed, reviewed) by its leader too when the community goes by sub-group.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Check-ins",
        allowedDependencies = {"community", "content", "membership", "profile", "shared"})
package org.shequn.checkin;
