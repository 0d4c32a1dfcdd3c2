package org.shequn.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Runs a delivery once the writer's transaction has committed (at once outside one; never after a rollback). */
final class AfterCommit {

    private static final Logger log = LoggerFactory.getLogger(AfterCommit.class);

    private AfterCommit() {
    }

    static void run(Runnable delivery) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            deliver(delivery);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                deliver(delivery);
            }
        });
    }

    /** The write has committed: a live update that cannot be sent must not turn it into an error. */
    private static void deliver(Runnable delivery) {
        try {
            delivery.run();
        } catch (RuntimeException e) {
            log.warn("Live updates: could not send ({}); open pages catch up on their next reload", e.toString());
        }
    }
}
