package org.shequn.membership.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PosterTextTest {

    private static final FontMetrics METRICS = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics()
            .getFontMetrics(PosterFont.of(Font.PLAIN, 28));

    @Test
    void chineseWrapsBetweenAnyTwoCharactersWithinTheWidth() {
        var text = "每周六早上七点在奥林匹克森林公园南门集合，跑五公里或十公里，跑完一起吃早餐聊天。";
        var lines = PosterText.wrap(text, METRICS, 300, 10);
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(String.join("", lines)).isEqualTo(text);
        lines.forEach(line -> assertThat(METRICS.stringWidth(line)).isLessThanOrEqualTo(300));
    }

    @Test
    void tooLongTextEndsItsLastLineWithAnEllipsisThatFits() {
        var lines = PosterText.wrap("读书".repeat(200), METRICS, 300, 3);
        assertThat(lines).hasSize(3);
        assertThat(lines.getLast()).endsWith("…");
        lines.forEach(line -> assertThat(METRICS.stringWidth(line)).isLessThanOrEqualTo(300));
    }

    @Test
    void neverSplitsASurrogatePairOrAnEmojiSequence() {
        var text = "🏃‍♀️🏃🏽😀𠀀𠀁".repeat(30);
        for (int width = 40; width < 400; width += 13) {
            for (var line : PosterText.wrap(text, METRICS, width, 4)) {
                assertThat(Character.isHighSurrogate(line.charAt(line.length() - 1))).isFalse();
                assertThat(Character.isLowSurrogate(line.charAt(0))).isFalse();
                assertThat(line).doesNotStartWith("\u200d").doesNotStartWith("\ufe0f").doesNotStartWith("\ud83c\udffd");
            }
        }
    }

    @Test
    void latinWordsBreakAtSpaces() {
        var lines = PosterText.wrap("Morning runners of Beijing meet every Saturday", METRICS, 300, 5);
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(String.join(" ", lines)).isEqualTo("Morning runners of Beijing meet every Saturday");
    }

    @Test
    void aClosingMarkNeverStartsALine() {
        var text = "每周六早上七点在奥林匹克森林公园南门集合，跑五公里或十公里。跑完一起吃早餐，聊聊天。";
        for (int width = 100; width < 500; width += 7) {
            var lines = PosterText.wrap(text, METRICS, width, 100);
            assertThat(String.join("", lines)).isEqualTo(text);
            lines.forEach(line -> assertThat(line).doesNotStartWith("，").doesNotStartWith("。"));
        }
    }

    @Test
    void aLongInviterNameIsShortenedButTheSentenceStays() {
        var line = PosterText.withName("一位名字特别特别长的管理员朋友来自遥远的地方", who -> who + " 邀请你加入", METRICS, 400);
        assertThat(line).endsWith("… 邀请你加入").startsWith("一位");
        assertThat(METRICS.stringWidth(line)).isLessThanOrEqualTo(400);
        assertThat(PosterText.withName("张三", who -> who + " 邀请你加入", METRICS, 400)).isEqualTo("张三 邀请你加入");
    }

    @Test
    void cleanDropsControlCharactersAndDirectionOverrides() {
        assertThat(PosterText.clean("张三\u202e\u0007\n读书会\t  群\u2066")).isEqualTo("张三 读书会 群");
        assertThat(PosterText.clean(null)).isEmpty();
    }
}
