package org.arr.data.trec;

/**
 * Splits one line into whitespace-separated columns without regular expressions or per-column
 * allocation: it records the start and end offsets of each column, and callers copy out only the
 * columns they need. Whitespace is what C's {@code isspace} accepts (space, tab, CR, LF, VT, FF),
 * because trec_eval separates columns with it.
 */
final class Columns {

    private final int[] starts;
    private final int[] ends;
    private String line;
    private int count;

    /** Creates a splitter that records at most {@code capacity} columns; further columns are only counted. */
    Columns(int capacity) {
        this.starts = new int[capacity];
        this.ends = new int[capacity];
    }

    /** Splits a line and returns the number of columns it has (all of them, even beyond the capacity). */
    int split(String text) {
        this.line = text;
        count = 0;
        int length = text.length();
        int position = 0;
        while (true) {
            while (position < length && isSpace(text.charAt(position))) {
                position++;
            }
            if (position >= length) {
                return count;
            }
            int start = position;
            while (position < length && !isSpace(text.charAt(position))) {
                position++;
            }
            if (count < starts.length) {
                starts[count] = start;
                ends[count] = position;
            }
            count++;
        }
    }

    /** Returns column {@code index} (0-based) of the last split line. */
    String get(int index) {
        return line.substring(starts[index], ends[index]);
    }

    /** Returns whether column {@code index} of the last split line equals {@code text}. */
    boolean columnEquals(int index, String text) {
        int length = ends[index] - starts[index];
        return length == text.length() && line.regionMatches(starts[index], text, 0, length);
    }

    /** Returns whether a line is blank or a comment: trec_eval skips lines whose first non-blank character is '#'. */
    static boolean isBlankOrComment(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isSpace(c)) {
                return c == '#';
            }
        }
        return true;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x0B || c == '\f';
    }
}
