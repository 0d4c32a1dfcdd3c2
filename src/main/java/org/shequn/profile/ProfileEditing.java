package org.shequn.profile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.shequn.identity.Accounts;
import org.shequn.shared.Rejection;
import org.shequn.shared.Validation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Saves a member's own profile: normalize (trim, blank → none, tags de-duplicated) → validate → write
 * the profile (created on first save) and the display name → announce {@link ProfileChanged}. Changing
 * company or position withdraws a position verification, which covered the old ones.
 */
@Service
public class ProfileEditing {

    static final String ONE_LINE = "^\\P{Cc}*$";
    static final String MULTI_LINE = "^[\\P{Cc}\\r\\n\\t]*$";
    public static final int MAX_EDUCATION = 5;
    static final int MAX_TAGS = 20;

    /** The whole editable profile, as the form and {@code PUT /api/v1/me/profile} send it. */
    public record Editing(
            @NotBlank @Size(max = 40) @Pattern(regexp = ONE_LINE, message = "{validation.noControlCharacters}") String displayName,
            @Size(max = 500) @Pattern(regexp = MULTI_LINE, message = "{validation.noControlCharacters}") String bio,
            @Size(max = 40) @Pattern(regexp = ONE_LINE, message = "{validation.noControlCharacters}") String city,
            @Size(max = 40) @Pattern(regexp = ONE_LINE, message = "{validation.noControlCharacters}") String industry,
            @Size(max = 80) @Pattern(regexp = ONE_LINE, message = "{validation.noControlCharacters}") String company,
            @Size(max = 60) @Pattern(regexp = ONE_LINE, message = "{validation.noControlCharacters}") String position,
            @Size(max = MAX_EDUCATION, message = "{profile.education.tooMany}") List<@NotNull @Valid EducationEntry> education,
            @Size(max = MAX_TAGS, message = "{profile.tags.tooMany}")
            List<@Size(max = 30, message = "{profile.tag.tooLong}") @Pattern(regexp = ONE_LINE, message = "{validation.noControlCharacters}") String> skills,
            @Size(max = MAX_TAGS, message = "{profile.tags.tooMany}")
            List<@Size(max = 30, message = "{profile.tag.tooLong}") @Pattern(regexp = ONE_LINE, message = "{validation.noControlCharacters}") String> interests) {

        /** Trimmed, blanks as null, lists never null, tags without empties or (case-insensitive) repeats. */
        Editing normalized() {
            return new Editing(strip(displayName), strip(bio), strip(city), strip(industry), strip(company),
                    strip(position),
                    education == null ? List.of() : education.stream().map(e -> e == null ? null : e.normalized()).toList(),
                    tags(skills), tags(interests));
        }
    }

    public record EducationEntry(
            @NotBlank @Size(max = 80) @Pattern(regexp = ONE_LINE, message = "{validation.noControlCharacters}") String school,
            @Size(max = 40) @Pattern(regexp = ONE_LINE, message = "{validation.noControlCharacters}") String degree,
            @Min(1950) @Max(2100) Integer startYear,
            @Min(1950) @Max(2100) Integer endYear) {

        EducationEntry normalized() {
            return new EducationEntry(strip(school), strip(degree), startYear, endYear);
        }

        @AssertTrue(message = "{profile.education.yearOrder}")
        boolean isYearsInOrder() {
            return startYear == null || endYear == null || endYear >= startYear;
        }
    }

    private final Validation validation;
    private final ProfileStore store;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AvatarUpload avatars;
    private final Profiles profiles;

    ProfileEditing(Validation validation, ProfileStore store, Accounts accounts, ApplicationEventPublisher events,
                   Clock clock, AvatarUpload avatars, Profiles profiles) {
        this.validation = validation;
        this.store = store;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
        this.avatars = avatars;
        this.profiles = profiles;
    }

    /**
     * The profile and, when one was chosen, a new avatar, in one transaction: a refused picture leaves the text
     * unsaved too, so the form comes back whole with the picture's error beside it.
     */
    @Transactional
    public void save(long accountId, Editing editing, MultipartFile avatar) {
        save(accountId, editing);
        if (avatar != null && !avatar.isEmpty()) {
            avatars.replace(accountId, avatar);
        }
    }

    /** The welcome's first step: the name one goes by, and a picture if one was chosen. The rest stays as it is. */
    @Transactional
    public void introduce(long accountId, String displayName, MultipartFile avatar) {
        var e = current(accountId);
        save(accountId, new Editing(displayName, e.bio(), e.city(), e.industry(), e.company(), e.position(),
                e.education(), e.skills(), e.interests()), avatar);
    }

    /** The welcome's second step: position, company and city (each may stay empty). The rest stays as it is. */
    @Transactional
    public void describeWork(long accountId, String position, String company, String city) {
        var e = current(accountId);
        save(accountId, new Editing(e.displayName(), e.bio(), city, e.industry(), company, position, e.education(),
                e.skills(), e.interests()));
    }

    private Editing current(long accountId) {
        var card = profiles.find(accountId).orElseThrow(() -> Rejection.notFound("problem.notFound"));
        return new Editing(card.displayName(), card.bio(), card.city(), card.industry(), card.company(), card.position(),
                card.education().stream().map(ed -> new EducationEntry(ed.school(), ed.degree(), ed.startYear(),
                        ed.endYear())).toList(), card.skills(), card.interests());
    }

    @Transactional
    public void save(long accountId, Editing editing) {
        var e = check(editing == null ? new Editing(null, null, null, null, null, null, null, null, null) : editing);
        var account = accounts.find(accountId).orElseThrow(() -> Rejection.notFound("problem.notFound"));
        var now = OffsetDateTime.now(clock);
        var current = store.lock(accountId, now);
        boolean samePosition = Objects.equals(current.company(), e.company())
                && Objects.equals(current.position(), e.position());
        store.update(accountId, e, samePosition, now);
        if (!account.displayName().equals(e.displayName())) {
            accounts.rename(accountId, e.displayName());
        }
        events.publishEvent(new ProfileChanged(accountId));
    }

    private Editing check(Editing raw) {
        var e = raw.normalized();
        try {
            return validation.check(e);
        } catch (Rejection rejection) {
            // "skills[3].<list element>" names the list for the person reading the error
            var problems = rejection.fieldProblems().stream()
                    .map(p -> new Rejection.FieldProblem(p.field().replaceAll("\\[\\d+]\\.<[^>]+>$", ""), p.message(), p.args()))
                    .toList();
            throw Rejection.invalid(problems);
        }
    }

    static String strip(String text) {
        if (text == null) {
            return null;
        }
        var stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    static List<String> tags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        var seen = new LinkedHashSet<String>();
        List<String> result = new ArrayList<>();
        for (var tag : tags) {
            var t = strip(tag);
            if (t != null && seen.add(t.toLowerCase(Locale.ROOT))) {
                result.add(t);
            }
        }
        return result;
    }
}
