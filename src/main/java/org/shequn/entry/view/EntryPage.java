package org.shequn.entry.view;

import java.util.List;
import org.shequn.entry.PaidEntry;
import org.shequn.community.CommunityInfo;

/** The entry page (price, the viewer's term, pay, renew, refund) and the owner's settings page read this. */
public record EntryPage(CommunityInfo community, PaidEntry.Shown shown, String code, List<String> channels) {

    /** A date as the pages show it: China time, to the minute. */
    public static String shown(java.time.OffsetDateTime at) {
        return at == null ? "" : at.atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    }

    /** 分 as 元 for a form field ("99.00"), empty for none. */
    public static String yuan(Long minor) {
        return minor == null ? "" : org.shequn.shared.money.Money.cny(minor).plain();
    }
}
