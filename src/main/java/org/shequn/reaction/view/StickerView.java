package org.shequn.reaction.view;

/** One sticker: its image is served only to members of its community, at {@code url}. */
public record StickerView(long id, long packId, String name, String url, int width, int height) {
}
