package io.bastion.risk;

import io.bastion.protocol.FixedPoint;
import io.bastion.sbe.Side;
import org.agrona.collections.Long2LongHashMap;

import java.util.Arrays;

/**
 * What each account has at stake, as the credit and position limits count it: per account and symbol the net
 * position and the quantity of working buy and sell orders, and per account the notional of its working orders.
 * Working orders count from the moment they are accepted until they are filled, cancelled, rejected or expire; the
 * OMS keeps each order's reservation and moves it here by differences, so every unit is released exactly once.
 * <p>
 * Owned by the OMS thread. Allocation free once an account and symbol has been seen, up to the capacity given.
 */
public final class ExposureBook
{
    /** Returned by {@link #find} when the account has no entry for the symbol. */
    public static final int NONE = -1;

    /**
     * A product of quantity and price whose upper 64 bits reach this is at least 2^63 times the scale: its notional
     * does not fit in a long. Checked first so that an absurd order costs no exception (and no allocation).
     */
    private static final long OVERFLOW_HIGH = FixedPoint.SCALE / 2;

    private final int capacity;
    private final Long2LongHashMap slotByKey;
    private final int[] slotAccount;
    private final int[] slotSymbol;
    private final int[] nextSlotOfAccount;
    private final int[] nextSlotOfSymbol;
    private final long[] netQty;
    private final long[] workingBuyQty;
    private final long[] workingSellQty;
    private final long[] lastPx;
    private final long[] valuedNet;
    private final long[] valuedPx;
    private final long[] valuedNotional;
    private int slots;
    private int[] firstSlotOfAccount;
    private int[] firstSlotOfSymbol;
    private long[] workingNotional;
    private long[] positionVersion;
    private long[] cachedPositionNotional;
    private long[] cachedPositionVersion;
    private long[] cachedPriceVersion;

    /**
     * @param capacity most account-and-symbol pairs held.
     * @param accounts accounts known at start (more are added by {@link #ensureAccounts}).
     */
    public ExposureBook(final int capacity, final int accounts)
    {
        this.capacity = capacity;
        slotByKey = new Long2LongHashMap(capacity * 2, 0.65f, NONE);
        slotAccount = new int[capacity];
        slotSymbol = new int[capacity];
        nextSlotOfAccount = new int[capacity];
        nextSlotOfSymbol = new int[capacity];
        netQty = new long[capacity];
        workingBuyQty = new long[capacity];
        workingSellQty = new long[capacity];
        lastPx = new long[capacity];
        Arrays.fill(lastPx, FixedPoint.NULL_VALUE);
        valuedNet = new long[capacity];
        valuedPx = new long[capacity];
        valuedNotional = new long[capacity];
        Arrays.fill(valuedPx, FixedPoint.NULL_VALUE);
        firstSlotOfAccount = new int[0];
        firstSlotOfSymbol = new int[0];
        workingNotional = new long[0];
        positionVersion = new long[0];
        cachedPositionNotional = new long[0];
        cachedPositionVersion = new long[0];
        cachedPriceVersion = new long[0];
        ensureAccounts(accounts);
    }

    /**
     * Make room for accounts added by a limit update (their indexes follow the existing ones).
     *
     * @param accounts how many accounts the limits know.
     */
    public void ensureAccounts(final int accounts)
    {
        if (accounts > firstSlotOfAccount.length)
        {
            final int old = firstSlotOfAccount.length;
            firstSlotOfAccount = Arrays.copyOf(firstSlotOfAccount, accounts);
            Arrays.fill(firstSlotOfAccount, old, accounts, NONE);
            workingNotional = Arrays.copyOf(workingNotional, accounts);
            positionVersion = Arrays.copyOf(positionVersion, accounts);
            cachedPositionNotional = Arrays.copyOf(cachedPositionNotional, accounts);
            cachedPositionVersion = Arrays.copyOf(cachedPositionVersion, accounts);
            cachedPriceVersion = Arrays.copyOf(cachedPriceVersion, accounts);
            Arrays.fill(cachedPriceVersion, old, accounts, -1);
        }
    }

    /**
     * @param account account index.
     * @param symbol  symbol index.
     * @return the entry of the account in the symbol, or {@link #NONE}.
     */
    public int find(final int account, final int symbol)
    {
        return (int)slotByKey.get(LimitSet.key(account, symbol));
    }

    /**
     * @param account account index.
     * @param symbol  symbol index.
     * @return the entry of the account in the symbol, created if needed; {@link #NONE} when the book is full.
     */
    public int acquire(final int account, final int symbol)
    {
        final long key = LimitSet.key(account, symbol);
        final int found = (int)slotByKey.get(key);
        if (found != NONE || slots == capacity)
        {
            return found;
        }
        final int slot = slots++;
        slotByKey.put(key, slot);
        slotAccount[slot] = account;
        slotSymbol[slot] = symbol;
        nextSlotOfAccount[slot] = firstSlotOfAccount[account];
        firstSlotOfAccount[account] = slot;
        if (symbol >= firstSlotOfSymbol.length)
        {
            final int old = firstSlotOfSymbol.length;
            firstSlotOfSymbol = Arrays.copyOf(firstSlotOfSymbol, symbol + 1);
            Arrays.fill(firstSlotOfSymbol, old, symbol + 1, NONE);
        }
        nextSlotOfSymbol[slot] = firstSlotOfSymbol[symbol];
        firstSlotOfSymbol[symbol] = slot;
        return slot;
    }

