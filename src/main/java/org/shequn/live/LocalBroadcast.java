package org.shequn.live;

/** The embedded database runs one node: a broadcast is a call into this node's streams. */
final class LocalBroadcast implements Broadcast {

    private final Streams streams;

    LocalBroadcast(Streams streams) {
        this.streams = streams;
    }

    @Override
    public void send(LiveMessage message) {
        AfterCommit.run(() -> streams.deliver(message));
    }
}
