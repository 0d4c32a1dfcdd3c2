/**
 * Who is who: a member's profile (avatar, bio, city, industry, company, position, education, skills and
 * interests) and the two person-reviewed verifications, real name (实名) and position (职务), with the
 * operators' review queue. Other modules read profiles through {@link org.shequn.profile.Profiles}.
 * The {@code web} sub-package holds its HTTP endpoints and pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Profile",
        allowedDependencies = {"identity", "shared"})
package org.shequn.profile;
