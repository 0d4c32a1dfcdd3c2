package org.shequn.community;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import org.shequn.shared.Rejection;
import org.shequn.shared.Validation;
import org.shequn.shared.Viewer;
import org.shequn.shared.files.FileStore;
import org.shequn.shared.files.ImageUploads;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The owner's actions on a community: create, edit, set the cover, archive, restore, hand over. Each reads
 * top to bottom: validate → check policy → act in one transaction → announce.
 */
@Service
public class CommunityCatalog {

    /** Anti-abuse: how many active communities one person may own. */
    static final int MAX_OWNED = 20;
    private static final Set<String> RESERVED_SLUGS = Set.of("new", "api", "admin", "settings", "me", "login",
            "logout", "register", "communities", "people", "files", "operator", "static", "css", "img", "webjars");

    private final CommunityStore store;
    private final Validation validation;
    private final MemberRoster roster;
    private final ImageUploads images;
    private final FileStore files;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CommunityDirectory directory;

    CommunityCatalog(CommunityStore store, Validation validation, MemberRoster roster, ImageUploads images,
                     FileStore files, ApplicationEventPublisher events, Clock clock, CommunityDirectory directory) {
        this.store = store;
        this.directory = directory;
        this.validation = validation;
        this.roster = roster;
        this.images = images;
        this.files = files;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The short first step: a new community with its cover, or neither (a refused picture creates nothing). A blank
     * slug is made from the name (editable later in the settings).
     */
    @Transactional
    public CommunityInfo create(Viewer viewer, CommunitySettings settings, MultipartFile cover) {
        var created = create(viewer, settings);
        if (cover != null && !cover.isEmpty()) {
            setCover(viewer, created.slug(), cover);
            return directory.info(store.byId(created.id()).orElseThrow());
        }
        return created;
    }

    @Transactional
    public CommunityInfo create(Viewer viewer, CommunitySettings settings) {
        Viewer.require(viewer);
        if (settings != null && (settings.slug() == null || settings.slug().isBlank())) {
            settings = settings.withSlug(freeSlug(settings.name()));
        }
        checkSettings(settings, 0);
        if (store.activeOwnedBy(viewer.accountId()) >= MAX_OWNED) {
            throw Rejection.conflict("community.tooManyOwned", MAX_OWNED);
        }
        long id;
        try {
            id = store.insert(settings, viewer.accountId(), now());
        } catch (DuplicateKeyException raced) {
            throw Rejection.conflictOn("slug", "community.slug.taken");
        }
        events.publishEvent(new CommunityCreated(id, viewer.accountId()));
        return directory.info(store.byId(id).orElseThrow());
    }

    @Transactional
    public CommunityInfo update(Viewer viewer, String slug, CommunitySettings settings) {
        var community = ownedWritable(viewer, slug);
        checkSettings(settings, community.id());
        if (settings.memberCap() < roster.memberCount(community.id())) {
            throw Rejection.invalid("memberCap", "community.cap.belowMembers", roster.memberCount(community.id()));
        }
        try {
            store.update(community.id(), settings, now());
            directory.forgetAfterCommit();
        } catch (DuplicateKeyException raced) {
            throw Rejection.conflictOn("slug", "community.slug.taken");
        }
        return directory.info(store.byId(community.id()).orElseThrow());
    }

    @Transactional
    public void setCover(Viewer viewer, String slug, MultipartFile upload) {
        var community = ownedWritable(viewer, slug);
        var key = images.store(upload, "cover", 1600);
        store.setCover(community.id(), key, now());
        directory.forgetAfterCommit();
        if (community.coverKey() != null) {
            files.delete(community.coverKey());
        }
    }

    /** The owner picks the governance mode; only the owner, since it decides who else runs the community. */
    @Transactional
    public CommunityInfo setGovernance(Viewer viewer, String slug, String mode) {
        var community = ownedWritable(viewer, slug);
        GovernanceMode chosen;
        try {
            chosen = GovernanceMode.valueOf(mode == null ? "" : mode.strip());
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("mode", "community.governance.unknown");
        }
        store.setGovernance(community.id(), chosen.name(), now());
        directory.forgetAfterCommit();
        return directory.info(store.byId(community.id()).orElseThrow());
    }

    @Transactional
    public void archive(Viewer viewer, String slug) {
        var community = ownedWritable(viewer, slug);
        store.setArchived(community.id(), now(), now());
        directory.forgetAfterCommit();
        events.publishEvent(new CommunityArchived(community.id(), viewer.accountId(), true));
    }

    @Transactional
    public void restore(Viewer viewer, String slug) {
        var community = owned(viewer, slug);
        if (community.archivedAt() == null) {
            throw Rejection.conflict("community.notArchived");
        }
        store.setArchived(community.id(), null, now());
        directory.forgetAfterCommit();
        events.publishEvent(new CommunityArchived(community.id(), viewer.accountId(), false));
    }

    /** Hands the community to another member; the membership module adjusts both roles in this transaction. */
    @Transactional
    public void transfer(Viewer viewer, String slug, Long newOwnerId) {
        var community = ownedWritable(viewer, slug);
        if (newOwnerId == null) {
            throw Rejection.invalid("newOwnerId", "validation.required");
        }
        if (newOwnerId == community.ownerId()) {
            throw Rejection.invalid("newOwnerId", "community.transfer.self");
        }
        if (roster.roleOf(community.id(), newOwnerId).isEmpty()) {
            throw Rejection.invalid("newOwnerId", "community.transfer.notMember");
        }
        store.setOwner(community.id(), newOwnerId, now());
        directory.forgetAfterCommit();
        events.publishEvent(new OwnershipTransferred(community.id(), community.ownerId(), newOwnerId));
    }

    /** A slug nobody has: the name's Latin letters and digits when there are enough, else "c-" and six random ones. */
    private String freeSlug(String name) {
        var base = CommunitySlug.fromName(name);
        for (int attempt = 0; attempt < 8; attempt++) {
            var candidate = base == null || attempt > 0 ? CommunitySlug.random(base) : base;
            if (store.bySlug(candidate).isEmpty()) {
                return candidate;
            }
        }
        return CommunitySlug.random(null);
    }

    CommunityRow bySlug(String slug) {
        if (slug == null || slug.length() > 40) {
            throw Rejection.notFound("community.notFound");
        }
        return store.bySlug(slug.toLowerCase(java.util.Locale.ROOT))
                .orElseThrow(() -> Rejection.notFound("community.notFound"));
    }

    private CommunityRow owned(Viewer viewer, String slug) {
        Viewer.require(viewer);
        var community = bySlug(slug);
        if (community.ownerId() != viewer.accountId()) {
            throw Rejection.forbidden("community.ownerOnly");
        }
        return community;
    }

    private CommunityRow ownedWritable(Viewer viewer, String slug) {
        var community = owned(viewer, slug);
        if (community.archivedAt() != null) {
            throw Rejection.conflict("community.archived");
        }
        return community;
    }

    private void checkSettings(CommunitySettings settings, long exceptId) {
        validation.check(settings);
        var slug = settings.normalizedSlug();
        if (RESERVED_SLUGS.contains(slug)) {
            throw Rejection.invalid("slug", "community.slug.reserved");
        }
        // the fee, its term and refund window are the entry module's (PUT /api/v1/communities/{slug}/entry)
        if (settings.entryFeeMinor() != null && settings.entryFeeMinor() > 0) {
            throw Rejection.invalid("entryFeeMinor", "community.entryFee.elsewhere");
        }
        if (store.slugTaken(slug, exceptId)) {
            throw Rejection.conflictOn("slug", "community.slug.taken");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
