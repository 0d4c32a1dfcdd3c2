package org.shequn.profile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.shequn.identity.Accounts;
import org.shequn.profile.view.VerificationView;
import org.shequn.shared.Rejection;
import org.shequn.shared.Validation;
import org.shequn.shared.Viewer;
import org.shequn.shared.files.FileStore;
import org.shequn.shared.files.ImageUploads;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

/**
 * Real-name and position verification: a member asks, with evidence; a platform operator (never the
 * requester) approves or rejects with a reason. Nothing is verified without an approval. A position
 * approval covers the company and position the member had when asking.
 */
@Service
public class Verifications {

    static final long MAX_FILE_BYTES = 5L * 1024 * 1024;
    static final int MAX_IMAGE_SIDE = 2048;
    static final int QUEUE_LIMIT = 200;

    public record Requesting(
            @NotNull VerificationKind kind,
            @NotBlank @Size(max = 2000) @Pattern(regexp = ProfileEditing.MULTI_LINE, message = "{validation.noControlCharacters}") String evidence,
            @Size(max = 40) @Pattern(regexp = ProfileEditing.ONE_LINE, message = "{validation.noControlCharacters}") String realName) {
    }

    public record Rejecting(
            @NotBlank @Size(max = 500) @Pattern(regexp = ProfileEditing.MULTI_LINE, message = "{validation.noControlCharacters}") String reason) {
    }

