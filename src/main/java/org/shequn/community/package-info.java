/**
 * Communities themselves: name, unique slug, description, themes (同好), vision / values / mission,
 * rules (群规), cover, visibility, member cap and entry policy; editing, archiving and restoring. Who
 * belongs to a community is the membership module's business.
 * The {@code web} sub-package holds its HTTP endpoints and pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Community",
        allowedDependencies = {"identity", "shared"})
package org.shequn.community;