    /**
     * Change what an order holds in working orders: a reservation taken, grown, shrunk or released.
     *
     * @param slot          the account's entry in the symbol.
     * @param side          the order's side.
     * @param qtyDelta      change of working quantity.
     * @param notionalDelta change of working notional.
     */
    public void reserve(final int slot, final Side side, final long qtyDelta, final long notionalDelta)
    {
        if (isBuy(side))
        {
            workingBuyQty[slot] += qtyDelta;
        }
        else
        {
            workingSellQty[slot] += qtyDelta;
        }
        workingNotional[slotAccount[slot]] += notionalDelta;
    }

    /**
     * An execution moved the position (a bust or correction passes the difference, with its sign).
     *
     * @param slot the account's entry in the symbol.
     * @param side side of the order.
     * @param qty  executed quantity, negative to take an execution back.
     * @param px   its price.
     */
    public void execute(final int slot, final Side side, final long qty, final long px)
    {
        netQty[slot] += isBuy(side) ? qty : -qty;
        if (px != FixedPoint.NULL_VALUE)
        {
            lastPx[slot] = px;
        }
        positionVersion[slotAccount[slot]]++;
    }

    /**
     * Set a position as it stands (at start, from the positions file).
     *
     * @param slot the account's entry in the symbol.
     * @param net  net quantity.
     * @param px   a price to value it by until there is a reference price, or {@link FixedPoint#NULL_VALUE}.
     */
    public void position(final int slot, final long net, final long px)
    {
        netQty[slot] = net;
        lastPx[slot] = px;
        positionVersion[slotAccount[slot]]++;
    }

    /** @param slot an entry. @return its account. */
    public int account(final int slot)
    {
        return slotAccount[slot];
    }

    /** @param slot an entry. @return its symbol. */
    public int symbol(final int slot)
    {
        return slotSymbol[slot];
    }

    /**
     * @param symbol symbol index.
     * @return the first entry of any account in the symbol, or {@link #NONE}; the others follow by
     * {@link #nextSlotOfSymbol}.
     */
    public int firstSlotOfSymbol(final int symbol)
    {
        return symbol < firstSlotOfSymbol.length ? firstSlotOfSymbol[symbol] : NONE;
    }

    /** @param slot an entry. @return the next entry in the same symbol, or {@link #NONE}. */
    public int nextSlotOfSymbol(final int slot)
    {
        return nextSlotOfSymbol[slot];
    }

    /**
     * @param slot an entry.
     * @return the price of its last execution (or the price it was set with), or {@link FixedPoint#NULL_VALUE}.
     */
    public long lastPx(final int slot)
    {
        return lastPx[slot];
    }

    /** @param slot an entry. @return its net position. */
    public long netQty(final int slot)
    {
        return slot == NONE ? 0 : netQty[slot];
    }

    /** @param slot an entry. @return quantity of its working buy orders. */
    public long workingBuyQty(final int slot)
    {
        return slot == NONE ? 0 : workingBuyQty[slot];
    }

    /** @param slot an entry. @return quantity of its working sell orders. */
    public long workingSellQty(final int slot)
    {
        return slot == NONE ? 0 : workingSellQty[slot];
    }

    /** @param account account index. @return notional of its working orders. */
    public long workingNotional(final int account)
    {
        return account < workingNotional.length ? workingNotional[account] : 0;
    }

    /**
     * Gross notional of an account's positions: each symbol's absolute net quantity at its reference price, or at the
     * last execution price when it has no reference price. Kept until a position of the account or a reference price
     * changes, and then only the positions whose quantity or price changed are valued again.
     *
     * @param account account index.
     * @param prices  reference prices.
     * @return the notional, saturating at {@link Long#MAX_VALUE}.
     */
    public long positionNotional(final int account, final ReferencePrices prices)
    {
        if (account >= firstSlotOfAccount.length)
        {
            return 0;
        }
        if (cachedPositionVersion[account] == positionVersion[account] &&
            cachedPriceVersion[account] == prices.version())
        {
            return cachedPositionNotional[account];
        }
        long total = 0;
        for (int slot = firstSlotOfAccount[account]; slot != NONE; slot = nextSlotOfAccount[slot])
        {
            final long net = netQty[slot];
            final long reference = prices.price(slotSymbol[slot]);
            final long px = reference != FixedPoint.NULL_VALUE ? reference : lastPx[slot];
            if (net != valuedNet[slot] || px != valuedPx[slot])
            {
                valuedNet[slot] = net;
                valuedPx[slot] = px;
                valuedNotional[slot] = net == 0 || px == FixedPoint.NULL_VALUE ? 0 : notional(Math.abs(net), px);
            }
            total = saturatingAdd(total, valuedNotional[slot]);
        }
        cachedPositionNotional[account] = total;
        cachedPositionVersion[account] = positionVersion[account];
        cachedPriceVersion[account] = prices.version();
        return total;
    }

    /**
     * @return most account-and-symbol entries it holds.
     */
    public int capacity()
    {
        return capacity;
    }

    /**
     * @return account-and-symbol entries in use, numbered from 0.
     */
    public int size()
    {
        return slots;
    }

    /**
     * @param qty quantity mantissa.
     * @param px  price mantissa.
     * @return quantity times price, {@link Long#MAX_VALUE} when it does not fit (over any limit).
     */
    public static long notional(final long qty, final long px)
    {
        if (Math.multiplyHigh(Math.abs(qty), Math.abs(px)) >= OVERFLOW_HIGH)
        {
            return Long.MAX_VALUE;
        }
        try
        {
            return FixedPoint.notional(qty, px);
        }
        catch (final ArithmeticException ex)
        {
            return Long.MAX_VALUE;
        }
    }

    static long saturatingAdd(final long a, final long b)
    {
        final long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
    }

    private static boolean isBuy(final Side side)
    {
        return side == Side.BUY;
    }
}
