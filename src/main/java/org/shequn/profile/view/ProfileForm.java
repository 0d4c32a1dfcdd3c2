package org.shequn.profile.view;

import java.util.List;

/** The profile edit form as typed: always {@code MAX} education rows, tags as one text each. */
public record ProfileForm(String displayName, String bio, String city, String industry, String company,
                          String position, List<EducationRow> education, String skills, String interests) {

    public record EducationRow(String school, String degree, String startYear, String endYear) {
    }
}
