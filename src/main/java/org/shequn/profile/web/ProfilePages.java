package org.shequn.profile.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.shequn.profile.AvatarUpload;
import org.shequn.profile.ProfileCard;
import org.shequn.profile.ProfileEditing;
import org.shequn.profile.Profiles;
import org.shequn.profile.view.PersonView;
import org.shequn.profile.view.ProfileForm;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The profile edit page, the avatar upload and everyone's people page. */
@Controller
class ProfilePages {

    private final Profiles profiles;
    private final ProfileEditing editing;
    private final AvatarUpload avatars;
    private final MessageSource messages;

    ProfilePages(Profiles profiles, ProfileEditing editing, AvatarUpload avatars, MessageSource messages) {
        this.profiles = profiles;
        this.editing = editing;
        this.avatars = avatars;
        this.messages = messages;
    }

    @GetMapping("/people/{id}")
    String person(@AuthenticationPrincipal Viewer viewer, @PathVariable long id, Model model) {
        var card = profiles.find(id).orElseThrow(() -> Rejection.notFound("profile.notFound"));
        model.addAttribute("person", PersonView.of(card, viewer != null && viewer.accountId() == id));
        return "profile/person";
    }

    @GetMapping("/profile/edit")
    String editForm(@AuthenticationPrincipal Viewer viewer, HttpServletRequest request, Model model) {
        var card = mine(viewer);
        return editPage(model, card, formOf(card), FormErrors.NONE, flag(request, "welcome"),
                flag(request, "saved") ? "profile.saved" : null);
    }

    @PostMapping("/profile/edit")
    String edit(@AuthenticationPrincipal Viewer viewer, @RequestParam(name = "avatar", required = false) MultipartFile avatar,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        var card = mine(viewer);
        var form = formOf(request);
        try {
            // the picture chosen in the same form is saved with it, or neither is
            editing.save(viewer.accountId(), command(form), avatar);
            return "redirect:/profile/edit?saved";
        } catch (Rejection rejection) {
            response.setStatus(rejection.kind().status());
            return editPage(model, card, form, FormErrors.of(rejection, messages, RequestContextUtils.getLocale(request)),
                    false, null);
        }
    }

    @PostMapping("/profile/avatar")
    String avatar(@AuthenticationPrincipal Viewer viewer, @RequestParam(name = "avatar", required = false) MultipartFile file,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        var card = mine(viewer);
        try {
            avatars.replace(viewer.accountId(), file);
            return "redirect:/profile/edit?saved";
        } catch (Rejection rejection) {
            response.setStatus(rejection.kind().status());
            return editPage(model, card, formOf(card), FormErrors.of(rejection, messages,
                    RequestContextUtils.getLocale(request)), false, null);
        }
    }

    /** A bare query flag such as {@code ?welcome}. */
    static boolean flag(HttpServletRequest request, String name) {
        var query = request.getQueryString();
        return request.getParameter(name) != null
                || (query != null && java.util.Arrays.asList(query.split("&")).contains(name));
    }

    private ProfileCard mine(Viewer viewer) {
        return profiles.find(Viewer.require(viewer).accountId()).orElseThrow(Rejection::unauthenticated);
    }

    private String editPage(Model model, ProfileCard card, ProfileForm form, FormErrors errors, boolean welcome,
                            String notice) {
        model.addAttribute("card", card);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("welcome", welcome);
        model.addAttribute("notice", notice);
        return "profile/edit";
    }

    static ProfileForm formOf(ProfileCard card) {
        List<ProfileForm.EducationRow> rows = new ArrayList<>();
        for (var e : card.education()) {
            rows.add(new ProfileForm.EducationRow(e.school(), e.degree(), year(e.startYear()), year(e.endYear())));
        }
        return new ProfileForm(card.displayName(), text(card.bio()), text(card.city()), text(card.industry()),
                text(card.company()), text(card.position()), padded(rows), String.join("、", card.skills()),
                String.join("、", card.interests()));
    }

    /** The form as posted; blank education rows are dropped so rows and error indexes line up. */
    static ProfileForm formOf(HttpServletRequest request) {
        var schools = values(request, "school");
        var degrees = values(request, "degree");
        var starts = values(request, "startYear");
        var ends = values(request, "endYear");
        List<ProfileForm.EducationRow> rows = new ArrayList<>();
        int n = Math.max(Math.max(schools.length, degrees.length), Math.max(starts.length, ends.length));
        for (int i = 0; i < n; i++) {
            var row = new ProfileForm.EducationRow(at(schools, i), at(degrees, i), at(starts, i), at(ends, i));
            if (!(row.school().isBlank() && row.degree().isBlank() && row.startYear().isBlank() && row.endYear().isBlank())) {
                rows.add(row);
            }
        }
        return new ProfileForm(param(request, "displayName"), param(request, "bio"), param(request, "city"),
                param(request, "industry"), param(request, "company"), param(request, "position"), padded(rows),
                param(request, "skills"), param(request, "interests"));
    }

    static ProfileEditing.Editing command(ProfileForm form) {
        List<ProfileEditing.EducationEntry> education = new ArrayList<>();
        List<Rejection.FieldProblem> problems = new ArrayList<>();
        for (var row : form.education()) {
            if (row.school().isBlank() && row.degree().isBlank() && row.startYear().isBlank() && row.endYear().isBlank()) {
                continue;
            }
            int index = education.size();
            education.add(new ProfileEditing.EducationEntry(row.school(), row.degree(),
                    parseYear(row.startYear(), "education[" + index + "].startYear", problems),
                    parseYear(row.endYear(), "education[" + index + "].endYear", problems)));
        }
        if (!problems.isEmpty()) {
            throw Rejection.invalid(problems);
        }
        return new ProfileEditing.Editing(form.displayName(), form.bio(), form.city(), form.industry(), form.company(),
                form.position(), education, splitTags(form.skills()),
                splitTags(form.interests()));
    }

    private static Integer parseYear(String text, String field, List<Rejection.FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            problems.add(new Rejection.FieldProblem(field, "profile.education.year"));
            return null;
        }
    }

    private static List<ProfileForm.EducationRow> padded(List<ProfileForm.EducationRow> rows) {
        // one empty row to fill in, not five: another appears after saving
        List<ProfileForm.EducationRow> result = new ArrayList<>(rows);
        if (result.size() < ProfileEditing.MAX_EDUCATION) {
            result.add(new ProfileForm.EducationRow("", "", "", ""));
        }
        return result;
    }

    private static String[] values(HttpServletRequest request, String name) {
        var values = request.getParameterValues(name);
        return values == null ? new String[0] : values;
    }

    private static String at(String[] values, int i) {
        return i < values.length && values[i] != null ? values[i] : "";
    }

    private static String param(HttpServletRequest request, String name) {
        return text(request.getParameter(name));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String year(Integer year) {
        return year == null ? "" : year.toString();
    }

    /** Splits a form's tag text on commas (, ， 、), semicolons and line breaks. */
    private static List<String> splitTags(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return List.of(text.split("[,，、;；\\r\\n]+"));
    }
}
