package org.shequn.directory.view;

import java.time.OffsetDateTime;
import java.util.List;

/** One member as the directory shows them. */
public record DirectoryMember(long accountId, String displayName, String avatarUrl, String role, OffsetDateTime joinedAt,
                              Long inviterId, String inviterName, String city, String industry, String company,
                              String position, List<String> schools, List<String> skills, boolean realNameVerified,
                              boolean positionVerified) {


    public String headline() {
        if (position != null && company != null) {
            return position + " @ " + company;
        }
        return position != null ? position : company;
    }
}
