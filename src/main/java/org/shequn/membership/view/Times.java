package org.shequn.membership.view;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as the pages show them: minutes, in China Standard Time (the product's home time zone). */
public final class Times {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Times() {
    }

    public static String format(OffsetDateTime time) {
        return time == null ? "" : FORMAT.format(time.atZoneSameInstant(ZONE));
    }
}
