package org.shequn.checkin.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.shequn.checkin.ChallengeDraft;
import org.shequn.checkin.Challenges;
import org.shequn.checkin.CheckInReminders;
import org.shequn.checkin.CheckIns;
import org.shequn.checkin.Reviewing;
import org.shequn.checkin.view.ChallengeView;
import org.shequn.checkin.view.CheckInView;
import org.shequn.checkin.view.MemberStats;
import org.shequn.checkin.view.MyCalendar;
import org.shequn.shared.Viewer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Check-in challenges over the API: members list challenges, check in (multipart: {@code text}, up to nine
 * {@code images}, and {@code date} for a make-up), read a day's check-ins, the leaderboard and their own calendar;
 * the owner and admins create, edit and close challenges, review and feature check-ins.
 */
@RestController
@RequestMapping("/api/v1/communities/{slug}/checkins")
class CheckInApi {

    private final Challenges challenges;
    private final CheckIns checkIns;
    private final Reviewing reviewing;
    private final CheckInReminders reminders;

    CheckInApi(Challenges challenges, CheckIns checkIns, Reviewing reviewing, CheckInReminders reminders) {
        this.reminders = reminders;
        this.challenges = challenges;
        this.checkIns = checkIns;
        this.reviewing = reviewing;
    }

    @GetMapping
    List<ChallengeView> list(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug) {
        return challenges.list(viewer, slug);
    }

    @PostMapping
    ResponseEntity<ChallengeView> create(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                         @RequestBody ChallengeDraft body) {
        var created = challenges.create(viewer, slug, body);
        return ResponseEntity.created(URI.create("/api/v1/communities/" + slug + "/checkins/" + created.id())).body(created);
    }

    @GetMapping("/{challengeId}")
    ChallengeView get(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long challengeId) {
        return challenges.get(viewer, slug, challengeId);
    }

    @PutMapping("/{challengeId}")
    ChallengeView edit(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long challengeId,
                       @RequestBody ChallengeDraft body) {
        return challenges.edit(viewer, slug, challengeId, body);
    }

    /** Closes it for good: a second close is a 409. */
    @PostMapping("/{challengeId}/close")
    ChallengeView close(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long challengeId) {
        return challenges.close(viewer, slug, challengeId);
    }

    /** Checks in for today, or makes up {@code date} (a past missed challenge day within the quota). */
    @PostMapping(path = "/{challengeId}/entries", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<CheckInView> checkIn(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                        @PathVariable long challengeId,
                                        @RequestParam(required = false) String text,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                        @RequestParam(required = false) List<MultipartFile> images) {
        var created = checkIns.checkIn(viewer, slug, challengeId, text, date, images);
        return ResponseEntity.created(URI.create("/api/v1/communities/" + slug + "/checkins/" + challengeId + "/entries?date="
                + created.localDate())).body(created);
    }

    /** A day's check-ins (default today in the challenge's zone), newest first. */
    @GetMapping("/{challengeId}/entries")
    List<CheckInView> ofDay(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long challengeId,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return checkIns.ofDay(viewer, slug, challengeId, date);
    }

    @GetMapping("/{challengeId}/featured")
    List<CheckInView> featured(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long challengeId) {
        return checkIns.featured(viewer, slug, challengeId);
    }

    @GetMapping("/{challengeId}/leaderboard")
    List<MemberStats> leaderboard(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug,
                                  @PathVariable long challengeId) {
        return checkIns.leaderboard(viewer, slug, challengeId);
    }

    /** The caller's own calendar: each challenge day done, late, made up or missed, with their figures. */
    @GetMapping("/{challengeId}/calendar")
    MyCalendar calendar(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long challengeId) {
        return checkIns.calendar(viewer, slug, challengeId);
    }

    /** Reviews (点评) a check-in. */
    @PostMapping("/{challengeId}/entries/{checkInId}/reviews")
    CheckInView review(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long challengeId,
                       @PathVariable long checkInId, @RequestBody ReviewBody body) {
        return reviewing.review(viewer, slug, challengeId, checkInId, body == null ? null : body.text());
    }

    @PutMapping("/{challengeId}/entries/{checkInId}/featured")
    CheckInView feature(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long challengeId,
                        @PathVariable long checkInId) {
        return reviewing.feature(viewer, slug, challengeId, checkInId, true);
    }

    @DeleteMapping("/{challengeId}/entries/{checkInId}/featured")
    CheckInView unfeature(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long challengeId,
                          @PathVariable long checkInId) {
        return reviewing.feature(viewer, slug, challengeId, checkInId, false);
    }

    /** Mutes this challenge's reminders for the caller. */
    @PutMapping("/{challengeId}/mute")
    ResponseEntity<Void> mute(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long challengeId) {
        reminders.mute(viewer, slug, challengeId, true);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{challengeId}/mute")
    ResponseEntity<Void> unmute(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long challengeId) {
        reminders.mute(viewer, slug, challengeId, false);
        return ResponseEntity.noContent().build();
    }

    record ReviewBody(String text) {
    }
}
