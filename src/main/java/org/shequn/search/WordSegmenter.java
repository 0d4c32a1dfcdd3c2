package org.shequn.search;

import com.huaban.analysis.jieba.CharacterUtil;
import com.huaban.analysis.jieba.viterbi.FinalSeg;
import java.util.ArrayList;
import java.util.List;

/**
 * Jieba's search-mode segmentation over the compact {@link Lexicon}: the same words as
 * {@code JiebaSegmenter.process(text, SEARCH)} (the most probable path through the dictionary words of each run of
 * letters and digits, unknown runs cut by jieba's own hidden Markov model), without loading jieba's dictionary.
 */
final class WordSegmenter {

    private static final FinalSeg MODEL = FinalSeg.getInstance();

    private WordSegmenter() {
    }

    /** The words of {@code paragraph} in reading order; every other character is a word of its own. */
    static List<String> words(String paragraph) {
        var lexicon = Lexicon.jieba();
        var words = new ArrayList<String>();
        var run = new StringBuilder();
        for (int i = 0; i < paragraph.length(); i++) {
            char c = CharacterUtil.regularize(paragraph.charAt(i));
            if (CharacterUtil.ccFind(c)) {
                run.append(c);
            } else {
                if (!run.isEmpty()) {
                    sentence(lexicon, run.toString(), words);
                    run.setLength(0);
                }
                words.add(paragraph.substring(i, i + 1));
            }
        }
        if (!run.isEmpty()) {
            sentence(lexicon, run.toString(), words);
        }
        return words;
    }

    /** One run: each position's word ends in the dictionary, the most probable route back from the end, then the words. */
    private static void sentence(Lexicon lexicon, String sentence, List<String> words) {
        char[] chars = sentence.toCharArray();
        int n = chars.length;
        int[][] ends = new int[n][];
        int[] found = new int[n];
        for (int i = 0; i < n; i++) {
            int count = 0;
            int[] here = null;
            for (int j = i; j < n; j++) {
                int match = lexicon.match(chars, i, j - i + 1);
                if (match == 0) {
                    break;
                }
                if ((match & Lexicon.WORD) != 0) {
                    if (here == null) {
                        here = new int[4];
                    } else if (count == here.length) {
                        here = java.util.Arrays.copyOf(here, count * 2);
                    }
                    here[count++] = j;
                }
            }
            if (count == 0) {
                here = new int[] {i};
                count = 1;
            }
            ends[i] = here;
            found[i] = count;
        }
        double[] best = new double[n + 1];
        int[] bestEnd = new int[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            boolean any = false;
            for (int k = 0; k < found[i]; k++) {
                int x = ends[i][k];
                double p = lexicon.logFrequency(chars, i, x - i + 1) + best[x + 1];
                if (!any || best[i] < p) {
                    best[i] = p;
                    bestEnd[i] = x;
                    any = true;
                }
            }
        }
        var single = new StringBuilder();
        for (int x = 0; x < n; ) {
            int y = bestEnd[x] + 1;
            if (y - x == 1) {
                single.append(chars[x]);
            } else {
                singles(lexicon, single, words);
                words.add(sentence.substring(x, y));
            }
            x = y;
        }
        singles(lexicon, single, words);
    }

    /** Single characters in a row: a word if the dictionary knows them together, else jieba's model cuts them. */
    private static void singles(Lexicon lexicon, StringBuilder single, List<String> words) {
        if (single.isEmpty()) {
            return;
        }
        var buffered = single.toString();
        single.setLength(0);
        if (buffered.length() == 1 || lexicon.isWord(buffered)) {
            words.add(buffered);
        } else {
            MODEL.cut(buffered, words);
        }
    }
}
