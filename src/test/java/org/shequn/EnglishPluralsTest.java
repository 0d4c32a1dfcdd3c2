package org.shequn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** English counts agree with their number ("1 comment", never "1 comments"); Chinese needs no plural. */
class EnglishPluralsTest {

    private static String say(String bundle, String key, int n) throws Exception {
        var texts = new Properties();
        try (var in = EnglishPluralsTest.class.getClassLoader().getResourceAsStream("i18n/" + bundle + "_en.properties")) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new MessageFormat(texts.getProperty(key), Locale.ENGLISH).format(new Object[] {n});
    }

    @Test
    void commentsAndMembersAreCountedInGoodEnglish() throws Exception {
        assertThat(say("content", "content.comments.count", 0)).isEqualTo("No comments");
        assertThat(say("content", "content.comments.count", 1)).isEqualTo("1 comment");
        assertThat(say("content", "content.comments.count", 2)).isEqualTo("2 comments");
        assertThat(say("directory", "directory.count", 1)).isEqualTo("1 member");
        assertThat(say("directory", "directory.count", 100000)).isEqualTo("100,000 members");
    }
}
