package io.bastion.app;

import io.bastion.oms.Position;
import io.bastion.protocol.FixedPoint;
import io.bastion.venuesim.VenueSimulator;
import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.Initiator;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.RuntimeError;
import quickfix.SLF4JLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.ExecType;
import quickfix.field.MsgType;
import quickfix.field.OrdStatus;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The built-in demo client of {@code bastion demo}: logs on to Bastion as a FIX 4.4 client (session DEMO), trades a
 * mix of marketable, resting, market, cancelled and invalid orders, and prints a live summary of orders, fills and
 * positions.
 */
final class DemoClient implements Application, AutoCloseable
{
    private static final String[] SYMBOLS = { "AAPL", "MSFT", "GOOG", "AMZN" };
    private static final String ACCOUNT = "DEMO-ACCT";
    /**
     * The account of the orders that rest far from the market. Another account than the one taking liquidity, or
     * self-match prevention would refuse the demo's market sells (they would trade with the account's own resting buys).
     */
    private static final String RESTING_ACCOUNT = "DEMO-MM";
    private static final long PACE_MS = 250;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Bastion bastion;
    private final PrintStream out;
    private final SessionID sessionId;
    private final Initiator initiator;
    private final Deque<String[]> resting = new ArrayDeque<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong fills = new AtomicLong();
    private final AtomicLong filledOrders = new AtomicLong();
    private final AtomicLong canceled = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong cancelRejected = new AtomicLong();
    private volatile String lastReject = "";
    private volatile boolean loggedOn;
    private long nextId = 1;

    DemoClient(final Bastion bastion, final PrintStream out) throws ConfigError
    {
        this.bastion = bastion;
        this.out = out;
        final SessionSettings server = bastion.config().clientSettings();
        SessionID demo = null;
        for (final Iterator<SessionID> it = server.sectionIterator(); it.hasNext(); )
        {
            final SessionID id = it.next();
            if ("DEMO".equals(id.getTargetCompID()))
            {
                demo = id;
            }
        }
        if (demo == null)
        {
            throw new ConfigError("the demo needs a DEMO session in " + BastionConfig.CLIENTS_FILE);
        }

        sessionId = new SessionID(demo.getBeginString(), "DEMO", demo.getSenderCompID());
        final SessionSettings settings = new SessionSettings();
        settings.setString(sessionId, "ConnectionType", "initiator");
        settings.setString(sessionId, "SocketConnectHost", server.getStringOrDefault(demo, "SocketAcceptAddress",
            "127.0.0.1"));
        settings.setString(sessionId, "SocketConnectPort", server.getString(demo, "SocketAcceptPort"));
        settings.setString(sessionId, "StartTime", "00:00:00");
        settings.setString(sessionId, "EndTime", "00:00:00");
        settings.setString(sessionId, "HeartBtInt", "30");
        settings.setString(sessionId, "ReconnectInterval", "1");
        settings.setString(sessionId, "ResetOnLogon", "Y");
        settings.setString(sessionId, "UseDataDictionary", "Y");
        initiator = new SocketInitiator(
            this, new MemoryStoreFactory(), settings, new SLF4JLogFactory(settings), new DefaultMessageFactory());
        initiator.start();
    }

    void run(final long orderLimit) throws InterruptedException, SessionNotFound
    {
        final long deadline = System.currentTimeMillis() + 30_000;
        while (!loggedOn)
        {
            if (System.currentTimeMillis() > deadline)
            {
                throw new IllegalStateException("demo client could not log on to Bastion");
            }
            Thread.sleep(50);
        }
        out.println("Demo client logged on as DEMO; trading " + String.join(", ", SYMBOLS) + " for account " +
            ACCOUNT + (orderLimit == Long.MAX_VALUE ? " until interrupted" : " for " + orderLimit + " orders"));

        long step = 0;
        long lastSummary = System.currentTimeMillis();
        while (sent.get() < orderLimit && !Thread.currentThread().isInterrupted())
        {
            trade(step++);
            Thread.sleep(PACE_MS);
            if (System.currentTimeMillis() - lastSummary >= 2_000)
            {
                lastSummary = System.currentTimeMillis();
                printSummary();
            }
        }
        final long settle = System.currentTimeMillis() + 2_000;
        while (System.currentTimeMillis() < settle && acked.get() + rejected.get() < sent.get())
        {
            Thread.sleep(50);
        }
        printSummary();
    }

