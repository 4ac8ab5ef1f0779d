package io.bastion.risk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The trading halts in force: a whole venue, an instrument everywhere, or an instrument at one venue. A halt blocks
 * new orders and replaces (cancels always pass) until it is lifted; unlike a kill switch it leaves working orders
 * alone, since a halted market does not trade them either. Looking up the halt covering an order allocates nothing.
 * Owned by the OMS thread.
 */
public final class TradingHalts
{
    /** Stands for "every venue" in {@link Halt#venue()}. */
    public static final int ALL_VENUES = -1;
    /** Stands for "every instrument" in {@link Halt#symbol()}. */
    public static final int ALL_SYMBOLS = -1;

    /**
     * One halt.
     *
     * @param venue      venue index, or {@link #ALL_VENUES}.
     * @param symbol     symbol index, or {@link #ALL_SYMBOLS} (a whole venue).
     * @param venueName  the venue's name, or "".
     * @param symbolName the instrument's name, or "".
     * @param reason     why.
     * @param haltedBy   who halted it.
     * @param timeNs     when, epoch nanoseconds.
     */
    public record Halt(
        int venue, int symbol, String venueName, String symbolName, String reason, String haltedBy, long timeNs)
    {
        /**
         * @return what is halted, for texts: {@code venue SIM}, {@code AAPL}, {@code AAPL at SIM}.
         */
        public String describe()
        {
            if (symbol == ALL_SYMBOLS)
            {
                return "venue " + venueName;
            }
            return venue == ALL_VENUES ? symbolName : symbolName + " at " + venueName;
        }
    }

    private Halt[] byVenue = new Halt[0];
    private Halt[] bySymbol = new Halt[0];
    private Halt[] bySymbolAtVenue = new Halt[0];
    private int venues;
    private int count;

    /**
     * @param venues  venues there are.
     * @param symbols instruments there are.
     */
    public void size(final int venues, final int symbols)
    {
        if (venues > this.venues || symbols > bySymbol.length)
        {
            final Halt[] oldAtVenue = bySymbolAtVenue;
            final int oldVenues = this.venues;
            final int oldSymbols = bySymbol.length;
            byVenue = Arrays.copyOf(byVenue, Math.max(venues, byVenue.length));
            bySymbol = Arrays.copyOf(bySymbol, Math.max(symbols, bySymbol.length));
            this.venues = Math.max(venues, oldVenues);
            bySymbolAtVenue = new Halt[bySymbol.length * this.venues];
            for (int s = 0; s < oldSymbols; s++)
            {
                System.arraycopy(oldAtVenue, s * oldVenues, bySymbolAtVenue, s * this.venues, oldVenues);
            }
        }
    }

    /**
     * The halt that stops an order, if any: the venue's, then the instrument's, then the instrument's at the venue.
     *
     * @param venue  venue index.
     * @param symbol symbol index.
     * @return the halt, or null.
     */
    public Halt covering(final int venue, final int symbol)
    {
        if (count == 0)
        {
            return null;
        }
        if (venue >= 0 && venue < byVenue.length && byVenue[venue] != null)
        {
            return byVenue[venue];
        }
        if (symbol >= 0 && symbol < bySymbol.length)
        {
            if (bySymbol[symbol] != null)
            {
                return bySymbol[symbol];
            }
            if (venue >= 0 && venue < venues)
            {
                return bySymbolAtVenue[symbol * venues + venue];
            }
        }
        return null;
    }

    /**
     * Halt, or replace the reason of a halt already in force.
     *
     * @param halt the halt; its venue and symbol indexes must be within {@link #size}.
     */
    public void halt(final Halt halt)
    {
        final Halt[] slots = slots(halt.venue(), halt.symbol());
        final int at = slot(halt.venue(), halt.symbol());
        if (slots[at] == null)
        {
            count++;
        }
        slots[at] = halt;
    }

    /**
     * Lift a halt.
     *
     * @param venue  venue index or {@link #ALL_VENUES}.
     * @param symbol symbol index or {@link #ALL_SYMBOLS}.
     * @return the halt lifted, or null when there was none.
     */
    public Halt resume(final int venue, final int symbol)
    {
        final Halt[] slots = slots(venue, symbol);
        final int at = slot(venue, symbol);
        final Halt lifted = slots[at];
        if (lifted != null)
        {
            slots[at] = null;
            count--;
        }
        return lifted;
    }

    /**
     * @return every halt in force: venues, then instruments, then instruments at venues.
     */
    public List<Halt> all()
    {
        final List<Halt> all = new ArrayList<>(count);
        for (final Halt[] slots : new Halt[][] {byVenue, bySymbol, bySymbolAtVenue})
        {
            for (final Halt halt : slots)
            {
                if (halt != null)
                {
                    all.add(halt);
                }
            }
        }
        return all;
    }

    private Halt[] slots(final int venue, final int symbol)
    {
        if (symbol == ALL_SYMBOLS)
        {
            return byVenue;
        }
        return venue == ALL_VENUES ? bySymbol : bySymbolAtVenue;
    }

    private int slot(final int venue, final int symbol)
    {
        if (symbol == ALL_SYMBOLS)
        {
            return venue;
        }
        return venue == ALL_VENUES ? symbol : symbol * venues + venue;
    }
}
