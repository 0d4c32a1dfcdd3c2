package org.shequn.messaging.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.shequn.messaging.Conversations;
import org.shequn.messaging.MessageReports;
import org.shequn.messaging.view.ConversationItem;
import org.shequn.messaging.view.MessageReportView;
import org.shequn.messaging.view.MessageSettingsView;
import org.shequn.messaging.view.MessageView;
import org.shequn.shared.Page;
import org.shequn.shared.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Private messages over the API. A conversation is addressed by the other person's account id, always from the
 * caller's side: there is no path to anyone else's conversation. Live delivery: {@code /api/v1/messages/live}.
 */
@RestController
@RequestMapping("/api/v1")
class MessageApi {

    private final Conversations conversations;
    private final MessageReports reports;

    MessageApi(Conversations conversations, MessageReports reports) {
        this.conversations = conversations;
        this.reports = reports;
    }

    /** My conversations, newest message first, each with its unread count. */
    @GetMapping("/messages")
    Page<ConversationItem> list(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String cursor) {
        return conversations.list(viewer, cursor);
    }

    /** Unread messages over all my conversations. */
    @GetMapping("/messages/unread")
    Map<String, Integer> unread(@AuthenticationPrincipal Viewer viewer) {
        return Map.of("unread", conversations.unread(viewer));
    }

    @GetMapping("/messages/settings")
    MessageSettingsView settings(@AuthenticationPrincipal Viewer viewer) {
        return conversations.settings(viewer);
    }

    /** {@code accepts}: COMMUNITIES (members of a shared community and friends), FRIENDS or NOBODY. */
    @PutMapping("/messages/settings")
    MessageSettingsView saveSettings(@AuthenticationPrincipal Viewer viewer,
                                     @RequestBody Conversations.SettingsDraft body) {
        return conversations.saveSettings(viewer, body);
    }

    /** My messages with this person, newest first, keyset paged ({@code next} → {@code cursor}). */
    @GetMapping("/messages/{accountId}")
    Page<MessageView> messages(@AuthenticationPrincipal Viewer viewer, @PathVariable long accountId,
                               @RequestParam(required = false) String cursor) {
        return conversations.messages(viewer, accountId, cursor);
    }

    /** Plain text, 1–2,000 characters. 403 when this person cannot be messaged, 429 when writing too fast. */
    @PostMapping("/messages/{accountId}")
    ResponseEntity<MessageView> send(@AuthenticationPrincipal Viewer viewer, @PathVariable long accountId,
                                     @RequestBody(required = false) Conversations.Draft body) {
        Viewer.require(viewer);
        var sent = conversations.send(viewer, accountId, body);
        return ResponseEntity.created(URI.create("/api/v1/messages/" + accountId)).body(sent);
    }

    @PostMapping("/messages/{accountId}/read")
    ResponseEntity<Void> read(@AuthenticationPrincipal Viewer viewer, @PathVariable long accountId) {
        conversations.markRead(viewer, accountId);
        return ResponseEntity.noContent().build();
    }

    /** The recipient reports a message to the platform operators. */
    @PostMapping("/messages/{messageId}/report")
    ResponseEntity<Void> report(@AuthenticationPrincipal Viewer viewer, @PathVariable long messageId,
                                @RequestBody(required = false) MessageReports.ReportDraft body) {
        reports.report(viewer, messageId, body);
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/operator/message-reports")
    List<MessageReportView> queue(@AuthenticationPrincipal Viewer viewer) {
        return reports.queue(viewer);
    }

    @PostMapping("/operator/message-reports/{id}/dismiss")
    ResponseEntity<Void> dismiss(@AuthenticationPrincipal Viewer viewer, @PathVariable long id) {
        reports.dismiss(viewer, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/operator/message-reports/{id}/remove")
    ResponseEntity<Void> remove(@AuthenticationPrincipal Viewer viewer, @PathVariable long id) {
        reports.remove(viewer, id);
        return ResponseEntity.noContent().build();
    }
}
