package org.shequn.directory;

import java.util.Locale;

/** The kinds of identity tag a directory can be filtered by; a tag is stored as {@code kind:value}. */
enum DirectoryTag {
    CITY("city"), INDUSTRY("industry"), COMPANY("company"), POSITION("position"), SCHOOL("school"), SKILL("skill"),
    ROLE("role"), VERIFIED("verified");

    final String prefix;

    DirectoryTag(String prefix) {
        this.prefix = prefix;
    }

    /** Tags compare case-insensitively and ignore surrounding blanks: "Java " and "java" are one skill. */
    String tag(String value) {
        return prefix + ":" + value.strip().toLowerCase(Locale.ROOT);
    }

    static final int MAX_VALUE = 80;
}
