package org.shequn.membership.web;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.Set;

/**
 * The font family a poster draws in: the first installed family that has Chinese glyphs, so 邀请你加入 is not
 * drawn as boxes. Asking the system for its families takes a while, so it is asked once per JVM.
 */
final class PosterFont {

    /** Debian's fonts-wqy-zenhei first (what the install notes name), then the usual CJK families elsewhere. */
    private static final List<String> CJK_FAMILIES = List.of("WenQuanYi Zen Hei", "Noto Sans CJK SC", "Noto Sans SC",
            "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei",
            "Droid Sans Fallback", "AR PL UMing CN");

    private static final String FAMILY = find();

    private PosterFont() {
    }

    static Font of(int style, float size) {
        return new Font(FAMILY, style, 1).deriveFont(style, size);
    }

    /** The family found; a logical font (which the JDK maps through fontconfig) when no CJK family is installed. */
    static String family() {
        return FAMILY;
    }

    private static String find() {
        var installed = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
        return CJK_FAMILIES.stream().filter(installed::contains)
                .filter(family -> new Font(family, Font.PLAIN, 12).canDisplayUpTo("邀请你加入社群") == -1)
                .findFirst().orElse(Font.SANS_SERIF);
    }
}
