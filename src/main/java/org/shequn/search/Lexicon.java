package org.shequn.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Jieba's dictionary ({@code dict.txt} of the jieba jar, about 350,000 words with their counts) in a few flat arrays:
 * each word's log frequency, and which strings are a word or the beginning of a longer one. Jieba keeps the same
 * as a map of boxed doubles beside a trie of one object per character, about 90 MB of a node's live heap; at
 * {@code -Xmx512m} that kept the garbage collector marking the old generation without pause (docs/benchmarks.md,
 * session 15). Here it is about 20 MB, and a lookup reads a range of a char array without making a string.
 * <p>
 * Loaded exactly as jieba loads it (words trimmed and lower-cased in the default locale, a repeated word's last
 * count kept while every count adds to the total, log of count over total), so segmentation is the same;
 * {@code WordSegmenterTest} compares the two on real text.
 */
final class Lexicon {

    static final byte WORD = 1;
    static final byte PREFIX = 2;

    /** One slot per entry: 0 empty, else entry index + 1. */
    private int[] slots;
    private int[] hashes;
    private int[] starts;
    private char[] lengths;
    private double[] logFrequencies;
    private byte[] kinds;
    private char[] text;
    private int size;
    private int textSize;
    private final double minLogFrequency;

    private Lexicon(String resource) {
        slots = new int[1 << 20];
        hashes = new int[1 << 19];
        starts = new int[hashes.length];
        lengths = new char[hashes.length];
        logFrequencies = new double[hashes.length];
        kinds = new byte[hashes.length];
        text = new char[1 << 20];
        double total = 0;
        boolean blankWord = false;
        double blankCount = 0;
        try (var in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No " + resource + " on the class path");
            }
            var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = lines.readLine()) != null; ) {
                int wordEnd = separator(line, 0);
                int countStart = skipSeparators(line, wordEnd);
                if (countStart >= line.length()) {
                    continue; // jieba skips a line of fewer than two fields
                }
                double count = Double.parseDouble(line.substring(countStart, separator(line, countStart)));
                total += count;
                var word = line.substring(0, wordEnd).trim();
                if (word.isEmpty()) {
                    blankWord = true; // jieba keeps its count under a null key: it still takes part in the minimum
                    blankCount = count;
                    continue;
                }
                add(word.toLowerCase(Locale.getDefault()), count);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double min = Double.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            if ((kinds[i] & WORD) != 0) {
                logFrequencies[i] = Math.log(logFrequencies[i] / total);
                min = Math.min(min, logFrequencies[i]);
            }
        }
        if (blankWord) {
            min = Math.min(min, Math.log(blankCount / total));
        }
        minLogFrequency = min;
        // trim to size: the load's headroom is not kept
        hashes = Arrays.copyOf(hashes, size);
        starts = Arrays.copyOf(starts, size);
        lengths = Arrays.copyOf(lengths, size);
        logFrequencies = Arrays.copyOf(logFrequencies, size);
        kinds = Arrays.copyOf(kinds, size);
        text = Arrays.copyOf(text, textSize);
    }

    private static final class Holder {
        static final Lexicon JIEBA = new Lexicon("/dict.txt");
    }

    /** Jieba's own dictionary, loaded on first use. */
    static Lexicon jieba() {
        return Holder.JIEBA;
    }

    /** Whether {@code chars[from, from + length)} is a dictionary word. */
    boolean isWord(char[] chars, int from, int length) {
        int e = find(chars, from, length);
        return e >= 0 && (kinds[e] & WORD) != 0;
    }

    boolean isWord(String word) {
        return isWord(word.toCharArray(), 0, word.length());
    }

    /** Bit 1: {@code chars[from, from + length)} is a word; bit 2: it begins a longer one. 0: neither. */
    int match(char[] chars, int from, int length) {
        int e = find(chars, from, length);
        return e < 0 ? 0 : kinds[e];
    }

    /** The word's log frequency, or the least frequent word's for a string that is not a word (as jieba does). */
    double logFrequency(char[] chars, int from, int length) {
        int e = find(chars, from, length);
        return e >= 0 && (kinds[e] & WORD) != 0 ? logFrequencies[e] : minLogFrequency;
    }

    private void add(String word, double count) {
        var chars = word.toCharArray();
        int existing = find(chars, 0, chars.length);
        if (existing >= 0 && (kinds[existing] & WORD) != 0) {
            logFrequencies[existing] = count; // a repeated word: the last count, as jieba's map keeps it
            return;
        }
        if (existing >= 0) {
            // the beginning of a longer word already: its own beginnings are there too
            kinds[existing] |= WORD;
            logFrequencies[existing] = count;
            return;
        }
        int start = textSize;
        ensureText(chars.length);
        System.arraycopy(chars, 0, text, textSize, chars.length);
        textSize += chars.length;
        insert(start, chars.length, hash(chars, 0, chars.length), WORD, count);
        for (int length = chars.length - 1; length >= 1; length--) {
            int p = find(text, start, length);
            if (p >= 0) {
                kinds[p] |= PREFIX;
                break; // every entry came with its own beginnings, marked already
            } else {
                insert(start, length, hash(text, start, length), PREFIX, 0);
            }
        }
    }

    private void insert(int start, int length, int hash, byte kind, double count) {
        if (size == hashes.length) {
            int grown = size * 2;
            hashes = Arrays.copyOf(hashes, grown);
            starts = Arrays.copyOf(starts, grown);
            lengths = Arrays.copyOf(lengths, grown);
            logFrequencies = Arrays.copyOf(logFrequencies, grown);
            kinds = Arrays.copyOf(kinds, grown);
        }
        if ((size + 1) * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        int e = size++;
        hashes[e] = hash;
        starts[e] = start;
        lengths[e] = (char) length;
        kinds[e] = kind;
        logFrequencies[e] = count;
        place(e);
    }

    private void rehash(int capacity) {
        slots = new int[capacity];
        for (int e = 0; e < size; e++) {
            place(e);
        }
    }

    private void place(int e) {
        int mask = slots.length - 1;
        int i = mix(hashes[e]) & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = e + 1;
    }

    private int find(char[] chars, int from, int length) {
        if (length <= 0 || length > Character.MAX_VALUE) {
            return -1;
        }
        int hash = hash(chars, from, length);
        int mask = slots.length - 1;
        for (int i = mix(hash) & mask; slots[i] != 0; i = (i + 1) & mask) {
            int e = slots[i] - 1;
            if (hashes[e] == hash && lengths[e] == length
                    && Arrays.equals(text, starts[e], starts[e] + length, chars, from, from + length)) {
                return e;
            }
        }
        return -1;
    }

    private void ensureText(int more) {
        if (textSize + more > text.length) {
            text = Arrays.copyOf(text, Math.max(text.length * 2, textSize + more));
        }
    }

    private static int hash(char[] chars, int from, int length) {
        int h = 0;
        for (int i = from; i < from + length; i++) {
            h = 31 * h + chars[i];
        }
        return h;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static int separator(String line, int from) {
        int i = from;
        while (i < line.length() && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
            i++;
        }
        return i;
    }

    private static int skipSeparators(String line, int from) {
        int i = from;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
