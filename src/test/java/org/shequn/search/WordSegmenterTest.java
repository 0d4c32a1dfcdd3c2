package org.shequn.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaban.analysis.jieba.JiebaSegmenter;
import com.huaban.analysis.jieba.WordDictionary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.shequn.shared.text.TraditionalChinese;

/**
 * The compact segmenter must cut text exactly as jieba does (the search index holds jieba's words: any difference
 * would leave old posts unfound): compared word for word with jieba itself on the seed articles and on random text.
 */
class WordSegmenterTest {

    private static final JiebaSegmenter JIEBA = new JiebaSegmenter();

    private static List<String> jieba(String text) {
        return JIEBA.process(text, JiebaSegmenter.SegMode.SEARCH).stream().map(t -> t.word).toList();
    }

    @Test
    void cutsTheSeedArticlesAsJiebaDoes() throws IOException {
        for (var name : List.of("000_e6f0243a4f70a2e6", "001_b6beb37c68df7ada", "002_6e2827bdab23065a",
                "003_696f310a3452771e", "004_e717a63c52ce0310")) {
            String article;
            try (InputStream in = getClass().getResourceAsStream("/search/seeds/" + name + ".txt")) {
                article = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (var text : List.of(article, TraditionalChinese.toSimplified(article))) {
                var words = WordSegmenter.words(text);
                assertThat(words).as(name).isEqualTo(jieba(text));
                assertThat(words).as(name).hasSizeGreaterThan(500).contains("社群");
            }
        }
    }

    @Test
    void cutsRandomTextAsJiebaDoes() {
        // dictionary words, single Chinese characters, Latin letters of both cases, digits, full-width forms,
        // punctuation and spaces, in random order: every branch of the segmentation
        var words = new ArrayList<>(WordDictionary.getInstance().freqs.keySet());
        words.removeIf(w -> w == null);
        var random = new Random(20261208);
        String[] odd = {" ", "，", "。", "！", "?", "-", "_", "·", "Ａ", "ｂ", "１", "\u3000", "Java", "SQL", "v2.0", "社群", "iPhone", "😀", "\n"};
        for (int round = 0; round < 3000; round++) {
            var text = new StringBuilder();
            int parts = 1 + random.nextInt(12);
            for (int p = 0; p < parts; p++) {
                switch (random.nextInt(4)) {
                    case 0, 1 -> text.append(words.get(random.nextInt(words.size())));
                    case 2 -> text.appendCodePoint(0x4E00 + random.nextInt(0x9FA5 - 0x4E00));
                    default -> text.append(odd[random.nextInt(odd.length)]);
                }
            }
            var s = text.toString();
            assertThat(WordSegmenter.words(s)).as(s).isEqualTo(jieba(s));
        }
    }

    @Test
    void knowsTheDictionaryAsJiebaDoes() {
        var dictionary = WordDictionary.getInstance();
        var lexicon = Lexicon.jieba();
        int checked = 0;
        for (var entry : dictionary.freqs.entrySet()) {
            if (entry.getKey() == null || checked++ % 7 != 0) {
                continue;
            }
            var chars = entry.getKey().toCharArray();
            assertThat(lexicon.isWord(entry.getKey())).as(entry.getKey()).isTrue();
            assertThat(lexicon.logFrequency(chars, 0, chars.length)).as(entry.getKey()).isEqualTo(entry.getValue());
        }
        assertThat(checked).isGreaterThan(300_000);
        assertThat(lexicon.isWord("书笔")).isFalse();
        var unknown = "书笔".toCharArray();
        assertThat(lexicon.logFrequency(unknown, 0, 2)).isEqualTo(dictionary.getFreq("书笔"));
    }
}
