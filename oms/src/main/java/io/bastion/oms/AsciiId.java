package io.bastion.oms;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A mutable, fixed-capacity ASCII identifier (ClOrdID, account, symbol...) compared and hashed by content, so a
 * reusable instance can probe hash maps whose keys are other instances without allocating.
 * <p>
 * Bytes past the value are NUL once it is written again or written out ({@link #clear()} leaves them, so clearing
 * an identifier that is never used again touches nothing but the object), so writing it as a NUL-padded fixed-length
 * field of its capacity is one copy of the whole array.
 */
public final class AsciiId implements CharSequence
{
    private static final byte[] NULS = new byte[128];

    private final byte[] bytes;
    private int length;
    /** Bytes from here on are NUL; at least {@link #length}. */
    private int dirty;
    private int hash;

    /**
     * @param capacity the longest value it can hold.
     */
    public AsciiId(final int capacity)
    {
        bytes = new byte[capacity];
    }

    /**
     * A copy of a value, sized to it.
     *
     * @param value the text.
     * @return a new identifier.
     */
    public static AsciiId of(final CharSequence value)
    {
        final AsciiId id = new AsciiId(value.length());
        id.set(value);
        return id;
    }

    /**
     * Read a NUL-padded fixed-length field.
     *
     * @param buffer    holding the field.
     * @param offset    of the field.
     * @param maxLength of the field; must not exceed the capacity.
     * @return this.
     */
    public AsciiId wrapFixed(final DirectBuffer buffer, final int offset, final int maxLength)
    {
        final byte[] bytes = this.bytes;
        buffer.getBytes(offset, bytes, 0, maxLength);
        int i = 0;
        int h = 0;
        while (i < maxLength)
        {
            final byte b = bytes[i];
            if (b == 0)
            {
                break;
            }
            h = 31 * h + b;
            i++;
        }
        dirty = Math.max(dirty, maxLength);
        length = i;
        hash = h;
        return this;
    }

    /**
     * Copy another identifier.
     *
     * @param other to copy; must fit.
     * @return this.
     */
    public AsciiId set(final AsciiId other)
    {
        System.arraycopy(other.bytes, 0, bytes, 0, other.length);
        clearTail(other.length);
        length = other.length;
        hash = other.hash;
        return this;
    }

    /**
     * Copy text.
     *
     * @param value ASCII text; must fit.
     * @return this.
     */
    public AsciiId set(final CharSequence value)
    {
        int h = 0;
        final int n = value.length();
        for (int i = 0; i < n; i++)
        {
            final byte b = (byte)value.charAt(i);
            bytes[i] = b;
            h = 31 * h + b;
        }
        clearTail(n);
        length = n;
        hash = h;
        return this;
    }

    /**
     * The hash an {@link AsciiId} with the same characters has, for any character sequence (for ASCII text it is also
     * {@link String#hashCode()}).
     *
     * @param value characters.
     * @return the hash.
     */
    public static int hash(final CharSequence value)
    {
        if (value instanceof AsciiId)
        {
            return value.hashCode();
        }
        int h = 0;
        final int n = value.length();
        for (int i = 0; i < n; i++)
        {
            h = 31 * h + (byte)value.charAt(i);
        }
        return h;
    }

    /**
     * @param value characters.
     * @return true when every character is 7-bit ASCII, so an {@link AsciiId} holds it unchanged.
     */
    public static boolean isAscii(final CharSequence value)
    {
        if (value instanceof AsciiId)
        {
            return true;
        }
        final int n = value.length();
        for (int i = 0; i < n; i++)
        {
            if (value.charAt(i) > 0x7F)
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @param value characters.
     * @return true when this identifier holds exactly these characters.
     */
    public boolean contentEquals(final CharSequence value)
    {
        if (value instanceof AsciiId)
        {
            return equals(value);
        }
        final int n = value.length();
        if (n != length)
        {
            return false;
        }
        for (int i = 0; i < n; i++)
        {
            if (bytes[i] != (byte)value.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @return this, emptied.
     */
    public AsciiId clear()
    {
        length = 0;
        hash = 0;
        return this;
    }

    /**
     * Write as a NUL-padded fixed-length field.
     *
     * @param buffer    destination.
     * @param offset    of the field.
     * @param maxLength of the field.
     */
    public void putFixed(final MutableDirectBuffer buffer, final int offset, final int maxLength)
    {
        if (length >= maxLength)
        {
            buffer.putBytes(offset, bytes, 0, maxLength);
            return;
        }
        if (dirty > length)
        {
            clearTail(length);
        }
        final int copied = Math.min(bytes.length, maxLength);
        buffer.putBytes(offset, bytes, 0, copied);
        if (copied < maxLength)
        {
            putNuls(buffer, offset + copied, maxLength - copied);
        }
    }

    /**
     * Write NULs: a copy from an array of them, cheaper than a memory fill for the few dozen bytes of a field.
     *
     * @param buffer destination.
     * @param offset of the first NUL.
     * @param count  NULs to write.
     */
    public static void putNuls(final MutableDirectBuffer buffer, final int offset, final int count)
    {
        int done = 0;
        while (done < count)
        {
            final int n = Math.min(NULS.length, count - done);
            buffer.putBytes(offset + done, NULS, 0, n);
            done += n;
        }
    }

    private void clearTail(final int newLength)
    {
        if (newLength < dirty)
        {
            Arrays.fill(bytes, newLength, dirty, (byte)0);
        }
        dirty = newLength;
    }

    /**
     * Write the bytes, without padding or length.
     *
     * @param buffer destination.
     * @param offset where to write.
     * @return bytes written.
     */
    public int putBytes(final MutableDirectBuffer buffer, final int offset)
    {
        buffer.putBytes(offset, bytes, 0, length);
        return length;
    }

    /**
     * @return true when empty.
     */
    public boolean isEmpty()
    {
        return length == 0;
    }

    /**
     * @return the capacity.
     */
    public int capacity()
    {
        return bytes.length;
    }

    /**
     * {@inheritDoc}
     */
    public int length()
    {
        return length;
    }

    /**
     * {@inheritDoc}
     */
    public char charAt(final int index)
    {
        if (index >= length)
        {
            throw new IndexOutOfBoundsException(index);
        }
        return (char)bytes[index];
    }

    /**
     * {@inheritDoc}
     */
    public CharSequence subSequence(final int start, final int end)
    {
        return toString().subSequence(start, end);
    }

    /**
     * {@inheritDoc}
     */
    public int hashCode()
    {
        return hash;
    }

    /**
     * {@inheritDoc}
     */
    public boolean equals(final Object obj)
    {
        if (this == obj)
        {
            return true;
        }
        if (!(obj instanceof AsciiId))
        {
            return false;
        }
        final AsciiId other = (AsciiId)obj;
        return other.length == length && other.hash == hash &&
            Arrays.equals(bytes, 0, length, other.bytes, 0, length);
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return new String(bytes, 0, length, StandardCharsets.US_ASCII);
    }
}
