package org.arr.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TrecOrderTest {

    /** Compares UTF-8 bytes as unsigned values, as C's strcmp does. */
    private static int strcmp(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (x[i] != y[i]) {
                return (x[i] & 0xff) - (y[i] & 0xff);
            }
        }
        return x.length - y.length;
    }

    @Test
    void queryIdsSortLikeStrcmp() {
        assertTrue(TrecOrder.compare("q1", "q10") < 0);
        assertTrue(TrecOrder.compare("q10", "q2") < 0);
        assertTrue(TrecOrder.compare("Z", "a") < 0);
        assertTrue(TrecOrder.compare("\uFFFD", "\uD83D\uDE00") < 0);
        assertEquals(0, TrecOrder.compare("abc", "abc"));
    }

    @Provide
    Arbitrary<String> text() {
        Arbitrary<Integer> codePoints = Arbitraries.oneOf(Arbitraries.integers().between(0x20, 0x7f),
                Arbitraries.integers().between(0xd000, 0xffff), Arbitraries.integers().between(0x10000, 0x10ffff))
                .filter(codePoint -> !Character.isSurrogate((char) codePoint.intValue()) || codePoint > 0xffff);
        return codePoints.list().ofMaxSize(4).map(list -> {
            StringBuilder builder = new StringBuilder();
            list.forEach(builder::appendCodePoint);
            return builder.toString();
        });
    }

    @Property(tries = 300)
    void signMatchesUtf8Strcmp(@ForAll("text") String a, @ForAll("text") String b) {
        assertEquals(Integer.signum(strcmp(a, b)), Integer.signum(TrecOrder.compare(a, b)));
    }
}
