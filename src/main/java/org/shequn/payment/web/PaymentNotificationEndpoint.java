package org.shequn.payment.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.shequn.payment.PaymentChannel;
import org.shequn.payment.PaymentNotifications;
import org.shequn.shared.Rejection;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the providers post their notifications ({@code notify_url}). The raw body is handed to the channel, since
 * the signature covers its exact bytes; Alipay's form fields are read as fields. No session and no CSRF token: the
 * provider has neither, and the signature is what is trusted (SecurityConfig exempts API calls without a session).
 * The answer is the provider's own success or failure body.
 */
@RestController
class PaymentNotificationEndpoint {

    /** a provider's notification is a few kilobytes; a larger body is not one */
    private static final int MAX_BODY = 64 * 1024;

    private final PaymentNotifications notifications;

    PaymentNotificationEndpoint(PaymentNotifications notifications) {
        this.notifications = notifications;
    }

    @PostMapping("/api/v1/payments/notify/{channel}")
    ResponseEntity<String> notify(@PathVariable String channel, HttpServletRequest request) throws IOException {
        var kind = PaymentChannel.Kind.ofPath(channel).filter(k -> k != PaymentChannel.Kind.OFFLINE)
                .orElseThrow(() -> Rejection.notFound("payment.channel.off"));
        var headers = new HashMap<String, String>();
        for (var name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        String body = null;
        var form = new HashMap<String, String>();
        var type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            for (Map.Entry<String, String[]> field : request.getParameterMap().entrySet()) {
                form.put(field.getKey(), field.getValue()[0]);
            }
        } else {
            var bytes = request.getInputStream().readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw Rejection.tooLarge("payment.notification.tooLarge");
            }
            body = new String(bytes, StandardCharsets.UTF_8);
        }
        var answer = notifications.receive(kind, new PaymentChannel.Incoming(headers, body, form))
                .orElseThrow(() -> Rejection.notFound("payment.channel.off"));
        return ResponseEntity.status(answer.status())
                .contentType(MediaType.parseMediaType(answer.contentType() + ";charset=UTF-8"))
                .body(answer.body());
    }
}
