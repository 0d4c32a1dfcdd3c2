package org.shequn.reaction.view;

import java.util.List;

/** A sticker pack (表情包); an archived pack's stickers stay visible where used but cannot be used again. */
public record StickerPackView(long id, String name, boolean archived, List<StickerView> stickers) {
}
