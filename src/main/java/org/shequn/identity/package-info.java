/**
 * Accounts and signing in: registration with email (phone optional) and password, password login
 * that slows down and then locks after repeated failures, database-backed sessions, personal API
 * tokens sent as {@code Authorization: Bearer}, and who the platform operators are. Other modules see
 * accounts only through {@link org.shequn.identity.Accounts} and the {@link org.shequn.identity.AccountRegistered} event.
 * The {@code web} sub-package holds its HTTP endpoints and pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity",
        allowedDependencies = {"shared"})
package org.shequn.identity;
