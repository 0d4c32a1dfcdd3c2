package org.shequn.assignment;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.shequn.assignment.AssignmentStore.AssignmentRow;
import org.shequn.assignment.SubmissionStore.SubmissionRow;
import org.shequn.assignment.view.AssignmentPage;
import org.shequn.assignment.view.Roster;
import org.shequn.assignment.view.SubmissionView;
import org.shequn.membership.Memberships;
import org.shequn.membership.Standing;
import org.shequn.profile.Profiles;
import org.shequn.shared.Rejection;
import org.shequn.shared.Validation;
import org.shequn.shared.Viewer;
import org.shequn.shared.files.FileStore;
import org.shequn.shared.text.Markdown;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Handing in: one submission per member and assignment (text, up to nine images, one file; not empty), revised in
 * place until it is scored, and after the due time only when late work is taken (then marked late). Reviewers see
 * every submission, or the unscored ones, and who has and has not handed in; members see their own and the
 * featured ones.
 */
@Service
public class Submissions {

    static final int SHOWN = 200;
    static final int FEATURED_SHOWN = 20;

    private final AssignmentAccess access;
    private final Assignments assignments;
    private final SubmissionStore store;
    private final SubmissionFiles uploads;
    private final Memberships memberships;
    private final Profiles profiles;
    private final Validation validation;
    private final Markdown markdown;
    private final Clock clock;

    Submissions(AssignmentAccess access, Assignments assignments, SubmissionStore store, SubmissionFiles uploads,
                Memberships memberships, Profiles profiles, Validation validation, Markdown markdown, Clock clock) {
        this.access = access;
        this.assignments = assignments;
        this.store = store;
        this.uploads = uploads;
        this.memberships = memberships;
        this.profiles = profiles;
        this.validation = validation;
        this.markdown = markdown;
        this.clock = clock;
    }

    /**
     * Hands in. Refused with nothing written: a second submission (revise it instead), a closed assignment, after
     * the due time when late work is not taken, an empty submission, too long a text, more than nine images, a file
     * too large or of a type not allowed.
     */
    @Transactional
    public SubmissionView submit(Viewer viewer, String slug, long assignmentId, String text, List<MultipartFile> images,
                                 MultipartFile file) {
        var seat = access.write(viewer, slug);
        var assignment = access.found(seat, assignmentId);
        if (store.of(assignment.id(), seat.accountId()).isPresent()) {
            throw Rejection.conflict("assignment.submission.already");
        }
        var timing = assignment.deadline().handIn(clock.instant());
        var body = validation.check(new SubmissionText(text)).clean();
        var chosen = SubmissionFiles.chosen(images);
        var attached = file == null || file.isEmpty() ? null : file;
        SubmissionFiles.checkCount(chosen);
        if (body.isEmpty() && chosen.isEmpty() && attached == null) {
            throw Rejection.invalid("text", "assignment.submission.empty");
        }
        if (attached != null) {
            uploads.checkFile(attached);
        }
        var keys = uploads.storeImages(chosen);
        var stored = attached == null ? null : uploads.storeFile(attached);
        long id;
        try {
            id = store.insert(assignment.id(), seat.communityId(), seat.accountId(), body, stored,
                    timing == Deadline.Timing.LATE, OffsetDateTime.now(clock));
        } catch (DuplicateKeyException e) {
            throw Rejection.conflict("assignment.submission.already");
        }
        store.replaceImages(id, keys);
        return view(seat.community().slug(), assignment, store.byId(assignment.id(), id).orElseThrow());
    }

