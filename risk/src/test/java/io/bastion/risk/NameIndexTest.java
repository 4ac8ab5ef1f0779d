package io.bastion.risk;

import org.junit.jupiter.api.Test;

import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link NameIndex}: every name is found at its position in the list by any {@link CharSequence} with the same
 * characters, anything else is {@link NameIndex#MISSING}, and a list with a repeated name is refused.
 */
class NameIndexTest
{
    private final NameIndex index = new NameIndex(List.of("ACME", "DEMO", "BRK.B"));

    @Test
    void shouldFindEachNameAtItsPositionInTheList()
    {
        assertEquals(0, index.find("ACME"));
        assertEquals(1, index.find("DEMO"));
        assertEquals(2, index.find("BRK.B"));
        assertEquals(3, index.size());
    }

    @Test
    void shouldFindANameByAnyCharSequenceWithTheSameCharacters()
    {
        assertEquals(1, index.find(new StringBuilder("DE").append("MO")));
        assertEquals(2, index.find(CharBuffer.wrap("xBRK.By", 1, 6)));
    }

    @Test
    void shouldReturnMissingForANameNotInTheIndex()
    {
        assertEquals(NameIndex.MISSING, index.find("ACMEX"));
        assertEquals(NameIndex.MISSING, index.find("ACM"));
        assertEquals(NameIndex.MISSING, index.find("acme"));
        assertEquals(NameIndex.MISSING, index.find(""));
        assertEquals(NameIndex.MISSING, index.find(new StringBuilder("DEMOS")));
    }

    @Test
    void shouldTellApartNamesWithTheSameHash()
    {
        // "Aa" and "BB" share String.hashCode, and so the index's hash and home slot.
        final NameIndex colliding = new NameIndex(List.of("Aa", "BB"));

        assertEquals(0, colliding.find("Aa"));
        assertEquals(1, colliding.find("BB"));
        assertEquals(NameIndex.MISSING, new NameIndex(List.of("Aa")).find("BB"));
    }

    @Test
    void shouldRefuseARepeatedName()
    {
        final IllegalArgumentException ex = assertThrows(
            IllegalArgumentException.class, () -> new NameIndex(List.of("ACME", "DEMO", "ACME")));

        assertEquals("name repeats: ACME", ex.getMessage());
    }

    @Test
    void shouldFindEveryOneOfAThousandNamesAndNoOther()
    {
        final List<String> names = new ArrayList<>();
        for (int i = 0; i < 1000; i++)
        {
            names.add("ACC" + i);
        }
        final NameIndex large = new NameIndex(names);

        assertEquals(1000, large.size());
        for (int i = 0; i < 1000; i++)
        {
            assertEquals(i, large.find("ACC" + i), "ACC" + i);
            assertEquals("ACC" + i, large.name(i));
            assertEquals(NameIndex.MISSING, large.find("ACC" + (i + 1000)), "ACC" + (i + 1000));
        }
    }

    @Test
    void shouldFindNothingInAnEmptyIndex()
    {
        final NameIndex empty = new NameIndex(List.of());

        assertEquals(0, empty.size());
        assertEquals(List.of(), empty.names());
        assertEquals(NameIndex.MISSING, empty.find("ACME"));
        assertEquals(NameIndex.MISSING, empty.find(""));
    }

    @Test
    void shouldGiveTheNamesInIndexOrder()
    {
        assertEquals(List.of("ACME", "DEMO", "BRK.B"), index.names());
        assertEquals("BRK.B", index.name(2));
    }

    @Test
    void shouldNotChangeWhenTheListItWasBuiltFromChanges()
    {
        final List<String> names = new ArrayList<>(List.of("ACME", "DEMO"));
        final NameIndex copy = new NameIndex(names);
        names.set(0, "OTHER");

        assertEquals(0, copy.find("ACME"));
        assertEquals(NameIndex.MISSING, copy.find("OTHER"));
        assertEquals(List.of("ACME", "DEMO"), copy.names());
        assertThrows(UnsupportedOperationException.class, () -> copy.names().add("NEW"));
    }
}
