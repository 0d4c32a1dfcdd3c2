package org.shequn;

import java.util.List;
import java.util.Map;

/** Community settings for tests that need a community but are not about its settings. */
public final class CommunityFixtures {

    private CommunityFixtures() {
    }

    public static Map<String, Object> settings(String slug) {
        return Api.obj("name", "产品经理读书会", "slug", slug, "description", "一起读书，一起做产品。",
                "themes", List.of("产品经理", "读书"), "vision", "成为彼此的良师益友", "values", "真诚、分享",
                "mission", "每月读一本好书", "rules", "1. 友善交流\n2. 不发广告", "visibility", "PUBLIC",
                "memberCap", 40, "entryPolicy", "APPROVAL", "requiresRealName", false, "requiresPosition", false,
                "membersMayInvite", true, "questions", List.of("你现在做什么工作？", "你最近读的一本书是？"));
    }

    public static Map<String, Object> settings(String slug, String entryPolicy, int memberCap) {
        var s = new java.util.LinkedHashMap<>(settings(slug));
        s.put("entryPolicy", entryPolicy);
        s.put("memberCap", memberCap);
        return s;
    }
}
