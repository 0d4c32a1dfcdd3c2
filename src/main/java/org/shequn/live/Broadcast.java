package org.shequn.live;

/** Carries a message to every node of the installation, this one included. */
interface Broadcast {

    /**
     * Called inside the writer's transaction where there is one; the message must go out when, and only if, it
     * commits (PostgreSQL's NOTIFY does so by itself; the others wait for {@link AfterCommit}).
     */
    void send(LiveMessage message);
}
