package org.shequn.content;

import org.shequn.membership.Scopes;
import org.shequn.membership.Standing;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.shequn.shared.Rejection;
import org.shequn.shared.Validation;
import org.shequn.shared.Viewer;
import org.shequn.shared.text.Markdown;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/** A member's own posts: publish, edit (history kept), delete (soft); and the editor's Markdown preview. */
@Service
public class Publishing {

    static final int PREVIEW_MAX = 20000;

    private final VisiblePosts visible;
    private final ContentAccess access;
    private final PostStore posts;
    private final SectionStore sections;
    private final Validation validation;
    private final Markdown markdown;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PostingGuard guard;
    private final WritingPace pace;
    private final PostMedia media;
    private final Answering answering;
    private final Scopes scopes;

    Publishing(VisiblePosts visible, ContentAccess access, PostStore posts, SectionStore sections, Validation validation, Markdown markdown,
               ApplicationEventPublisher events, Clock clock, PostingGuard guard, WritingPace pace,
               PostMedia media, Answering answering, Scopes scopes) {
        this.scopes = scopes;
        this.visible = visible;
        this.media = media;
        this.answering = answering;
        this.guard = guard;
        this.pace = pace;
        this.access = access;
        this.posts = posts;
        this.sections = sections;
        this.validation = validation;
        this.markdown = markdown;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public long publish(Viewer viewer, String slug, PostDraft draft) {
        return publish(viewer, slug, draft, List.of(), List.of());
    }

    /** The page's form: its image and attachment files are stored with the post, or not at all. */
    @Transactional
    public long publish(Viewer viewer, String slug, PostDraft draft, List<MultipartFile> images, List<MultipartFile> attachments) {
        var seat = access.write(viewer, slug);
        check(draft);
        checkSection(seat, draft.sectionId(), null);
        var scope = scopes.choose(seat, draft.subgroupId(), "subgroupId");
        answering.checkAddressee(seat, draft);
        draft = withStaged(seat, draft, images, attachments);
        boolean held = guard.post(seat, draft.cleanTitle(), draft.body()).held();
        pace.post(seat);
        var now = now();
        long id = posts.insert(seat.communityId(), draft.sectionId(), seat.accountId(), draft, scope.subgroupId(), now);
        media.attach(seat, id, draft.imageIds() == null ? List.of() : draft.imageIds(),
                draft.attachmentIds() == null ? List.of() : draft.attachmentIds());
        answering.asked(seat, id, draft);
        if (held) {
            // kept back until an owner or admin approves it; only they are told of it
            var holding = PostLifecycle.holdNew(id, seat.communityId(), seat.accountId(), now);
            posts.apply(holding);
            holding.event().ifPresent(events::publishEvent);
            return id;
        }
        events.publishEvent(PostLifecycle.published(id, seat.communityId(), draft.sectionId(), seat.accountId(), draft.kind()));
        return id;
    }

    @Transactional
    public void edit(Viewer viewer, String slug, long postId, PostDraft draft) {
        edit(viewer, slug, postId, draft, List.of(), List.of());
    }

    /** The page's form: the kept uploads are the draft's ids; new files are added after them. */
    @Transactional
    public void edit(Viewer viewer, String slug, long postId, PostDraft draft, List<MultipartFile> images,
              List<MultipartFile> attachments) {
        var seat = access.write(viewer, slug);
        var post = visible.get(seat, postId);
        if (!ContentPolicy.of(seat).mayEdit(post.authorId())) {
            throw Rejection.forbidden("content.post.authorOnly");
        }
        check(draft);
        checkSection(seat, draft.sectionId(), post.sectionId());
        // the addressee is chosen when a question is published (and told then); an edit does not change it
        draft = withStaged(seat, draft, images, attachments);
        media.attach(seat, post.id(), draft.imageIds(), draft.attachmentIds());
        if (guard.edit(seat, draft.cleanTitle(), draft.body()).held() && post.state() == ContentState.PUBLISHED) {
            var holding = PostLifecycle.hold(post, now());
            posts.apply(holding);
            holding.event().ifPresent(events::publishEvent);
        }
        posts.edit(post, draft.sectionId(), draft, seat.accountId(), now());
        events.publishEvent(new PostEdited(post.id(), seat.communityId(), post.authorId()));
    }

    @Transactional
    public void delete(Viewer viewer, String slug, long postId) {
        var seat = access.write(viewer, slug);
        var post = visible.get(seat, postId);
        if (!ContentPolicy.of(seat).mayDelete(post.authorId())) {
            throw Rejection.forbidden("content.post.deleteForbidden");
        }
        var deletion = PostLifecycle.delete(post, seat.accountId(), now());
        posts.apply(deletion);
        // moderation hears of it in this transaction, and records a deletion of someone else's post
        deletion.event().ifPresent(events::publishEvent);
    }

    /** The editor's live preview: exactly what the post page will show. Members only, like everything else. */
    public String preview(Viewer viewer, String slug, String body) {
        access.read(viewer, slug);
        if (body != null && body.length() > PREVIEW_MAX) {
            throw Rejection.invalid("body", "content.post.body.tooLong", PREVIEW_MAX);
        }
        return markdown.toSafeHtml(body);
    }

    private PostDraft withStaged(Standing seat, PostDraft draft, List<MultipartFile> images, List<MultipartFile> attachments) {
        var keptImages = draft.imageIds() == null ? List.<Long>of() : draft.imageIds();
        var keptFiles = draft.attachmentIds() == null ? List.<Long>of() : draft.attachmentIds();
        if ((images == null || images.isEmpty()) && (attachments == null || attachments.isEmpty())) {
            return draft;
        }
        var staged = media.stage(seat, images, attachments, keptImages.size(), keptFiles.size());
        var allImages = new java.util.ArrayList<>(keptImages);
        allImages.addAll(staged.get(0));
        var allFiles = new java.util.ArrayList<>(keptFiles);
        allFiles.addAll(staged.get(1));
        return draft.withMedia(allImages, allFiles);
    }

    private void check(PostDraft draft) {
        validation.check(draft);
        if (draft.postKind().needsTitle() && draft.cleanTitle().isEmpty()) {
            throw Rejection.invalid("title", "content.post.title.required");
        }
    }

    /** The section must be this community's, open, and allow the poster's role; keeping an archived one on edit is fine. */
    private void checkSection(Standing seat, Long sectionId, Long currentSectionId) {
        if (sectionId == null) {
            return;
        }
        var section = sections.byId(seat.communityId(), sectionId)
                .orElseThrow(() -> Rejection.invalid("sectionId", "content.post.section.unknown"));
        if (section.archived() && !sectionId.equals(currentSectionId)) {
            throw Rejection.invalid("sectionId", "content.post.section.archived");
        }
        if (!section.rule().allows(seat.role().orElseThrow()) && !sectionId.equals(currentSectionId)) {
            throw Rejection.forbidden("content.post.section.notAllowed");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
