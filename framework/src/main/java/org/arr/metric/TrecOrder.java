package org.arr.metric;

/**
 * The order of C's {@code strcmp} on UTF-8 text, which trec_eval uses to sort query ids and to break score
 * ties between document ids. It equals Unicode code point order, which differs from {@link String#compareTo}
 * only when a supplementary character meets a character in U+E000..U+FFFF.
 */
final class TrecOrder {

    private TrecOrder() {
    }

    /** Compares two strings by code point, returning a negative number, zero or a positive number. */
    static int compare(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean xSurrogate = Character.isSurrogate(x);
                if (xSurrogate != Character.isSurrogate(y)) {
                    // A surrogate starts a code point >= U+10000, above every non-surrogate UTF-16 unit.
                    return xSurrogate ? 1 : -1;
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }
}
