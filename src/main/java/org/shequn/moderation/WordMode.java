package org.shequn.moderation;

/** What a banned word does to a text that contains it. */
public enum WordMode {
    /** The text is refused, naming the word. */
    BLOCK,
    /** The text is written but held until an owner or admin approves it. */
    HOLD
}
