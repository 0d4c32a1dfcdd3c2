package org.shequn.checkin.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.shequn.checkin.ChallengeCalendar.Frequency;
import org.shequn.checkin.ChallengeDraft;
import org.shequn.checkin.Challenges;
import org.shequn.checkin.CheckInReminders;
import org.shequn.checkin.CheckIns;
import org.shequn.checkin.Reviewing;
import org.shequn.checkin.view.ChallengeForm;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.web.Flash;
import org.shequn.shared.web.FormErrors;
import org.shequn.shared.web.FormPages;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The challenges list, a challenge's page (check-in and make-up forms, today's check-ins, the leaderboard, my
 * calendar, reviews), and the runners' create and edit form.
 */
@Controller
class ChallengePages {

    private final Challenges challenges;
    private final CheckIns checkIns;
    private final Reviewing reviewing;
    private final FormPages forms;
    private final CheckInReminders reminders;

    ChallengePages(Challenges challenges, CheckIns checkIns, Reviewing reviewing, FormPages forms,
                   CheckInReminders reminders) {
        this.reminders = reminders;
        this.challenges = challenges;
        this.checkIns = checkIns;
        this.reviewing = reviewing;
        this.forms = forms;
    }

    @GetMapping("/c/{slug}/checkins")
    String list(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, Model model) {
        model.addAttribute("list", challenges.listPage(viewer, slug));
        return "checkin/list";
    }

    @GetMapping("/c/{slug}/checkins/new")
    String newForm(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, Model model) {
        model.addAttribute("editor", challenges.editor(viewer, slug, null));
        model.addAttribute("errors", FormErrors.NONE);
        return "checkin/form";
    }

    @PostMapping("/c/{slug}/checkins")
    String create(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, ChallengeForm form, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        try {
            long id = challenges.create(viewer, slug, draft(form)).id();
            Flash.ok(redirect, "checkin.created");
            return "redirect:/c/" + slug + "/checkins/" + id;
        } catch (Rejection rejection) {
            return formAgain(viewer, slug, null, form, rejection, model, response);
        }
    }

    @GetMapping("/c/{slug}/checkins/{id}")
    String show(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id, Model model) {
        model.addAttribute("page", checkIns.page(viewer, slug, id));
        model.addAttribute("errors", FormErrors.NONE);
        return "checkin/show";
    }

    @GetMapping("/c/{slug}/checkins/{id}/edit")
    String editForm(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id, Model model) {
        model.addAttribute("editor", challenges.editor(viewer, slug, id));
        model.addAttribute("errors", FormErrors.NONE);
        return "checkin/form";
    }

    @PostMapping("/c/{slug}/checkins/{id}/edit")
    String edit(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                ChallengeForm form, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        try {
            challenges.edit(viewer, slug, id, draft(form));
            Flash.ok(redirect, "checkin.saved");
            return "redirect:/c/" + slug + "/checkins/" + id;
        } catch (Rejection rejection) {
            return formAgain(viewer, slug, id, form, rejection, model, response);
        }
    }

    @PostMapping("/c/{slug}/checkins/{id}/close")
    String close(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                 RedirectAttributes redirect) {
        challenges.close(viewer, slug, id);
        Flash.ok(redirect, "checkin.closedNow");
        return "redirect:/c/" + slug + "/checkins/" + id;
    }

    /** Today's check-in, or a make-up when {@code date} is given; a refusal is shown on the challenge's page. */
    @PostMapping("/c/{slug}/checkins/{id}/entries")
    String checkIn(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                   @RequestParam(required = false) String text, @RequestParam(required = false) String date,
                   @RequestParam(required = false) List<MultipartFile> images, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        try {
            var day = date == null || date.isBlank() ? null : parse(date, "date", LocalDate::parse);
            checkIns.checkIn(viewer, slug, id, text, day, images);
            Flash.ok(redirect, "checkin.checkedIn");
            return "redirect:/c/" + slug + "/checkins/" + id;
        } catch (Rejection rejection) {
            return pageAgain(viewer, slug, id, rejection, model, response, redirect);
        }
    }

    @PostMapping("/c/{slug}/checkins/{id}/entries/{checkInId}/reviews")
    String review(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                  @PathVariable long checkInId, @RequestParam(required = false) String text, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        try {
            reviewing.review(viewer, slug, id, checkInId, text);
            Flash.ok(redirect, "checkin.reviewed");
            return "redirect:/c/" + slug + "/checkins/" + id + "#checkin-" + checkInId;
        } catch (Rejection rejection) {
            return pageAgain(viewer, slug, id, rejection, model, response, redirect);
        }
    }

