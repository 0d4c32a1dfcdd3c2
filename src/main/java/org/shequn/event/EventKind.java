package org.shequn.event;

/** Where an event happens: what its form asks for (a place, an online link, or both). */
public enum EventKind {
    ONLINE, OFFLINE, BOTH;

    boolean needsPlace() {
        return this != ONLINE;
    }

    boolean needsLink() {
        return this != OFFLINE;
    }
}
