package org.shequn.social;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.shequn.shared.Rejection;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Following and unfollowing someone. Following twice is a no-op; a block in either direction forbids it. */
@Service
public class Following {

    private final People people;
    private final Follows follows;
    private final Blocks blocks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Following(People people, Follows follows, Blocks blocks, ApplicationEventPublisher events, Clock clock) {
        this.people = people;
        this.follows = follows;
        this.blocks = blocks;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void follow(long follower, long followee) {
        people.requireOther(follower, followee, "social.follow.self");
        if (blocks.exists(follower, followee)) {
            throw Rejection.forbidden("social.follow.youBlocked");
        }
        if (blocks.exists(followee, follower)) {
            throw Rejection.forbidden("social.follow.notAllowed");
        }
        var now = OffsetDateTime.now(clock);
        if (follows.add(follower, followee, now)) {
            events.publishEvent(new Followed(follower, followee, follows.exists(followee, follower)));
        }
    }

    @Transactional
    public void unfollow(long follower, long followee) {
        people.requireOther(follower, followee, "social.follow.self");
        follows.remove(follower, followee);
    }
}
