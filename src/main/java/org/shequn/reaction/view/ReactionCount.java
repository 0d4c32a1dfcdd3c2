package org.shequn.reaction.view;

/** How many members reacted with one sticker, and whether the viewer is one of them. */
public record ReactionCount(String reaction, StickerView sticker, int count, boolean mine) {
}
