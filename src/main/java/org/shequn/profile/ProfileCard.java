package org.shequn.profile;

import java.util.List;

/**
 * What others may see of a person wherever they appear (directory, member lists, people pages).
 * {@code avatarUrl} is null when there is none. Verified flags are true only after an operator approved.
 */
public record ProfileCard(long accountId, String displayName, String avatarUrl, String bio, String city,
                          String industry, String company, String position, List<Education> education,
                          List<String> skills, List<String> interests, boolean realNameVerified,
                          boolean positionVerified) {

    public record Education(String school, String degree, Integer startYear, Integer endYear) {
    }

    public List<String> schools() {
        return education.stream().map(Education::school).distinct().toList();
    }
}