    /**
     * Revises the member's submission in place: the text always; the images when new ones are given (they replace
     * the old), the file when a new one is given or {@code removeFile}. Refused once it is scored, once the
     * assignment is closed, or after the due time when late work is not taken; a revision after it is marked late.
     */
    @Transactional
    public SubmissionView revise(Viewer viewer, String slug, long assignmentId, String text, List<MultipartFile> images,
                                 MultipartFile file, boolean removeFile) {
        var seat = access.write(viewer, slug);
        var assignment = access.found(seat, assignmentId);
        var mine = store.of(assignment.id(), seat.accountId())
                .orElseThrow(() -> Rejection.conflict("assignment.submission.none"));
        var timing = assignment.deadline().revise(clock.instant(), mine.scored());
        var body = validation.check(new SubmissionText(text)).clean();
        var chosen = SubmissionFiles.chosen(images);
        var attached = file == null || file.isEmpty() ? null : file;
        SubmissionFiles.checkCount(chosen);
        var oldImages = store.imagesOf(List.of(mine.id())).getOrDefault(mine.id(), List.of());
        boolean keepsImages = chosen.isEmpty() && !oldImages.isEmpty();
        boolean keepsFile = attached == null && !removeFile && mine.fileKey() != null;
        if (body.isEmpty() && chosen.isEmpty() && attached == null && !keepsImages && !keepsFile) {
            throw Rejection.invalid("text", "assignment.submission.empty");
        }
        if (attached != null) {
            uploads.checkFile(attached);
        }
        var keys = uploads.storeImages(chosen);
        var stored = attached == null ? null : uploads.storeFile(attached);
        boolean late = mine.late() || timing == Deadline.Timing.LATE;
        if (store.revise(mine.id(), body, stored, attached == null && !removeFile, late, OffsetDateTime.now(clock)) == 0) {
            throw Rejection.conflict("assignment.submission.scored");
        }
        // what the revision replaces leaves the file store once it commits (a refused one keeps them)
        if (!chosen.isEmpty()) {
            store.replaceImages(mine.id(), keys);
            uploads.discardOnceCommitted(oldImages);
        }
        if ((attached != null || removeFile) && mine.fileKey() != null) {
            uploads.discardOnceCommitted(List.of(mine.fileKey()));
        }
        return view(seat.community().slug(), assignment, store.byId(assignment.id(), mine.id()).orElseThrow());
    }

    /** The page's one form: hands in the first time, revises after that. */
    @Transactional
    public SubmissionView handIn(Viewer viewer, String slug, long assignmentId, String text, List<MultipartFile> images,
                                 MultipartFile file, boolean removeFile) {
        var seat = access.write(viewer, slug);
        var assignment = access.found(seat, assignmentId);
        return store.of(assignment.id(), seat.accountId()).isPresent()
                ? revise(viewer, slug, assignmentId, text, images, file, removeFile)
                : submit(viewer, slug, assignmentId, text, images, file);
    }

    /** The viewer's own submission, if they handed one in. */
    public java.util.Optional<SubmissionView> mine(Viewer viewer, String slug, long assignmentId) {
        var seat = access.read(viewer, slug);
        var assignment = access.found(seat, assignmentId);
        return store.of(assignment.id(), seat.accountId()).map(r -> view(seat.community().slug(), assignment, r));
    }

    public List<SubmissionView> featured(Viewer viewer, String slug, long assignmentId) {
        var seat = access.read(viewer, slug);
        var assignment = access.found(seat, assignmentId);
        return views(seat.community().slug(), assignment, store.featured(assignment.id(), FEATURED_SHOWN));
    }

    /** For reviewers: every submission, or only those not scored yet, the earliest first. */
    public List<SubmissionView> all(Viewer viewer, String slug, long assignmentId, boolean unscoredOnly) {
        var assignment = access.reviewerRead(viewer, slug, assignmentId);
        return views(slug, assignment, store.all(assignment.id(), unscoredOnly, SHOWN));
    }

    /** For reviewers: who has handed in and who has not, with the counts. */
    public Roster roster(Viewer viewer, String slug, long assignmentId) {
        var assignment = access.reviewerRead(viewer, slug, assignmentId);
        return roster(assignment);
    }

    /** The assignment's page: the task, my submission, the featured ones; for reviewers the rest. */
    public AssignmentPage page(Viewer viewer, String slug, long assignmentId, boolean unscoredOnly) {
        var seat = access.read(viewer, slug);
        var assignment = access.found(seat, assignmentId);
        var community = seat.community();
        boolean reviews = access.reviews(seat, assignment);
        var mine = store.of(assignment.id(), seat.accountId()).map(r -> view(community.slug(), assignment, r)).orElse(null);
        return new AssignmentPage(community.slug(), community.name(), community.archived(), seat.runs(), reviews,
                assignments.view(assignment), mine,
                views(community.slug(), assignment, store.featured(assignment.id(), FEATURED_SHOWN)),
                reviews ? views(community.slug(), assignment, store.all(assignment.id(), unscoredOnly, SHOWN)) : List.of(),
                reviews ? roster(assignment) : null, unscoredOnly);
    }

