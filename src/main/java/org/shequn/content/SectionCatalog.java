package org.shequn.content;

import org.shequn.membership.Standing;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import org.shequn.shared.Rejection;
import org.shequn.shared.Validation;
import org.shequn.shared.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The owner's actions on sections: add (at most five active), edit, reorder, archive and restore. */
@Service
public class SectionCatalog {

    static final int MAX_ACTIVE = 5;

    private final ContentAccess access;
    private final SectionStore sections;
    private final ContentLocks locks;
    private final Validation validation;
    private final Clock clock;

    SectionCatalog(ContentAccess access, SectionStore sections, ContentLocks locks, Validation validation, Clock clock) {
        this.access = access;
        this.sections = sections;
        this.locks = locks;
        this.validation = validation;
        this.clock = clock;
    }

    public List<SectionRow> list(Viewer viewer, String slug) {
        var seat = access.read(viewer, slug);
        return sections.ofCommunity(seat.communityId());
    }

    @Transactional
    public SectionRow create(Viewer viewer, String slug, SectionDraft draft) {
        var seat = access.owner(viewer, slug);
        validation.check(draft);
        // simultaneous additions count one after the other: never a sixth active section
        locks.community(seat.communityId());
        var id = sections.insertIfRoom(seat.communityId(), draft, MAX_ACTIVE, now());
        if (id == null) {
            throw Rejection.conflict("content.section.tooMany", MAX_ACTIVE);
        }
        return sections.byId(seat.communityId(), id).orElseThrow();
    }

    @Transactional
    public SectionRow update(Viewer viewer, String slug, long sectionId, SectionDraft draft) {
        var seat = access.owner(viewer, slug);
        var section = section(seat, sectionId);
        validation.check(draft);
        sections.update(section.id(), draft);
        return sections.byId(seat.communityId(), section.id()).orElseThrow();
    }

    @Transactional
    public void reorder(Viewer viewer, String slug, List<Long> ids) {
        var seat = access.owner(viewer, slug);
        var existing = sections.ofCommunity(seat.communityId());
        if (ids == null || ids.size() != existing.size() || ids.contains(null)
                || !new HashSet<>(ids).equals(new HashSet<>(existing.stream().map(SectionRow::id).toList()))) {
            throw Rejection.invalid("ids", "content.section.reorder.mismatch");
        }
        for (int i = 0; i < ids.size(); i++) {
            sections.setPosition(ids.get(i), i + 1);
        }
    }

    @Transactional
    public void archive(Viewer viewer, String slug, long sectionId) {
        var seat = access.owner(viewer, slug);
        var section = section(seat, sectionId);
        if (!section.archived()) {
            sections.setArchived(section.id(), now());
        }
    }

    @Transactional
    public void restore(Viewer viewer, String slug, long sectionId) {
        var seat = access.owner(viewer, slug);
        locks.community(seat.communityId());
        var section = section(seat, sectionId);
        if (!section.archived()) {
            return;
        }
        if (sections.activeCount(seat.communityId()) >= MAX_ACTIVE) {
            throw Rejection.conflict("content.section.tooMany", MAX_ACTIVE);
        }
        sections.setArchived(section.id(), null);
    }

    private SectionRow section(Standing seat, long sectionId) {
        return sections.byId(seat.communityId(), sectionId)
                .orElseThrow(() -> Rejection.notFound("content.section.notFound"));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
