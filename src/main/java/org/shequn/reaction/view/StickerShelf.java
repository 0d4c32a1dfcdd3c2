package org.shequn.reaction.view;

import java.util.List;

/** A community's sticker packs, with the limits and whether the viewer may manage them (owner, admins). */
public record StickerShelf(String slug, String communityName, boolean archived, boolean canManage, int maxPacks,
                           int maxStickersPerPack, int maxKilobytes, int maxSide, List<StickerPackView> packs) {
}
