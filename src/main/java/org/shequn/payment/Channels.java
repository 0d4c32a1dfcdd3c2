package org.shequn.payment;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The configured channels; one that is off is as if it did not exist. */
@Component
class Channels {

    private final Map<PaymentChannel.Kind, PaymentChannel> enabled = new EnumMap<>(PaymentChannel.Kind.class);

    Channels(List<PaymentChannel> all) {
        for (var channel : all) {
            if (channel.enabled()) {
                enabled.put(channel.kind(), channel);
            }
        }
    }

    Optional<PaymentChannel> find(PaymentChannel.Kind kind) {
        return Optional.ofNullable(enabled.get(kind));
    }

    /** The channel a payment was started with, which was on then; off since means it cannot be acted on now. */
    PaymentChannel of(PaymentChannel.Kind kind) {
        return find(kind).orElseThrow(() -> org.shequn.shared.Rejection.conflict("payment.channel.off"));
    }

    List<PaymentChannel.Kind> offered() {
        return List.copyOf(enabled.keySet());
    }
}
