package org.shequn.community;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * The address a new community gets when its owner does not choose one: most names are Chinese, and a slug is Latin
 * letters, digits and hyphens, so the name's Latin words are kept when there are any ("AI 产品读书会" → "ai"), and
 * six random letters and digits stand in or are added ("c-k3x9qa", "ai-k3x9qa").
 */
final class CommunitySlug {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private CommunitySlug() {
    }

    /** The name's Latin words joined by hyphens, or null when fewer than three such characters remain. */
    static String fromName(String name) {
        if (name == null) {
            return null;
        }
        var words = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (words.length() > 30) {
            words = words.substring(0, 30).replaceAll("-+$", "");
        }
        return words.length() >= 3 ? words : null;
    }

    static String random(String base) {
        var tail = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            tail.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return (base == null ? "c" : base) + "-" + tail;
    }
}
