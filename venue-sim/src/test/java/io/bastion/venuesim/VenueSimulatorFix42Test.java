package io.bastion.venuesim;

import io.bastion.protocol.FixedPoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import quickfix.MemoryStoreFactory;
import quickfix.Message;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static io.bastion.venuesim.VenueSimulatorTest.VENUE;
import static io.bastion.venuesim.VenueSimulatorTest.acceptorSettings;
import static io.bastion.venuesim.VenueSimulatorTest.assertField;
import static io.bastion.venuesim.VenueSimulatorTest.freePort;

/**
 * The same venue over FIX 4.2: ExecTransType on every report, fills as ExecType 1/2, FIX 4.2 reject reasons.
 */
class VenueSimulatorFix42Test
{
    private VenueSimulator venue;
    private FixClient client;

    @BeforeEach
    void setUp() throws Exception
    {
        final int port = freePort();
        venue = new VenueSimulator(new VenueSimContext()
            .sessionSettings(acceptorSettings(port, "FIX.4.2", "OLDIE"))
            .messageStoreFactory(new MemoryStoreFactory())
            .seed("IBM", FixedPoint.parse("100"), FixedPoint.parse("0.05"), 2, FixedPoint.parse("100")));
        venue.start();
        client = new FixClient("FIX.4.2", "OLDIE", VENUE, port).awaitLogon();
    }

    @AfterEach
    void tearDown()
    {
        if (client != null)
        {
            client.close();
        }
        if (venue != null)
        {
            venue.close();
        }
    }

    @Test
    void shouldSpeakFix42() throws Exception
    {
        client.send(newOrder("O1", "150", "100.05"));

        final Message ack = client.next("8");
        assertField(ack, 20, "0");
        assertField(ack, 150, "0");
        assertField(ack, 39, "0");
        final Message partial = client.next("8");
        assertField(partial, 150, "1");
        assertField(partial, 39, "1");
        assertField(partial, 32, "100");
        assertField(partial, 31, "100.05");
        assertField(partial, 151, "50");

        client.send(newOrder("O2", "0", "100.05"));

        final Message reject = client.next("8");
        assertField(reject, 20, "0");
        assertField(reject, 150, "8");
        assertField(reject, 103, "0");
        assertField(reject, 58, "OrderQty (38) must be positive: 0");
    }

    private static Message newOrder(final String clOrdId, final String orderQty, final String price)
    {
        final Message order = new quickfix.fix42.NewOrderSingle();
        order.setString(11, clOrdId);
        order.setChar(21, '1');
        order.setString(55, "IBM");
        order.setChar(54, '1');
        order.setString(38, orderQty);
        order.setChar(40, '2');
        order.setString(44, price);
        order.setUtcTimeStamp(60, LocalDateTime.now(ZoneOffset.UTC), true);
        return order;
    }
}
