/**
 * Demo data: with {@code shequn.demo=true} a fresh installation seeds a few Chinese communities with about
 * thirty members of varied positions, companies, schools and cities, and fills two of them with posts,
 * questions and answers, comments, stickers, an announcement, a report and a conversation with the owner
 * ({@code DemoStories}, played by {@code DemoActivity}), so a new user sees a living product.
 * It drives the application's own HTTP API over loopback, so every demo row went through the same
 * validation, policies and events as a real user's.
 * It has no HTTP endpoints of its own, so no {@code web} sub-package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data",
        allowedDependencies = {})
package org.shequn.demo;
