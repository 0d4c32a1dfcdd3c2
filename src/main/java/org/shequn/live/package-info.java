/**
 * Live updates: members watching a feed or a post receive new posts, comments and reactions as server-sent
 * events, and every signed-in person's open messages pages receive their private messages. Content events are broadcast to every node (PostgreSQL NOTIFY, Redis pub/sub when configured,
 * or in the JVM on the embedded database); each node fans out to its own connected clients only.
 * The {@code web} sub-package holds its HTTP endpoints: the event streams and the filter that starts them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Live updates",
        allowedDependencies = {"content", "membership", "messaging", "moderation", "reaction", "shared"})
package org.shequn.live;
