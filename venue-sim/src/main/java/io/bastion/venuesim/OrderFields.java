package io.bastion.venuesim;

import io.bastion.protocol.FixedPoint;
import io.bastion.venuesim.engine.OrderType;
import io.bastion.venuesim.engine.Side;
import io.bastion.venuesim.engine.TimeInForce;
import quickfix.FieldNotFound;
import quickfix.Message;

import static io.bastion.venuesim.FixCodes.*;

/**
 * The order fields of a NewOrderSingle or OrderCancelReplaceRequest, parsed and checked for form; the engine checks
 * the values (known symbol, positive quantity and price). A parse method returns null when the fields are usable,
 * otherwise a Text for the reject naming the problem, with the reason code in {@link #ordRejReason}.
 */
final class OrderFields
{
    String symbol;
    char side;
    char ordType;
    char timeInForce;
    long orderQtyMantissa;
    long priceMantissa;
    int ordRejReason;

    String parseNewOrder(final Message request)
    {
        symbol = string(request, SYMBOL);
        if (symbol == null)
        {
            return problem(ORD_REJ_REASON_UNKNOWN_SYMBOL, "Symbol (55) is required");
        }

        final String sideText = string(request, SIDE);
        if (!isOneOf(sideText, SIDE_BUY, SIDE_SELL))
        {
            return problem(ORD_REJ_REASON_UNSUPPORTED_ORDER_CHARACTERISTIC,
                "Side (54) must be 1 (Buy) or 2 (Sell): " + shown(sideText));
        }
        side = sideText.charAt(0);

        final String quantityProblem = parseOrderQty(request);
        if (quantityProblem != null)
        {
            return quantityProblem;
        }

        final String ordTypeText = string(request, ORD_TYPE);
        if (!isOneOf(ordTypeText, ORD_TYPE_MARKET, ORD_TYPE_LIMIT))
        {
            return problem(ORD_REJ_REASON_UNSUPPORTED_ORDER_CHARACTERISTIC,
                "OrdType (40) must be 1 (Market) or 2 (Limit): " + shown(ordTypeText));
        }
        ordType = ordTypeText.charAt(0);

        priceMantissa = FixedPoint.NULL_VALUE;
        if (ordType == ORD_TYPE_LIMIT)
        {
            final String priceProblem = parsePrice(request);
            if (priceProblem != null)
            {
                return priceProblem;
            }
        }

        final String timeInForceText = string(request, TIME_IN_FORCE);
        if (timeInForceText == null)
        {
            timeInForce = TIF_DAY;
        }
        else if (isOneOf(timeInForceText, TIF_DAY, TIF_GOOD_TILL_CANCEL) ||
            isOneOf(timeInForceText, TIF_IMMEDIATE_OR_CANCEL, TIF_FILL_OR_KILL))
        {
            timeInForce = timeInForceText.charAt(0);
        }
        else
        {
            return problem(ORD_REJ_REASON_UNSUPPORTED_ORDER_CHARACTERISTIC,
                "TimeInForce (59) must be 0 (Day), 1 (GTC), 3 (IOC) or 4 (FOK): " + shown(timeInForceText));
        }
        return null;
    }

    /**
     * A replace may change quantity and price only; fields it leaves out keep the order's values.
     */
    String parseReplace(final Message request, final FixOrder order)
    {
        final String unchangeable = changedField(request, SYMBOL, "Symbol (55)", order.symbol);
        if (unchangeable != null)
        {
            return unchangeable;
        }
        final String sideProblem = changedField(request, SIDE, "Side (54)", String.valueOf(order.side));
        if (sideProblem != null)
        {
            return sideProblem;
        }
        final String ordTypeProblem = changedField(request, ORD_TYPE, "OrdType (40)", String.valueOf(order.ordType));
        if (ordTypeProblem != null)
        {
            return ordTypeProblem;
        }
        final String timeInForceProblem =
            changedField(request, TIME_IN_FORCE, "TimeInForce (59)", String.valueOf(order.timeInForce));
        if (timeInForceProblem != null)
        {
            return timeInForceProblem;
        }

        final String quantityProblem = parseOrderQty(request);
        if (quantityProblem != null)
        {
            return quantityProblem;
        }
        priceMantissa = order.priceMantissa;
        return request.isSetField(PRICE) ? parsePrice(request) : null;
    }

    Side engineSide()
    {
        return side == SIDE_BUY ? Side.BUY : Side.SELL;
    }

    OrderType engineType()
    {
        return ordType == ORD_TYPE_MARKET ? OrderType.MARKET : OrderType.LIMIT;
    }

    TimeInForce engineTimeInForce()
    {
        switch (timeInForce)
        {
            case TIF_GOOD_TILL_CANCEL:
                return TimeInForce.GOOD_TILL_CANCEL;
            case TIF_IMMEDIATE_OR_CANCEL:
                return TimeInForce.IMMEDIATE_OR_CANCEL;
            case TIF_FILL_OR_KILL:
                return TimeInForce.FILL_OR_KILL;
            default:
                return TimeInForce.DAY;
        }
    }

    private String parseOrderQty(final Message request)
    {
        final String text = string(request, ORDER_QTY);
        if (text == null)
        {
            return problem(ORD_REJ_REASON_INCORRECT_QUANTITY, "OrderQty (38) is required");
        }
        orderQtyMantissa = FixedPoint.parse(text);
        if (orderQtyMantissa == FixedPoint.INVALID)
        {
            return problem(ORD_REJ_REASON_INCORRECT_QUANTITY, "OrderQty (38) is not a decimal number: " + text);
        }
        return null;
    }

    private String parsePrice(final Message request)
    {
        final String text = string(request, PRICE);
        if (text == null)
        {
            return problem(ORD_REJ_REASON_OTHER, "Price (44) is required for a limit order");
        }
        priceMantissa = FixedPoint.parse(text);
        if (priceMantissa == FixedPoint.INVALID)
        {
            return problem(ORD_REJ_REASON_OTHER, "Price (44) is not a decimal number: " + text);
        }
        return null;
    }

    private String changedField(final Message request, final int tag, final String name, final String current)
    {
        final String text = string(request, tag);
        if (text != null && !text.equals(current))
        {
            return problem(ORD_REJ_REASON_OTHER, name + " cannot change on replace: " + current + " -> " + text);
        }
        return null;
    }

    private String problem(final int reason, final String text)
    {
        ordRejReason = reason;
        return text;
    }

    private static boolean isOneOf(final String text, final char first, final char second)
    {
        return text != null && text.length() == 1 && (text.charAt(0) == first || text.charAt(0) == second);
    }

    static String shown(final String text)
    {
        return text == null ? "(absent)" : text;
    }

    static String string(final Message message, final int tag)
    {
        try
        {
            return message.isSetField(tag) ? message.getString(tag) : null;
        }
        catch (final FieldNotFound ex)
        {
            return null;
        }
    }
}
