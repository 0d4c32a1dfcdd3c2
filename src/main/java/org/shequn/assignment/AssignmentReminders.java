package org.shequn.assignment;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.shequn.assignment.AssignmentStore.AssignmentRow;
import org.shequn.membership.Memberships;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reminder so many hours before an assignment is due: from that moment until the due time, each member who has
 * not handed in is told once. Each member is claimed by a row (assignment, member) before being told, in the same
 * transaction as the announcement ({@link AssignmentReminded}), so two nodes or a second run never tell anyone
 * twice; someone who joins before the due time is told on the next run.
 */
@Service
public class AssignmentReminders {

    private final AssignmentStore assignments;
    private final SubmissionStore store;
    private final Memberships memberships;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AssignmentReminders(AssignmentStore assignments, SubmissionStore store, Memberships memberships,
                        ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.assignments = assignments;
        this.store = store;
        this.memberships = memberships;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${shequn.assignment.reminders-every:PT1M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "assignment-reminders", lockAtMostFor = "PT10M")
    void scheduled() {
        sendDue();
    }

    /** Tells every member due a reminder who was not told yet; returns how many were told. */
    public int sendDue() {
        var now = OffsetDateTime.now(clock);
        int told = 0;
        for (var assignment : assignments.toRemind(now)) {
            told += remind(assignment, now);
        }
        return told;
    }

    private int remind(AssignmentRow assignment, OffsetDateTime now) {
        return transactions.execute(tx -> {
            var quiet = store.submitters(assignment.id());
            quiet.addAll(store.reminded(assignment.id()));
            var told = new ArrayList<Long>();
            memberships.eachMember(assignment.communityId(), member -> {
                if (!quiet.contains(member) && store.claimReminder(assignment.id(), member, now) == 1) {
                    told.add(member);
                }
            });
            if (!told.isEmpty()) {
                events.publishEvent(new AssignmentReminded(assignment.communityId(), assignment.id(), assignment.title(),
                        assignment.dueAt(), told));
            }
            return told.size();
        });
    }
}
