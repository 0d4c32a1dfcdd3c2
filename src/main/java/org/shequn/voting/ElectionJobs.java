package org.shequn.voting;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles elections on one node every few minutes: fixes the roll when voting opens, publishes the count when it
 * closes, and ends the term (the winners are members again, the owner is reminded). A look at the election does
 * the same first, so nobody waits for this job.
 */
@Component
class ElectionJobs {

    private static final int BATCH = 100;

    private final Elections elections;

    ElectionJobs(Elections elections) {
        this.elections = elections;
    }

    @Scheduled(fixedDelayString = "${shequn.voting.settle-every:PT5M}", initialDelayString = "PT2M")
    @SchedulerLock(name = "election-settle", lockAtMostFor = "PT10M")
    void scheduled() {
        elections.settleDue(BATCH);
    }
}
