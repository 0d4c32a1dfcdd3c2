package org.shequn.moderation.view;

import org.shequn.moderation.WordMode;

/** A banned word and what happens to a text containing it. */
public record BannedWord(String word, WordMode mode) {
}
