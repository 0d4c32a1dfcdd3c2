package org.shequn.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.shequn.demo.DemoImages.Picture;
import org.shequn.demo.DemoImages.Sticker;

/**
 * What happens in a demo community once its members are in: sections, a sticker pack, posts with their
 * conversations, curation, a report, an announcement. People are indexes into {@link DemoPeople#all()}; a
 * sticker is an index into the community's pack.
 */
record DemoLife(String slug, int owner, List<Section> sections, String packName, List<PackSticker> stickers,
                List<String> heldWords, List<Story> stories, Notice announcement) {

    record Section(String name, String description, String icon, String posting) {
    }

    record PackSticker(String name, Sticker image) {
    }

    /** An announcement and who has read it. */
    record Notice(String title, String body, List<Integer> readers) {
    }

    /** A comment (or, with {@code sticker}, a sticker sent as one) and its replies. */
    record Talk(int author, String body, Integer sticker, List<Talk> replies) {
    }

    /** A member reports a top-level comment of the story; the report stays open. */
    record Report(int talk, int reporter, String reason) {
    }

    static Talk talk(int author, String body, Talk... replies) {
        return new Talk(author, body, null, List.of(replies));
    }

    static Talk sticker(int author, int sticker) {
        return new Talk(author, "", sticker, List.of());
    }

    /**
     * A post as the demo publishes it, written fluently. {@code accepted}: which top-level comment the asker
     * accepts (questions); {@code likes} and {@code stickerReactions}: who reacts to the post.
     */
    static final class Story {
        final int author;
        final String kind;
        final String section;
        final String title;
        final String body;
        List<String> tags = List.of();
        Integer addressee;
        Picture picture;
        List<Talk> talks = List.of();
        List<Integer> likes = List.of();
        Integer reactionSticker;
        List<Integer> stickerReactions = List.of();
        boolean featured;
        boolean pinned;
        Integer accepted;
        Report report;

        private Story(int author, String kind, String section, String title, String body) {
            this.author = author;
            this.kind = kind;
            this.section = section;
            this.title = title;
            this.body = body;
        }

        static Story discussion(int author, String section, String title, String body) {
            return new Story(author, "DISCUSSION", section, title, body);
        }

        static Story question(int author, String section, String title, String body) {
            return new Story(author, "QUESTION", section, title, body);
        }

        static Story article(int author, String section, String title, String body) {
            return new Story(author, "ARTICLE", section, title, body);
        }

        Story tags(String... tags) {
            this.tags = List.of(tags);
            return this;
        }

        Story to(int addressee) {
            this.addressee = addressee;
            return this;
        }

        Story picture(Picture picture) {
            this.picture = picture;
            return this;
        }

        Story talks(Talk... talks) {
            this.talks = List.of(talks);
            return this;
        }

        Story likes(Integer... people) {
            this.likes = List.of(people);
            return this;
        }

        Story likesFrom(int from, int to) {
            var people = new ArrayList<Integer>();
            for (int i = from; i <= to; i++) {
                people.add(i);
            }
            this.likes = people;
            return this;
        }

        Story stickers(int sticker, Integer... people) {
            this.reactionSticker = sticker;
            this.stickerReactions = Arrays.asList(people);
            return this;
        }

        Story featured() {
            this.featured = true;
            return this;
        }

        Story pinned() {
            this.pinned = true;
            return this;
        }

        Story accept(int talk) {
            this.accepted = talk;
            return this;
        }

        Story report(int talk, int reporter, String reason) {
            this.report = new Report(talk, reporter, reason);
            return this;
        }
    }
}
