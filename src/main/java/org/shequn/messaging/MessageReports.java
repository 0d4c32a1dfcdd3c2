package org.shequn.messaging;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import org.shequn.identity.Accounts;
import org.shequn.identity.AccountSummary;
import org.shequn.messaging.view.MessageReportView;
import org.shequn.shared.Rejection;
import org.shequn.shared.Viewer;
import org.shequn.shared.text.ControlCharacters;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reporting a private message to the platform operators (a conversation belongs to no community, so no owner
 * sees it), and the operators' queue: they read the reported message alone, then dismiss the report or remove
 * the message.
 */
@Service
public class MessageReports {

    public record ReportDraft(String reason) {
    }

    static final int REASON_MAX = 500;
    private static final int QUEUE = 100;

    private final ReportStore reports;
    private final MessagingStore messages;
    private final Accounts accounts;
    private final Clock clock;

    MessageReports(ReportStore reports, MessagingStore messages, Accounts accounts, Clock clock) {
        this.reports = reports;
        this.messages = messages;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * The recipient reports a message they were sent. Anyone else, operators included, finds no such message (404):
     * whether a message id exists is not told to a third person. Returns the message's sender.
     */
    @Transactional
    public long report(Viewer viewer, long messageId, ReportDraft draft) {
        long me = Viewer.require(viewer).accountId();
        var reason = reason(draft == null ? null : draft.reason());
        var message = messages.message(messageId).filter(m -> m.between(me))
                .orElseThrow(() -> Rejection.notFound("messaging.noSuchMessage"));
        if (message.senderId() == me) {
            throw Rejection.conflict("messaging.report.own");
        }
        reports.add(messageId, me, reason, OffsetDateTime.now(clock));
        return message.senderId();
    }

    /** Pending reports, oldest first. Operators only. */
    @Transactional(readOnly = true)
    public List<MessageReportView> queue(Viewer viewer) {
        requireOperator(viewer);
        var rows = reports.pending(QUEUE);
        var ids = new HashSet<Long>();
        var found = rows.stream().map(r -> messages.message(r.messageId()).orElseThrow()).toList();
        found.forEach(m -> ids.add(m.senderId()));
        rows.forEach(r -> ids.add(r.reporterId()));
        var names = accounts.findAll(ids);
        return java.util.stream.IntStream.range(0, rows.size()).mapToObj(i -> {
            var r = rows.get(i);
            var m = found.get(i);
            return new MessageReportView(r.id(), m.id(), m.senderId(), name(names.get(m.senderId())),
                    r.reporterId(), name(names.get(r.reporterId())), m.removedAt() == null ? m.body() : null,
                    m.removedAt() != null, r.reason(), r.status(), r.createdAt());
        }).toList();
    }

    /** The message stays; its pending reports are closed. */
    @Transactional
    public void dismiss(Viewer viewer, long reportId) {
        var operator = requireOperator(viewer);
        var report = pending(reportId);
        reports.decide(report.messageId(), ReportStore.Status.DISMISSED, operator.accountId(), OffsetDateTime.now(clock));
    }

    /** The message's text is removed for both people (they see that the platform removed it). */
    @Transactional
    public void remove(Viewer viewer, long reportId) {
        var operator = requireOperator(viewer);
        var report = pending(reportId);
        var now = OffsetDateTime.now(clock);
        messages.removeMessage(report.messageId(), now);
        reports.decide(report.messageId(), ReportStore.Status.REMOVED, operator.accountId(), now);
    }

    private ReportStore.ReportRow pending(long reportId) {
        var report = reports.find(reportId).orElseThrow(() -> Rejection.notFound("messaging.report.notFound"));
        if (!ReportStore.Status.PENDING.name().equals(report.status())) {
            throw Rejection.conflict("messaging.report.decided");
        }
        return report;
    }

    private static Viewer requireOperator(Viewer viewer) {
        if (!Viewer.require(viewer).operator()) {
            throw Rejection.forbidden("messaging.report.operatorsOnly");
        }
        return viewer;
    }

    private static String name(AccountSummary account) {
        return account == null ? "?" : account.displayName();
    }

    private static String reason(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        var reason = raw.strip();
        if (reason.codePointCount(0, reason.length()) > REASON_MAX) {
            throw Rejection.invalid("reason", "messaging.report.reason.tooLong", REASON_MAX);
        }
        if (ControlCharacters.in(reason)) {
            throw Rejection.invalid("reason", "messaging.body.control");
        }
        return reason;
    }
}
