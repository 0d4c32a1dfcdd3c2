package org.shequn.payment;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One way in for every channel's notifications, the test mode's included: the channel verifies, the recorder records,
 * and the channel's success answer is given only after the transaction committed. A transaction that lost a race with
 * the same notification at another node is run again, and then finds it recorded.
 */
@Component
public class PaymentNotifications {

    private static final Logger log = LoggerFactory.getLogger(PaymentNotifications.class);

    private final Channels channels;
    private final PaymentRecorder recorder;
    private final TransactionTemplate transactions;

    PaymentNotifications(Channels channels, PaymentRecorder recorder, TransactionTemplate transactions) {
        this.channels = channels;
        this.recorder = recorder;
        this.transactions = transactions;
    }

    /** Empty when the channel is off (the endpoint answers 404). */
    public Optional<PaymentChannel.Answer> receive(PaymentChannel.Kind kind, PaymentChannel.Incoming incoming) {
        return channels.find(kind).map(channel -> receive(channel, incoming));
    }

    private PaymentChannel.Answer receive(PaymentChannel channel, PaymentChannel.Incoming incoming) {
        try {
            var notice = channel.verify(incoming);
            var outcome = recordRetrying(channel.kind(), notice);
            log.info("{} notification {} for {}: {}", channel.kind(), notice.notificationId(), notice.tradeNo(), outcome);
            return channel.accepted();
        } catch (PaymentChannel.Refused refused) {
            log.warn("{} notification refused: {}", channel.kind(), refused.getMessage());
            return channel.refused(refused.getMessage());
        }
    }

    /**
     * Records what a channel's query says, exactly as a notification would be (the same recorder, the same
     * exactly-once rule); a payment the provider says is paid but that does not match is not recorded.
     */
    Optional<PaymentRecorder.Outcome> recordQueried(PaymentChannel.Kind kind, PaymentChannel.Notice notice) {
        try {
            var outcome = recordRetrying(kind, notice);
            log.info("{} query {} for {}: {}", kind, notice.notificationId(), notice.tradeNo(), outcome);
            return Optional.of(outcome);
        } catch (PaymentChannel.Refused refused) {
            log.warn("{} query for {} not recorded: {}", kind, notice.tradeNo(), refused.getMessage());
            return Optional.empty();
        }
    }

    private PaymentRecorder.Outcome recordRetrying(PaymentChannel.Kind kind, PaymentChannel.Notice notice) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> recorder.record(kind, notice));
            } catch (ConcurrencyFailureException | DataIntegrityViolationException raced) {
                if (attempt == 5) {
                    throw raced;
                }
            }
        }
    }
}
