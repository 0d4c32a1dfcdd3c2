package org.shequn.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Plays a {@link DemoLife} through the API, each step as the member who would do it: the owner sets up sections,
 * the sticker pack and the banned words, members post (with a picture uploaded first), comment, reply, react;
 * askers accept answers, the owner features and pins, a member reports, members read the announcement.
 * Each member writes a handful of posts and comments at most, well inside the writing limits
 * ({@code shequn.moderation.*}), so nothing has to be raised for the demo.
 */
final class DemoActivity {

    private final DemoClient api;
    private final List<String> tokens;
    private final List<Long> ids;

    DemoActivity(DemoClient api, List<String> tokens, List<Long> ids) {
        this.api = api;
        this.tokens = tokens;
        this.ids = ids;
    }

    void play(DemoLife life) {
        var base = "/communities/" + life.slug();
        var owner = tokens.get(life.owner());
        Map<String, Long> sections = new HashMap<>();
        for (var section : life.sections()) {
            var created = api.post(owner, base + "/sections", Map.of("name", section.name(),
                    "description", section.description(), "icon", section.icon(), "posting", section.posting()));
            sections.put(section.name(), created.get("id").asLong());
        }
        var fields = new LinkedMultiValueMap<String, String>();
        fields.add("name", life.packName());
        var files = new ArrayList<DemoClient.Upload>();
        for (var sticker : life.stickers()) {
            fields.add("names", sticker.name());
            files.add(new DemoClient.Upload("stickers", sticker.image().name().toLowerCase() + ".png",
                    DemoImages.sticker(sticker.image())));
        }
        var stickers = new ArrayList<Long>();
        api.upload(owner, base + "/sticker-packs", fields, files).get("stickers")
                .forEach(s -> stickers.add(s.get("id").asLong()));
        if (!life.heldWords().isEmpty()) {
            api.put(owner, base + "/moderation/words", Map.of("words",
                    life.heldWords().stream().map(w -> Map.of("word", w, "mode", "HOLD")).toList()));
        }
        for (var story : life.stories()) {
            publish(life, base, sections, stickers, story);
        }
        var notice = life.announcement();
        long announcement = api.post(owner, base + "/announcements",
                Map.of("title", notice.title(), "body", notice.body())).get("id").asLong();
        for (int reader : notice.readers()) {
            api.post(tokens.get(reader), base + "/announcements/" + announcement + "/read", null);
        }
    }

    private void publish(DemoLife life, String base, Map<String, Long> sections, List<Long> stickers,
                         DemoLife.Story story) {
        var author = tokens.get(story.author);
        var draft = new LinkedHashMap<String, Object>();
        draft.put("kind", story.kind);
        draft.put("sectionId", sections.get(story.section));
        draft.put("title", story.title);
        draft.put("body", story.body);
        draft.put("tags", story.tags);
        if (story.addressee != null) {
            draft.put("addresseeId", ids.get(story.addressee));
        }
        if (story.picture != null) {
            var image = api.upload(author, base + "/media/images", new LinkedMultiValueMap<>(),
                    List.of(new DemoClient.Upload("file", story.picture.name().toLowerCase() + ".png",
                            DemoImages.picture(story.picture))));
            draft.put("imageIds", List.of(image.get("id").asLong()));
        }
        long post = api.post(author, base + "/posts", draft).get("id").asLong();
        var posted = base + "/posts/" + post;

        List<Long> topLevel = new ArrayList<>();
        for (var talk : story.talks) {
            long comment = comment(life, post, null, stickers, talk);
            topLevel.add(comment);
            for (var reply : talk.replies()) {
                comment(life, post, comment, stickers, reply);
            }
            // the author likes what others say under the post (not a comment held for review: it is not out yet)
            boolean held = life.heldWords().stream().anyMatch(talk.body()::contains);
            if (talk.author() != story.author && talk.sticker() == null && !held) {
                api.put(author, posted + "/comments/" + comment + "/reactions/like", null);
            }
        }
        for (int liker : story.likes) {
            api.put(tokens.get(liker), posted + "/reactions/like", null);
        }
        for (int reactor : story.stickerReactions) {
            api.put(tokens.get(reactor), posted + "/reactions/sticker:" + stickers.get(story.reactionSticker), null);
        }
        if (story.accepted != null) {
            api.put(author, posted + "/accepted-answer", Map.of("commentId", topLevel.get(story.accepted)));
        }
        var owner = tokens.get(life.owner());
        if (story.featured) {
            api.put(owner, posted + "/featured", null);
        }
        if (story.pinned) {
            api.put(owner, posted + "/pin", null);
        }
        if (story.report != null) {
            api.post(tokens.get(story.report.reporter()), base + "/reports",
                    Map.of("commentId", topLevel.get(story.report.talk()), "reason", story.report.reason()));
        }
    }

    private long comment(DemoLife life, long post, Long parent, List<Long> stickers, DemoLife.Talk talk) {
        var body = new HashMap<String, Object>();
        body.put("body", talk.body());
        if (parent != null) {
            body.put("parentId", parent);
        }
        if (talk.sticker() != null) {
            body.put("stickerId", stickers.get(talk.sticker()));
        }
        return api.comment(tokens.get(talk.author()), life.slug(), post, body);
    }
}
