package org.shequn.community.view;

import java.util.ArrayList;
import java.util.List;

/**
 * The create/edit form as the browser sends it (everything a string), and as it is shown again after an
 * error. Themes are one text field, split on commas (，、, too); the entry questions are up to five inputs.
 */
public record CommunityForm(String name, String slug, String description, String themes, String vision,
                            String values, String mission, String rules, String visibility, String memberCap,
                            String entryPolicy, String requiresRealName, String requiresPosition,
                            String membersMayInvite, List<String> questions) {

    public static CommunityForm blank() {
        return new CommunityForm("", "", "", "", "", "", "", "", "PUBLIC", "40", "OPEN", null, null, null, List.of());
    }

    public String value(String s) {
        return s == null ? "" : s;
    }

    public boolean checked(String flag) {
        return flag != null && (flag.equals("true") || flag.equals("on"));
    }

    /** Always five slots, for the five question inputs. */
    public List<String> questionSlots() {
        var slots = new ArrayList<String>(questions == null ? List.of() : questions);
        while (slots.size() < 5) {
            slots.add("");
        }
        return slots.subList(0, 5);
    }

    public static List<String> splitTags(String text) {
        var result = new ArrayList<String>();
        if (text == null) {
            return result;
        }
        for (var part : text.split("[,，、;；]")) {
            if (!part.isBlank()) {
                result.add(part.strip());
            }
        }
        return result;
    }
}
