package org.shequn.social;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Blocking someone ends the follows between the two, both ways, and keeps them from following each
 * other until the blocker unblocks. Only the blocker knows; the blocked person is not told.
 */
@Service
public class Blocking {

    private final People people;
    private final Blocks blocks;
    private final Follows follows;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Blocking(People people, Blocks blocks, Follows follows, ApplicationEventPublisher events, Clock clock) {
        this.people = people;
        this.blocks = blocks;
        this.follows = follows;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void block(long blocker, long blocked) {
        people.requireOther(blocker, blocked, "social.block.self");
        boolean added = blocks.add(blocker, blocked, OffsetDateTime.now(clock));
        follows.remove(blocker, blocked);
        follows.remove(blocked, blocker);
        if (added) {
            events.publishEvent(new Blocked(blocker, blocked));
        }
    }

    @Transactional
    public void unblock(long blocker, long blocked) {
        people.requireOther(blocker, blocked, "social.block.self");
        if (blocks.remove(blocker, blocked)) {
            events.publishEvent(new Unblocked(blocker, blocked));
        }
    }
}