    private final Validation validation;
    private final VerificationStore requests;
    private final ProfileStore profiles;
    private final Accounts accounts;
    private final ImageUploads images;
    private final FileStore files;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Verifications(Validation validation, VerificationStore requests, ProfileStore profiles, Accounts accounts,
                  ImageUploads images, FileStore files, ApplicationEventPublisher events, Clock clock) {
        this.validation = validation;
        this.requests = requests;
        this.profiles = profiles;
        this.accounts = accounts;
        this.images = images;
        this.files = files;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public VerificationView request(Viewer viewer, Requesting form, MultipartFile file) {
        long accountId = Viewer.require(viewer).accountId();
        var r = form == null ? new Requesting(null, null, null) : new Requesting(form.kind(),
                ProfileEditing.strip(form.evidence()), ProfileEditing.strip(form.realName()));
        validation.check(r);
        if (r.kind() == VerificationKind.REAL_NAME && r.realName() == null) {
            throw Rejection.invalid("realName", "validation.required");
        }
        var now = OffsetDateTime.now(clock);
        var profile = profiles.find(accountId).orElse(ProfileStore.Stored.empty(accountId));
        if (r.kind() == VerificationKind.POSITION && (profile.company() == null || profile.position() == null)) {
            throw Rejection.invalid("position", "verification.position.incomplete");
        }
        if (requests.hasPending(accountId, r.kind())) {
            throw Rejection.conflict("verification.pending." + r.kind().name());
        }
        var fileKey = storeEvidence(file);
        long id;
        try {
            id = requests.insert(accountId, r.kind(), r.kind() == VerificationKind.REAL_NAME ? r.realName() : null,
                    r.evidence(), r.kind() == VerificationKind.POSITION ? profile.company() : null,
                    r.kind() == VerificationKind.POSITION ? profile.position() : null, fileKey, now);
        } catch (DuplicateKeyException raced) {
            throw Rejection.conflict("verification.pending." + r.kind().name());
        }
        return view(requests.find(id).orElseThrow(), viewer.displayName());
    }

    public List<VerificationView> mine(Viewer viewer) {
        var me = Viewer.require(viewer);
        return requests.byAccount(me.accountId()).stream().map(row -> view(row, me.displayName())).toList();
    }

    /** The review queue: pending requests oldest first, then recent decisions. Operators only. */
    public List<VerificationView> queue(Viewer viewer, String status) {
        requireOperator(viewer);
        VerificationStore.Status wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = VerificationStore.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Rejection.invalid("status", "problem.wrongType");
            }
        }
        var rows = requests.queue(wanted, QUEUE_LIMIT);
        var ids = new HashSet<Long>();
        rows.forEach(row -> ids.add(row.accountId()));
        var names = accounts.findAll(ids);
        return rows.stream().map(row -> view(row, names.containsKey(row.accountId())
                ? names.get(row.accountId()).displayName() : "#" + row.accountId())).toList();
    }

    @Transactional
    public VerificationView approve(Viewer viewer, long id) {
        return decide(viewer, id, true, null);
    }

    @Transactional
    public VerificationView reject(Viewer viewer, long id, Rejecting form) {
        requireOperator(viewer);
        var r = validation.check(new Rejecting(form == null ? null : ProfileEditing.strip(form.reason())));
        return decide(viewer, id, false, r.reason());
    }

    private VerificationView decide(Viewer viewer, long id, boolean approved, String reason) {
        var operator = requireOperator(viewer);
        var row = requests.find(id).orElseThrow(() -> Rejection.notFound("verification.notFound"));
        if (row.accountId() == operator.accountId()) {
            throw Rejection.forbidden("verification.ownRequest");
        }
        var now = OffsetDateTime.now(clock);
        var status = approved ? VerificationStore.Status.APPROVED : VerificationStore.Status.REJECTED;
        if (!row.pending() || !requests.decide(id, status, operator.accountId(), reason, now)) {
            throw Rejection.conflict("verification.alreadyDecided");
        }
        if (approved) {
            profiles.lock(row.accountId(), now);
            if (row.verificationKind() == VerificationKind.REAL_NAME) {
                profiles.verifyRealName(row.accountId(), now);
            } else {
                profiles.verifyPosition(row.accountId(), row.company(), row.jobTitle(), now);
            }
        }
        events.publishEvent(new VerificationDecided(id, row.accountId(), row.verificationKind(), approved, reason));
        events.publishEvent(new ProfileChanged(row.accountId()));
        var name = accounts.find(row.accountId()).map(a -> a.displayName()).orElse("#" + row.accountId());
        return view(requests.find(id).orElseThrow(), name);
    }

    /** One request, for its requester and the operators only. */
    public VerificationView one(Viewer viewer, long id) {
        var row = visibleRow(viewer, id);
        var name = accounts.find(row.accountId()).map(a -> a.displayName()).orElse("#" + row.accountId());
        return view(row, name);
    }

    private VerificationStore.Row visibleRow(Viewer viewer, long id) {
        var who = Viewer.require(viewer);
        var row = requests.find(id).orElseThrow(() -> Rejection.notFound("verification.notFound"));
        if (row.accountId() != who.accountId() && !who.operator()) {
            throw Rejection.forbidden("problem.forbidden");
        }
        return row;
    }

    /** An evidence file for whoever may see it: the requester and operators. */
    public Evidence evidence(Viewer viewer, long id) {
        var row = visibleRow(viewer, id);
        if (row.fileKey() == null) {
            throw Rejection.notFound("verification.noFile");
        }
        var file = files.get(row.fileKey()).orElseThrow(() -> Rejection.notFound("verification.noFile"));
        var extension = row.fileKey().substring(row.fileKey().lastIndexOf('.') + 1);
        return new Evidence(file, "evidence-" + id + "." + extension);
    }

    public record Evidence(FileStore.StoredFile file, String filename) {
    }

    private static Viewer requireOperator(Viewer viewer) {
        if (!Viewer.require(viewer).operator()) {
            throw Rejection.forbidden("verification.operatorsOnly");
        }
        return viewer;
    }

    /** Images are re-encoded like avatars; a PDF is kept as sent once its header says it is one. */
    private String storeEvidence(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        if (file.getSize() > MAX_FILE_BYTES) {
            throw Rejection.tooLarge("upload.tooLarge", MAX_FILE_BYTES / 1024 / 1024);
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw Rejection.invalid("file", "upload.unreadable");
        }
        String key;
        if (isPdf(bytes)) {
            key = files.putPrivate(bytes, "application/pdf");
        } else if (isImage(bytes)) {
            key = images.storePrivate(file, "file", MAX_IMAGE_SIDE);
        } else {
            throw Rejection.invalid("file", "verification.file.type");
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    files.delete(key);
                }
            }
        });
        return key;
    }

    static boolean isPdf(byte[] b) {
        return b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-';
    }

    private static boolean isImage(byte[] b) {
        if (b.length < 4) {
            return false;
        }
        boolean png = (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
        boolean jpeg = (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
        boolean gif = b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8';
        return png || jpeg || gif;
    }

    private static VerificationView view(VerificationStore.Row row, String displayName) {
        return new VerificationView(row.id(), row.accountId(), displayName, row.verificationKind(), row.status(),
                row.realName(), row.evidence(), row.company(), row.jobTitle(),
                row.fileKey() == null ? null : "/verifications/" + row.id() + "/evidence",
                row.requestedAt(), row.decidedAt(), row.reason());
    }
}
