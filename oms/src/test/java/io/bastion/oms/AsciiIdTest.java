package io.bastion.oms;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AsciiIdTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[32]);

    @Test
    void shouldPadAFixedFieldWithNulsWhateverItHeldBefore()
    {
        final AsciiId id = new AsciiId(16);
        id.set("LONG-CLORDID-123");
        id.clear();
        assertEquals("", written(id, 16), "cleared");

        id.set("LONG-CLORDID-123");
        id.clear();
        id.set("AB");
        assertEquals("AB", written(id, 16));

        id.wrapFixed(new UnsafeBuffer("XYZXYZXYZ\0".getBytes()), 0, 10);
        assertEquals("XYZXYZXYZ", written(id, 16));
        id.wrapFixed(new UnsafeBuffer("Q\0ZZZ".getBytes()), 0, 5);
        assertEquals("Q", written(id, 16));

        id.set(AsciiId.of("CD"));
        assertEquals("CD", written(id, 20), "a field longer than the identifier's capacity");
    }

    @Test
    void shouldCutAValueLongerThanTheField()
    {
        final AsciiId id = AsciiId.of("ABCDEFGH");
        buffer.setMemory(0, buffer.capacity(), (byte)'!');
        id.putFixed(buffer, 0, 4);

        assertEquals("ABCD!", buffer.getStringWithoutLengthAscii(0, 5));
    }

    @Test
    void shouldHashAndCompareLikeAnyCharSequenceWithTheSameAsciiText()
    {
        final AsciiId id = AsciiId.of("ACME-01");

        assertEquals("ACME-01".hashCode(), id.hashCode());
        assertEquals(id.hashCode(), AsciiId.hash("ACME-01"));
        assertEquals(id.hashCode(), AsciiId.hash(new StringBuilder("ACME-01")));
        assertTrue(id.contentEquals("ACME-01"));
        assertTrue(id.contentEquals(new StringBuilder("ACME-01")));
        assertTrue(id.contentEquals(AsciiId.of("ACME-01")));
        assertFalse(id.contentEquals("ACME-02"));
        assertFalse(id.contentEquals("ACME-0"));
        assertTrue(AsciiId.isAscii("ACME-01"));
        assertFalse(AsciiId.isAscii("AC\u00c9"));
    }

    /**
     * Write into a buffer full of garbage and read back every byte of the field: the value, then only NULs.
     */
    private String written(final AsciiId id, final int fieldLength)
    {
        buffer.setMemory(0, buffer.capacity(), (byte)'#');
        id.putFixed(buffer, 0, fieldLength);
        int end = 0;
        while (end < fieldLength && buffer.getByte(end) != 0)
        {
            end++;
        }
        for (int i = end; i < fieldLength; i++)
        {
            assertEquals(0, buffer.getByte(i), "byte " + i + " of the padding");
        }
        assertEquals('#', buffer.getByte(fieldLength), "nothing written past the field");
        return buffer.getStringWithoutLengthAscii(0, end);
    }
}
