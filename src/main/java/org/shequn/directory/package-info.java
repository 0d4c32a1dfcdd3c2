/**
 * The member directory (成员列表): inside a community, members see each other with identity tags and
 * badges, filter by any combination of tags, search by name, page with a stable keyset, and see mutual
 * connections. It is a read model fed by membership and profile events through the outbox, so filtering
 * 100,000 members never joins other modules' tables.
 * The {@code web} sub-package holds its HTTP endpoints and pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Member directory",
        allowedDependencies = {"community", "identity", "membership", "profile", "shared", "social"})
package org.shequn.directory;
