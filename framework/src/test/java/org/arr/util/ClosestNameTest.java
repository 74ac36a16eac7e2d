package org.arr.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClosestNameTest {

    private static final List<String> NAMES = List.of("sequential", "semantic", "text", "random");

    @Test
    void typoFindsName() {
        assertEquals(Optional.of("semantic"), ClosestName.closest("Semantik", NAMES));
        assertEquals(Optional.of("text"), ClosestName.closest("txt", NAMES));
    }

    @Test
    void unrelatedInputGetsNoSuggestion() {
        assertEquals(Optional.empty(), ClosestName.closest("hierarchical", NAMES));
        assertEquals("Unknown scheme 'zzz'; known: random, semantic, sequential, text.",
                ClosestName.unknownNameMessage("scheme", "zzz", NAMES));
    }
}