    private Roster roster(AssignmentRow assignment) {
        var counts = store.counts(assignment.id());
        var handedIn = store.all(assignment.id(), false, SHOWN);
        var submitters = store.submitters(assignment.id());
        var missing = new ArrayList<Long>();
        long[] members = {0};
        long[] memberSubmitters = {0};
        memberships.eachMember(assignment.communityId(), m -> {
            members[0]++;
            if (submitters.contains(m)) {
                memberSubmitters[0]++;
            } else if (missing.size() < SHOWN) {
                missing.add(m);
            }
        });
        var people = new HashSet<Long>(missing);
        handedIn.forEach(r -> people.add(r.accountId()));
        var cards = profiles.findAll(people);
        // someone who handed in and left is not missing either: the members minus those of them who handed in
        return new Roster(members[0], counts.submitted(), members[0] - memberSubmitters[0],
                counts.scored(), counts.late(),
                handedIn.stream().map(r -> new Roster.Entry(r.accountId(), name(cards, r.accountId()), r.late(), r.scored())).toList(),
                missing.stream().map(m -> new Roster.Entry(m, name(cards, m), false, false)).toList());
    }

    private static String name(java.util.Map<Long, org.shequn.profile.ProfileCard> cards, long accountId) {
        var card = cards.get(accountId);
        return card == null ? "?" : card.displayName();
    }

    SubmissionRow found(AssignmentRow assignment, long id) {
        return store.byId(assignment.id(), id).orElseThrow(() -> Rejection.notFound("assignment.submission.notFound"));
    }

    /**
     * A submission's image or file is for its author, the assignment's reviewers, and every member once it is
     * featured.
     */
    private SubmissionRow visible(Viewer viewer, String slug, long assignmentId, long submissionId) {
        var seat = access.read(viewer, slug);
        var assignment = access.found(seat, assignmentId);
        var row = found(assignment, submissionId);
        if (row.accountId() != seat.accountId() && row.featuredAt() == null && !access.reviews(seat, assignment)) {
            throw Rejection.notFound("assignment.submission.notFound");
        }
        return row;
    }

    public FileStore.StoredFile image(Viewer viewer, String slug, long assignmentId, long submissionId, String key) {
        var row = visible(viewer, slug, assignmentId, submissionId);
        if (!store.hasImage(row.id(), key)) {
            throw Rejection.notFound("assignment.submission.notFound");
        }
        return uploads.get(key);
    }

    /** The file and the name it is downloaded under. */
    public Download file(Viewer viewer, String slug, long assignmentId, long submissionId) {
        var row = visible(viewer, slug, assignmentId, submissionId);
        if (row.fileKey() == null) {
            throw Rejection.notFound("assignment.submission.notFound");
        }
        return new Download(uploads.get(row.fileKey()), row.fileName());
    }

    public record Download(FileStore.StoredFile file, String name) {
    }

    SubmissionView view(String slug, AssignmentRow assignment, SubmissionRow row) {
        return views(slug, assignment, List.of(row)).getFirst();
    }

    /** Submissions as shown: their authors, reviewers and images read in one query each. */
    List<SubmissionView> views(String slug, AssignmentRow assignment, List<SubmissionRow> rows) {
        var ids = rows.stream().map(SubmissionRow::id).toList();
        var images = store.imagesOf(ids);
        var people = new HashSet<Long>();
        rows.forEach(r -> {
            people.add(r.accountId());
            if (r.reviewedBy() != null) {
                people.add(r.reviewedBy());
            }
        });
        var cards = profiles.findAll(people);
        return rows.stream().map(r -> {
            var base = "/c/" + slug + "/assignments/" + assignment.id() + "/submissions/" + r.id();
            var card = cards.get(r.accountId());
            var urls = images.getOrDefault(r.id(), List.of()).stream().map(k -> base + "/images/" + k).toList();
            var file = r.fileKey() == null ? null
                    : new SubmissionView.Attachment(r.fileName(), r.fileSize() == null ? 0 : r.fileSize(), base + "/file");
            return new SubmissionView(r.id(), assignment.id(), r.accountId(), card == null ? "?" : card.displayName(),
                    card == null ? null : card.avatarUrl(), r.body(), markdown.toSafeHtml(r.body()), urls, file,
                    r.submittedAt(), r.revisedAt(), r.late(), r.score(), assignment.maxScore(), r.review(),
                    r.review() == null ? null : markdown.toSafeHtml(r.review()),
                    r.reviewedBy() == null ? null : name(cards, r.reviewedBy()), r.reviewedAt(), r.featuredAt() != null);
        }).toList();
    }
}
