package org.shequn.voting;

import java.security.SecureRandom;

/**
 * A ballot's receipt code: 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L), about 59 bits of
 * randomness, so nobody guesses another's and its order says nothing about when the ballot came in.
 */
final class Receipt {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    static final int LENGTH = 12;

    private Receipt() {
    }

    static String next() {
        var code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }
}
