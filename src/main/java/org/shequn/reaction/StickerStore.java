package org.shequn.reaction;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.shequn.shared.jdbc.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The sticker_packs and stickers tables. */
@Repository
class StickerStore {

    record PackRow(long id, long communityId, String name, OffsetDateTime archivedAt) {
        boolean archived() {
            return archivedAt != null;
        }
    }

    record StickerRow(long id, long packId, long communityId, String name, String fileKey, String contentType,
                      int width, int height) {
    }

    private static final String STICKER = "id, pack_id, community_id, name, file_key, content_type, width, height";

    private final JdbcClient jdbc;

    StickerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertPack(long communityId, String name, long by, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into sticker_packs (community_id, name, created_by, created_at) values (?, ?, ?, ?)")
                .params(communityId, name, by, now).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    long insertSticker(PackRow pack, String name, String key, String contentType, int width, int height,
                       OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into stickers (pack_id, community_id, name, file_key, content_type, width, height, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(pack.id(), pack.communityId(), name, key, contentType, width, height, now).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /**
     * Counts the community's packs after locking the existing ones: a second concurrent upload waits for the
     * first to commit, and the count (a new statement, so a fresh snapshot) then includes the first one's pack.
     */
    int countPacksLocked(long communityId) {
        jdbc.sql("select id from sticker_packs where community_id = ? for update").param(communityId)
                .query(Long.class).list();
        return jdbc.sql("select count(*) from sticker_packs where community_id = ?").param(communityId)
                .query(Integer.class).single();
    }

    Optional<PackRow> pack(long communityId, long id) {
        return jdbc.sql("select id, community_id, name, archived_at from sticker_packs where id = ? and community_id = ?")
                .params(id, communityId).query(Rows.of(PackRow.class)).optional();
    }

    /** The pack row locked, so that concurrent additions cannot pass the per-pack limit together. */
    Optional<PackRow> packLocked(long communityId, long id) {
        return jdbc.sql("select id, community_id, name, archived_at from sticker_packs where id = ? and community_id = ? for update")
                .params(id, communityId).query(Rows.of(PackRow.class)).optional();
    }

    List<PackRow> packs(long communityId) {
        return jdbc.sql("select id, community_id, name, archived_at from sticker_packs where community_id = ? order by id")
                .param(communityId).query(Rows.of(PackRow.class)).list();
    }

    List<StickerRow> stickersOf(long communityId) {
        return jdbc.sql("select " + STICKER + " from stickers where community_id = ? order by pack_id, id")
                .param(communityId).query(Rows.of(StickerRow.class)).list();
    }

    int countStickers(long packId) {
        return jdbc.sql("select count(*) from stickers where pack_id = ?").param(packId).query(Integer.class).single();
    }

    Optional<StickerRow> sticker(long communityId, long id) {
        return jdbc.sql("select " + STICKER + " from stickers where id = ? and community_id = ?")
                .params(id, communityId).query(Rows.of(StickerRow.class)).optional();
    }

    Map<Long, StickerRow> stickers(long communityId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select " + STICKER + " from stickers where community_id = :c and id in (:ids)")
                .param("c", communityId).param("ids", ids).query(Rows.of(StickerRow.class)).list().stream()
                .collect(Collectors.toMap(StickerRow::id, s -> s));
    }

    /** Whether a sticker may be used now: it exists in this community and its pack is not archived. */
    Optional<StickerRow> usable(long communityId, long id) {
        return jdbc.sql("select s.id, s.pack_id, s.community_id, s.name, s.file_key, s.content_type, s.width, s.height "
                        + "from stickers s join sticker_packs p on p.id = s.pack_id "
                        + "where s.id = ? and s.community_id = ? and p.archived_at is null")
                .params(id, communityId).query(Rows.of(StickerRow.class)).optional();
    }

    void renamePack(long id, String name) {
        jdbc.sql("update sticker_packs set name = ? where id = ?").params(name, id).update();
    }

    void archivePack(long id, OffsetDateTime at) {
        jdbc.sql("update sticker_packs set archived_at = ? where id = ?").params(at, id).update();
    }

    void renameSticker(long id, String name) {
        jdbc.sql("update stickers set name = ? where id = ?").params(name, id).update();
    }

    List<String> deletePack(long id) {
        var keys = jdbc.sql("select file_key from stickers where pack_id = ?").param(id).query(String.class).list();
        var ids = jdbc.sql("select id from stickers where pack_id = ?").param(id).query(Long.class).list();
        ids.forEach(this::forgetSticker);
        jdbc.sql("delete from stickers where pack_id = ?").param(id).update();
        jdbc.sql("delete from sticker_packs where id = ?").param(id).update();
        return keys;
    }

    void deleteSticker(long id) {
        forgetSticker(id);
        jdbc.sql("delete from stickers where id = ?").param(id).update();
    }

    /** A deleted sticker takes its reactions with it; a comment that carried it shows "sticker removed". */
    private void forgetSticker(long id) {
        jdbc.sql("delete from reactions where reaction = ?").param(Reactions.sticker(id)).update();
    }
}
