package org.shequn.messaging;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shequn.identity.Accounts;
import org.shequn.membership.Memberships;
import org.shequn.messaging.view.ConversationItem;
import org.shequn.messaging.view.ConversationView;
import org.shequn.messaging.view.MessageSettingsView;
import org.shequn.messaging.view.MessageView;
import org.shequn.profile.ProfileCard;
import org.shequn.profile.Profiles;
import org.shequn.shared.Cursor;
import org.shequn.shared.Page;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.social.SocialGraph;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of private messages: my conversations, one conversation (only ever the viewer's own, with the
 * person named: nobody can name someone else's), sending, marking read, and whom I accept messages from.
 */
@Service
public class Conversations implements PrivateMessages {

    /** A send from the API or a form: the text only. */
    public record Draft(String body) {
    }

    /** Settings as sent: {@code accepts} names an {@link Acceptance}. */
    public record SettingsDraft(String accepts) {
    }

    static final int PAGE = 30;
    private static final int SNIPPET = 60;

    private final MessagingStore store;
    private final MessagePace pace;
    private final Accounts accounts;
    private final Profiles profiles;
    private final SocialGraph social;
    private final Memberships memberships;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Conversations(MessagingStore store, MessagePace pace, Accounts accounts, Profiles profiles, SocialGraph social,
                  Memberships memberships, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.pace = pace;
        this.accounts = accounts;
        this.profiles = profiles;
        this.social = social;
        this.memberships = memberships;
        this.events = events;
        this.clock = clock;
    }

    /** My conversations, the one with the newest message first. */
    @Transactional(readOnly = true)
    public Page<ConversationItem> list(Viewer viewer, String cursor) {
        long me = Viewer.require(viewer).accountId();
        var rows = store.sides(me, Cursor.decode(cursor), PAGE + 1);
        var page = rows.subList(0, Math.min(rows.size(), PAGE));
        var cards = profiles.findAll(page.stream().map(MessagingStore.SideRow::otherId).toList());
        var items = new ArrayList<ConversationItem>();
        for (var row : page) {
            var card = cards.get(row.otherId());
            boolean removed = row.removedAt() != null;
            items.add(new ConversationItem(row.otherId(), card == null ? "?" : card.displayName(),
                    card == null ? null : card.avatarUrl(), removed ? null : snippet(row.body()),
                    row.senderId() == me, removed, row.lastMessageAt(), row.unread()));
        }
        var last = page.isEmpty() ? null : page.getLast();
        return new Page<>(items, rows.size() > PAGE && last != null
                ? Cursor.at(last.lastMessageAt(), last.conversationId()).encode() : null);
    }

    /** One page of my messages with {@code otherId}, newest first (the API's order). */
    @Transactional(readOnly = true)
    public Page<MessageView> messages(Viewer viewer, long otherId, String cursor) {
        long me = Viewer.require(viewer).accountId();
        requirePerson(me, otherId);
        var before = Cursor.decode(cursor);
        var conversation = store.conversationId(me, otherId);
        if (conversation.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        var rows = store.messages(conversation.get(), before, PAGE + 1);
        var page = rows.subList(0, Math.min(rows.size(), PAGE));
        var views = page.stream().map(row -> view(row, me)).toList();
        var last = page.isEmpty() ? null : page.getLast();
        return new Page<>(views, rows.size() > PAGE && last != null
                ? Cursor.at(last.createdAt(), last.id()).encode() : null);
    }

    /** The conversation page: opening it marks it read. */
    @Transactional
    public ConversationView open(Viewer viewer, long otherId, String before) {
        long me = Viewer.require(viewer).accountId();
        var card = requirePerson(me, otherId);
        store.markRead(me, otherId);
        var page = messages(viewer, otherId, before);
        return new ConversationView(otherId, card.displayName(), card.avatarUrl(), mayWrite(me, otherId),
                page.items().reversed(), page.next());
    }

    @Transactional
    public MessageView send(Viewer viewer, long recipientId, Draft draft) {
        long me = Viewer.require(viewer).accountId();
        var text = MessageText.of("body", draft == null ? null : draft.body());
        requirePerson(me, recipientId);
        if (!mayWrite(me, recipientId)) {
            // one answer for a block, a setting and no shared community: a blocked person learns nothing more
            throw Rejection.forbidden("messaging.cannotMessage");
        }
        var now = OffsetDateTime.now(clock);
        pace.check(me, store.conversationId(me, recipientId).isEmpty(), now);
        var conversation = store.start(me, recipientId, now);
        long id = store.insertMessage(conversation.conversationId(), me, recipientId, text.value(), now);
        store.touchSides(conversation.conversationId(), me, recipientId, id, now);
        events.publishEvent(new MessageSent(id, me, recipientId));
        return new MessageView(id, me, recipientId, true, text.value(), false, now);
    }

    @Transactional
    public void markRead(Viewer viewer, long otherId) {
        long me = Viewer.require(viewer).accountId();
        requirePerson(me, otherId);
        store.markRead(me, otherId);
    }

    /** Whether the viewer may write to this person now; false for anonymous viewers and for oneself. */
    @Transactional(readOnly = true)
    public boolean mayWrite(Viewer viewer, long otherId) {
        return viewer != null && viewer.accountId() != otherId && accounts.find(otherId).isPresent()
                && mayWrite(viewer.accountId(), otherId);
    }

    @Transactional(readOnly = true)
    public int unread(Viewer viewer) {
        return store.unread(Viewer.require(viewer).accountId());
    }

    @Transactional(readOnly = true)
    public MessageSettingsView settings(Viewer viewer) {
        return new MessageSettingsView(store.accepts(Viewer.require(viewer).accountId()));
    }

    @Transactional
    public MessageSettingsView saveSettings(Viewer viewer, SettingsDraft draft) {
        long me = Viewer.require(viewer).accountId();
        var accepts = acceptance(draft == null ? null : draft.accepts());
        store.setAccepts(me, accepts);
        return new MessageSettingsView(accepts);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Sent> sent(long messageId) {
        return store.message(messageId).filter(row -> row.removedAt() == null).map(row -> new Sent(row.id(),
                row.senderId(), accounts.find(row.senderId()).map(a -> a.displayName()).orElse("?"),
                row.recipientId(), row.body(), row.createdAt()));
    }

    @Override
    @Transactional(readOnly = true)
    public int unread(long accountId) {
        return store.unread(accountId);
    }

    private boolean mayWrite(long me, long other) {
        return MessagingPolicy.allows(social.blockedEitherWay(me, other), store.accepts(other),
                () -> social.follows(me, other) && social.follows(other, me),
                () -> memberships.shareCommunity(me, other));
    }

    /** The other person of a conversation: someone else, who exists. */
    private ProfileCard requirePerson(long me, long otherId) {
        if (otherId == me) {
            throw Rejection.invalid("accountId", "messaging.self");
        }
        return profiles.find(otherId).orElseThrow(() -> Rejection.notFound("messaging.noSuchPerson"));
    }

    static MessageView view(MessagingStore.MessageRow row, long me) {
        boolean removed = row.removedAt() != null;
        return new MessageView(row.id(), row.senderId(), row.recipientId(), row.senderId() == me,
                removed ? null : row.body(), removed, row.createdAt());
    }

    private static Acceptance acceptance(String raw) {
        if (raw == null || raw.isBlank()) {
            throw Rejection.invalid("accepts", "messaging.settings.accepts.required");
        }
        try {
            return Acceptance.valueOf(raw.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("accepts", "messaging.settings.accepts.unknown");
        }
    }

    /** The first line, cut at a whole character. */
    private static String snippet(String body) {
        var line = body.lines().findFirst().orElse("").strip();
        if (line.codePointCount(0, line.length()) <= SNIPPET) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, SNIPPET)) + "…";
    }
}
