package io.bastion.md;

/**
 * Why {@link BinanceMessageParser} rejected a frame or snapshot body. A rejected message changes no book.
 */
public enum ParseError
{
    /** Parsed. */
    NONE,

    /** The input ended inside a value: a truncated frame. */
    TRUNCATED,

    /** Not JSON where JSON was expected. */
    SYNTAX,

    /** Nested deeper than the scanner follows. */
    TOO_DEEP,

    /** Something other than whitespace after the top-level object. */
    TRAILING_DATA,

    /** A required field is absent; {@link BinanceMessageParser#errorField()} names it. */
    MISSING_FIELD,

    /** An id or timestamp that is not a non-negative integer that fits a {@code long}. */
    INVALID_NUMBER,

    /** A price or quantity that is not a decimal with at most 8 significant places that fits a fixed-point long. */
    INVALID_DECIMAL,

    /** A price that is not positive. */
    INVALID_PRICE,

    /** A quantity that is negative. */
    INVALID_QUANTITY,

    /** A level that is not a {@code [price, quantity]} array. */
    INVALID_LEVEL,

    /** A symbol that is empty or longer than {@link DepthUpdate#MAX_SYMBOL_LENGTH}. */
    INVALID_SYMBOL,

    /** A first update id greater than the final update id. */
    INVALID_SEQUENCE,

    /** A depth stream whose event type is not {@code depthUpdate}. */
    UNEXPECTED_EVENT_TYPE
}