    @PostMapping("/c/{slug}/checkins/{id}/entries/{checkInId}/featured")
    String feature(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                   @PathVariable long checkInId, @RequestParam(defaultValue = "true") boolean on,
                   RedirectAttributes redirect) {
        reviewing.feature(viewer, slug, id, checkInId, on);
        Flash.ok(redirect, on ? "checkin.featuredNow" : "checkin.unfeaturedNow");
        return "redirect:/c/" + slug + "/checkins/" + id + "#checkin-" + checkInId;
    }

    @PostMapping("/c/{slug}/checkins/{id}/mute")
    String mute(@AuthenticationPrincipal Viewer viewer, @PathVariable String slug, @PathVariable long id,
                @RequestParam(defaultValue = "true") boolean on, RedirectAttributes redirect) {
        reminders.mute(viewer, slug, id, on);
        Flash.ok(redirect, on ? "checkin.mutedNow" : "checkin.unmutedNow");
        return "redirect:/c/" + slug + "/checkins/" + id;
    }

    /** A field's problem shows on the page, with its status; a conflict (done already, no quota) as a warning. */
    private String pageAgain(Viewer viewer, String slug, long id, Rejection rejection, Model model,
                             HttpServletResponse response, RedirectAttributes redirect) {
        return forms.pageAgain("checkin/show", "/c/" + slug + "/checkins/" + id, rejection, response, model, redirect,
                m -> m.addAttribute("page", checkIns.page(viewer, slug, id)));
    }

    private String formAgain(Viewer viewer, String slug, Long id, ChallengeForm form, Rejection rejection,
                             Model model, HttpServletResponse response) {
        return forms.again("checkin/form", rejection, response, model,
                m -> m.addAttribute("editor", challenges.editor(viewer, slug, id, form)));
    }

    /** The form's text as a draft; what is not a date, time or number is refused here, all fields at once. */
    static ChallengeDraft draft(ChallengeForm f) {
        var problems = new ArrayList<Rejection.FieldProblem>();
        var startsOn = field(f.startsOn(), "startsOn", LocalDate::parse, problems);
        var endsOn = field(f.endsOn(), "endsOn", LocalDate::parse, problems);
        var frequency = field(f.frequency(), "frequency", Frequency::valueOf, problems);
        var weekdays = new ArrayList<DayOfWeek>();
        for (var day : f.weekdays()) {
            var parsed = field(day, "weekdays", s -> DayOfWeek.of(Integer.parseInt(s)), problems);
            if (parsed != null) {
                weekdays.add(parsed);
            }
        }
        var dates = new ArrayList<LocalDate>();
        for (var line : ChallengeForm.orEmpty(f.dates()).split("[\\s,]+")) {
            var parsed = field(line, "dates", LocalDate::parse, problems);
            if (parsed != null) {
                dates.add(parsed);
            }
        }
        var dayStart = field(f.dayStartHour(), "dayStartHour", Integer::valueOf, problems);
        var onTime = field(f.onTimeUntil(), "onTimeUntil", LocalTime::parse, problems);
        var late = field(f.lateUntil(), "lateUntil", LocalTime::parse, problems);
        var quota = field(f.makeUpQuota(), "makeUpQuota", Integer::valueOf, problems);
        var per = field(f.makeUpPer(), "makeUpPer", ChallengeDraft.MakeUpPer::valueOf, problems);
        var remindAt = field(f.remindAt(), "remindAt", LocalTime::parse, problems);
        var nudgeAt = field(f.nudgeAt(), "nudgeAt", LocalTime::parse, problems);
        if (!problems.isEmpty()) {
            throw Rejection.invalid(problems);
        }
        return new ChallengeDraft(f.title(), f.rules(), startsOn, endsOn, frequency, weekdays, dates, f.zone(), dayStart,
                onTime, late, quota, per, remindAt, nudgeAt, f.chosenSubgroup());
    }

    private static <T> T field(String text, String name, Function<String, T> parser, List<Rejection.FieldProblem> problems) {
        return FormPages.field(text, name, parser, "checkin.form.bad", problems);
    }

    private static <T> T parse(String text, String name, Function<String, T> parser) {
        var problems = new ArrayList<Rejection.FieldProblem>();
        var value = field(text, name, parser, problems);
        if (!problems.isEmpty()) {
            throw Rejection.invalid(problems);
        }
        return value;
    }
}