    private void trade(final long step) throws SessionNotFound
    {
        final String symbol = SYMBOLS[(int)(step % SYMBOLS.length)];
        final long bid = best(symbol, true);
        final long ask = best(symbol, false);
        final long tick = FixedPoint.SCALE / 100;
        switch ((int)(step % 6))
        {
            case 0:
                send(newOrder(symbol, '1', '2', 300, ask + 5 * tick, false));
                break;
            case 1:
                send(newOrder(symbol, '2', '2', 200, bid - 5 * tick, false));
                break;
            case 2:
                send(newOrder(symbol, '1', '2', 100, bid - 100 * tick, true));
                break;
            case 3:
                send(newOrder(symbol, '2', '1', 150, FixedPoint.NULL_VALUE, false));
                break;
            case 4:
                final String[] toCancel = this.resting.pollFirst();
                if (toCancel != null)
                {
                    send(cancel(toCancel[0], toCancel[1], toCancel[2]));
                }
                break;
            default:
                if (step % 30 == 5)
                {
                    send(newOrder("ZZZZ", '1', '2', 10, FixedPoint.SCALE, false));
                }
                else
                {
                    send(newOrder(symbol, '2', '2', 100, ask + 100 * tick, true));
                }
        }
    }

    private long best(final String symbol, final boolean bid)
    {
        final VenueSimulator sim = bastion.venueSim();
        final long price = sim == null ? FixedPoint.NULL_VALUE : bid ? sim.bestBid(symbol) : sim.bestAsk(symbol);
        return price > 0 ? price : FixedPoint.ofUnits(100);
    }

    private Message newOrder(
        final String symbol, final char side, final char ordType, final long qty, final long px, final boolean rests)
    {
        final Message order = new Message();
        order.getHeader().setString(MsgType.FIELD, MsgType.NEW_ORDER_SINGLE);
        final String clOrdId = "D" + (nextId++);
        order.setString(11, clOrdId);
        order.setString(1, rests ? RESTING_ACCOUNT : ACCOUNT);
        order.setString(55, symbol);
        order.setChar(54, side);
        order.setChar(40, ordType);
        order.setString(38, Long.toString(qty));
        if (px != FixedPoint.NULL_VALUE)
        {
            order.setString(44, FixedPoint.toString(px));
        }
        order.setUtcTimeStamp(60, java.time.LocalDateTime.now(java.time.ZoneOffset.UTC));
        if (rests)
        {
            resting.addLast(new String[]{ clOrdId, symbol, String.valueOf(side) });
        }
        sent.incrementAndGet();
        return order;
    }

    private Message cancel(final String origClOrdId, final String symbol, final String side)
    {
        final Message cancel = new Message();
        cancel.getHeader().setString(MsgType.FIELD, MsgType.ORDER_CANCEL_REQUEST);
        cancel.setString(11, "D" + (nextId++));
        cancel.setString(41, origClOrdId);
        cancel.setString(55, symbol);
        cancel.setChar(54, side.charAt(0));
        cancel.setUtcTimeStamp(60, java.time.LocalDateTime.now(java.time.ZoneOffset.UTC));
        return cancel;
    }

    private void send(final Message message) throws SessionNotFound
    {
        Session.sendToTarget(message, sessionId);
    }

    private void printSummary()
    {
        out.printf("[%s] orders %d | acked %d | fills %d (%d orders filled) | canceled %d | rejected %d | " +
            "cancel rejects %d%n", LocalTime.now().format(TIME), sent.get(), acked.get(), fills.get(),
            filledOrders.get(), canceled.get(), rejected.get(), cancelRejected.get());
        if (!lastReject.isEmpty())
        {
            out.println("    last reject: " + lastReject);
        }
        for (final Position position : bastion.oms().positions().readAll())
        {
            if (ACCOUNT.equals(position.account()))
            {
                out.println("    position " + BastionMain.describe(position));
            }
        }
    }

    public void fromApp(final Message message, final SessionID sessionId) throws FieldNotFound
    {
        final String type = message.getHeader().getString(MsgType.FIELD);
        if (MsgType.EXECUTION_REPORT.equals(type))
        {
            final char execType = message.getChar(ExecType.FIELD);
            switch (execType)
            {
                case ExecType.NEW:
                    acked.incrementAndGet();
                    break;
                case ExecType.TRADE:
                    fills.incrementAndGet();
                    if (message.getChar(OrdStatus.FIELD) == OrdStatus.FILLED)
                    {
                        filledOrders.incrementAndGet();
                    }
                    break;
                case ExecType.CANCELED:
                    canceled.incrementAndGet();
                    break;
                case ExecType.REJECTED:
                    rejected.incrementAndGet();
                    lastReject = message.getString(11) + ": " + (message.isSetField(58) ? message.getString(58) : "");
                    break;
                default:
                    break;
            }
        }
        else if (MsgType.ORDER_CANCEL_REJECT.equals(type))
        {
            cancelRejected.incrementAndGet();
        }
    }

    public void onCreate(final SessionID sessionId)
    {
    }

    public void onLogon(final SessionID sessionId)
    {
        loggedOn = true;
    }

    public void onLogout(final SessionID sessionId)
    {
        loggedOn = false;
    }

    public void toAdmin(final Message message, final SessionID sessionId)
    {
    }

    public void fromAdmin(final Message message, final SessionID sessionId)
    {
    }

    public void toApp(final Message message, final SessionID sessionId)
    {
    }

    public void close()
    {
        try
        {
            initiator.stop();
        }
        catch (final RuntimeError ex)
        {
            out.println("demo client stop: " + ex.getMessage());
        }
    }
}
