/**
 * The to-do centre (待办): what waits for someone who runs a community — applications, reports, held posts and
 * comments, questions addressed to them — with who joined this week and the member count week by week; and the
 * signed-in home page, which lists my communities with what is new in each and the work waiting for me across them.
 * It only reads: each figure comes from the module that owns it (membership, moderation, content), through their
 * public APIs. The {@code web} sub-package holds its pages and API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "To-do centre",
        allowedDependencies = {"community", "content", "identity", "membership", "moderation", "shared"})
package org.shequn.todo;
