package org.shequn.live;

/** Carries a message to every node of the installation, this one included. */
interface Broadcast {

    /** Called inside the listener's transaction where there is one: PostgreSQL delivers it on commit. */
    void send(LiveMessage message);
}
