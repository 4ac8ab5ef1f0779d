package io.bastion.md;

import io.bastion.protocol.FixedPoint;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DecimalParserTest
{
    @ParameterizedTest
    @CsvSource({
        "0.35130000, 35130000",
        "6195.00000000, 619500000000",
        "0.00000637, 637",
        "0.00000001, 1",
        "0, 0",
        "0.00000000, 0",
        "1, 100000000",
        "-12.5, -1250000000",
        "+3, 300000000",
        ".5, 50000000",
        "5., 500000000",
        "007.10, 710000000",
        "1.234567890000, 123456789",
        "92233720368.54775807, 9223372036854775807",
        "-92233720368.54775807, -9223372036854775807",
    })
    void shouldParseDecimalsToMantissas(final String text, final long mantissa)
    {
        assertEquals(mantissa, parse(text));
        assertEquals(FixedPoint.parse(text), parse(text), "same as FixedPoint.parse");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", ".", "-", "+", "-.", "1.2.3", "1e5", "1E-8", "abc", "0.347x0000", " 1", "1 ", "1,5", "--1", "0x10",
        "0.000000001", "1.123456789", "92233720369", "92233720368.54775808", "99999999999999999999"})
    void shouldRejectWhatIsNotAFixedPointDecimal(final String text)
    {
        assertEquals(FixedPoint.INVALID, parse(text), text);
    }

    @Test
    void shouldReadOnlyItsRangeOfALargerBuffer()
    {
        final byte[] bytes = "[\"0.35130000\",\"6195.00000000\"]".getBytes(StandardCharsets.US_ASCII);
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        assertEquals(35_130_000L, DecimalParser.parse(buffer, 2, 10));
        assertEquals(619_500_000_000L, DecimalParser.parse(buffer, 15, 13));
        assertEquals(FixedPoint.INVALID, DecimalParser.parse(buffer, 2, 11));
        assertEquals(FixedPoint.INVALID, DecimalParser.parse(buffer, 2, 0));
    }

    @Test
    void shouldAgreeWithBigDecimalOnRandomDecimals()
    {
        final Random random = new Random(42);
        final BigInteger max = BigInteger.valueOf(Long.MAX_VALUE);
        for (int i = 0; i < 100_000; i++)
        {
            final long integerDigits = random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(1_000_000);
            final BigDecimal value = new BigDecimal(BigInteger.valueOf(integerDigits).abs()
                .multiply(BigInteger.valueOf(random.nextInt(3) == 0 ? 100_000 : 1))
                .add(BigInteger.valueOf(random.nextInt(100_000_000))), random.nextInt(12))
                .multiply(BigDecimal.valueOf(random.nextBoolean() ? 1 : -1));
            final String text = random.nextBoolean() ? value.toPlainString() : value.setScale(
                Math.max(value.scale(), 8) + random.nextInt(3)).toPlainString();

            final BigDecimal scaled = value.movePointRight(FixedPoint.DECIMALS);
            final boolean fits =
                scaled.stripTrailingZeros().scale() <= 0 && scaled.toBigInteger().abs().compareTo(max) <= 0;
            final long expected = fits ? scaled.toBigInteger().longValueExact() : FixedPoint.INVALID;
            assertEquals(expected, parse(text), text);
        }
    }

    private static long parse(final String text)
    {
        final byte[] bytes = ("##" + text + "##").getBytes(StandardCharsets.US_ASCII);
        return DecimalParser.parse(new UnsafeBuffer(bytes), 2, bytes.length - 4);
    }
}
