package org.shequn.notification;

import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the queued mails. Each run claims due rows with FOR UPDATE SKIP LOCKED and a lease, so two nodes (or
 * two runs) never send the same mail; the SMTP conversation happens outside any transaction. A failed send
 * is tried again after 1, 2, 4 ... minutes (at most an hour apart), and given up after a day of trying.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    static final int BATCH = 20;
    static final int MAX_ATTEMPTS = 30;
    static final Duration LEASE = Duration.ofMinutes(5);

    private final ObjectProvider<JavaMailSender> sender;
    private final MailOutbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String from;

    MailDelivery(ObjectProvider<JavaMailSender> sender, MailOutbox outbox, TransactionTemplate transactions, Clock clock,
                 @Value("${shequn.mail.from:Shequn <noreply@localhost>}") String from) {
        this.sender = sender;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.from = from;
    }

    @Scheduled(fixedDelayString = "${shequn.mail.send-every:PT15S}", initialDelayString = "${shequn.mail.send-every:PT15S}")
    @SchedulerLock(name = "notification-mail", lockAtMostFor = "PT10M")
    void scheduled() {
        try {
            deliverDue(OffsetDateTime.now(clock));
        } catch (RuntimeException e) {
            log.warn("Sending queued mail failed; will try again: {}", e.getMessage());
        }
    }

    /** Sends what is due at {@code now}; returns how many mails went out. */
    int deliverDue(OffsetDateTime now) {
        var mailSender = sender.getIfAvailable();
        if (mailSender == null) {
            return 0;
        }
        var claimed = transactions.execute(t -> outbox.claim(now, now.plus(LEASE), BATCH));
        int sent = 0;
        for (var mail : claimed) {
            try {
                var message = mailSender.createMimeMessage();
                var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
                helper.setFrom(from);
                helper.setTo(mail.recipient());
                helper.setSubject(mail.subject());
                helper.setText(mail.textBody(), mail.htmlBody());
                mailSender.send(message);
                outbox.sent(mail.id(), OffsetDateTime.now(clock));
                sent++;
            } catch (MailException | MessagingException e) {
                int attempts = mail.attempts() + 1;
                var delay = Duration.ofMinutes(Math.min(60, 1L << Math.min(attempts - 1, 6)));
                outbox.failed(mail.id(), e.getMessage(), now.plus(delay), attempts >= MAX_ATTEMPTS);
                log.info("Mail {} not sent (attempt {}): {}", mail.id(), attempts, e.getMessage());
            }
        }
        if (!claimed.isEmpty()) {
            outbox.purgeSentBefore(now.minusDays(30));
        }
        return sent;
    }
}
