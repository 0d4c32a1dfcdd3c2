package org.shequn.notification;

import java.util.Locale;
import org.shequn.identity.Accounts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes mails (in the recipient's language, as plain text and as escaped HTML, each with a link back to the
 * site and a way to stop them) and queues them in the outbox. Without {@code spring.mail.host} there is no
 * mail sender, and nothing is queued.
 */
@Component
public class Mails {

    private final ObjectProvider<JavaMailSender> sender;
    private final MailOutbox outbox;
    private final Accounts accounts;
    private final MessageSource messages;
    private final String baseUrl;

    Mails(ObjectProvider<JavaMailSender> sender, MailOutbox outbox, Accounts accounts, MessageSource messages,
          @Value("${shequn.base-url:http://localhost:8080}") String baseUrl) {
        this.sender = sender;
        this.outbox = outbox;
        this.accounts = accounts;
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public boolean enabled() {
        return sender.getIfAvailable() != null;
    }

    /**
     * Queues a mail made of paragraphs (already in the recipient's language, not yet escaped) and a link to a
     * page of the site. Nothing happens when mail is off or the account has no email address.
     */
    void queue(long accountId, Locale locale, String subject, java.util.List<String> paragraphs, String path,
               String sourceKey, java.time.OffsetDateTime now) {
        if (!enabled()) {
            return;
        }
        var address = accounts.email(accountId).orElse(null);
        if (address == null) {
            return;
        }
        var url = baseUrl + (path == null ? "/notifications" : path);
        var open = t("notification.mail.open", locale);
        var unsubscribe = t("notification.mail.unsubscribe", locale);
        var settings = baseUrl + "/notifications/settings";
        var text = new StringBuilder();
        var html = new StringBuilder("<!DOCTYPE html><html><body>");
        for (var p : paragraphs) {
            text.append(p).append("\n\n");
            html.append("<p>").append(escape(p).replace("\n", "<br>")).append("</p>");
        }
        text.append(open).append(": ").append(url).append("\n\n-- \n").append(unsubscribe).append(": ").append(settings).append('\n');
        html.append("<p><a href=\"").append(escape(url)).append("\">").append(escape(open)).append("</a></p>")
                .append("<hr><p><small>").append(escape(unsubscribe)).append(": <a href=\"").append(escape(settings))
                .append("\">").append(escape(settings)).append("</a></small></p></body></html>");
        var line = t("notification.mail.subject", locale, subject.replaceAll("\\s+", " ").strip());
        outbox.add(new MailOutbox.NewMail(accountId, address, line.length() > 300 ? line.substring(0, 300) : line,
                text.toString(), html.toString(), sourceKey), now);
    }

    String t(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String escape(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
