package org.shequn.content.view;

/** A banned word and what happens to a text containing it: BLOCK (refused) or HOLD (kept for review). */
public record BannedWord(String word, String mode) {
}
