package io.bastion.gateway;

import io.bastion.sbe.ClientCancelEncoder;
import io.bastion.sbe.ClientNewOrderEncoder;
import io.bastion.sbe.ClientReplaceEncoder;
import io.bastion.sbe.ClientStatusRequestEncoder;
import io.bastion.sbe.SessionRole;
import io.bastion.sbe.SessionState;
import io.bastion.sbe.TimeInForce;
import org.agrona.concurrent.EpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.Application;
import quickfix.FieldException;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.RejectLogon;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.UnsupportedMessageType;

/**
 * The acceptor's QuickFIX/J application: authenticates client Logons and translates client orders into SBE on the
 * OMS inbound stream. Messages arrive here already validated against the session's data dictionary; what is left
 * to check is whether their values fit the SBE fields.
 * <p>
 * Every supported version (FIX 4.2, FIX 4.4, FIX 5.0SP2 over FIXT.1.1) is read by tag the same way: the fields the
 * gateway uses have the same tags and meanings in all three. HandlInst (21), which FIX 4.2 requires on orders, is
 * accepted and not forwarded. A GTD order's expiry is ExpireTime (126), or, when only ExpireDate (432) is given, the
 * end of that day in UTC.
 */
final class ClientApplication implements Application
{
    private static final Logger LOGGER = LoggerFactory.getLogger(ClientApplication.class);

    private final SessionRegistry registry;
    private final InboundPublisher publisher;
    private final EpochNanoClock clock;
    private final FixGatewayCounters counters;

    ClientApplication(
        final SessionRegistry registry,
        final InboundPublisher publisher,
        final EpochNanoClock clock,
        final FixGatewayCounters counters)
    {
        this.registry = registry;
        this.publisher = publisher;
        this.clock = clock;
        this.counters = counters;
    }

    public void onCreate(final SessionID sessionID)
    {
    }

    public synchronized void onLogon(final SessionID sessionID)
    {
        publishSessionStatus(sessionID, SessionState.LOGGED_ON);
    }

    public synchronized void onLogout(final SessionID sessionID)
    {
        publishSessionStatus(sessionID, SessionState.LOGGED_OUT);
    }

    public void toAdmin(final Message message, final SessionID sessionID)
    {
    }

    public void fromAdmin(final Message message, final SessionID sessionID) throws FieldNotFound, RejectLogon
    {
        if (FixTags.MSG_TYPE_LOGON.equals(message.getHeader().getString(FixTags.MSG_TYPE)))
        {
            authenticate(message, sessionID);
        }
    }

    public void toApp(final Message message, final SessionID sessionID)
    {
    }

    public synchronized void fromApp(final Message message, final SessionID sessionID)
        throws FieldNotFound, UnsupportedMessageType
    {
        final SessionEntry entry = registry.entry(sessionID);
        final String msgType = message.getHeader().getString(FixTags.MSG_TYPE);
        if (null == entry)
        {
            throw new IllegalStateException("no configured client session " + sessionID);
        }

        final boolean accepted;
        try
        {
            switch (msgType)
            {
                case FixTags.MSG_TYPE_NEW_ORDER_SINGLE:
                    accepted = onNewOrderSingle(entry, message);
                    break;
                case FixTags.MSG_TYPE_ORDER_CANCEL_REQUEST:
                    accepted = onOrderCancelRequest(entry, message);
                    break;
                case FixTags.MSG_TYPE_ORDER_CANCEL_REPLACE_REQUEST:
                    accepted = onOrderCancelReplaceRequest(entry, message);
                    break;
                case FixTags.MSG_TYPE_ORDER_STATUS_REQUEST:
                    accepted = onOrderStatusRequest(entry, message);
                    break;
                default:
                    throw new UnsupportedMessageType();
            }
        }
        catch (final FieldException ex)
        {
            counters.onClientMessageRejected();
            throw ex;
        }

        if (!accepted)
        {
            rejectApplicationNotAvailable(entry, message, msgType);
        }
    }

    private boolean onNewOrderSingle(final SessionEntry entry, final Message message) throws FieldNotFound
    {
        final ClientNewOrderEncoder encoder = publisher.clientNewOrder();
        encoder
            .sessionId(entry.sessionId())
            .sendingTimeNs(sendingTimeNs(message))
            .side(SbeEnums.side(message.getString(FixTags.SIDE)))
            .ordType(SbeEnums.ordType(message.getString(FixTags.ORD_TYPE)))
            .timeInForce(timeInForce(message))
            .possResend(possResend(message))
            .orderQty(FixFields.clientDecimal(message, FixTags.ORDER_QTY))
            .price(FixFields.clientDecimal(message, FixTags.PRICE))
            .stopPx(FixFields.clientDecimal(message, FixTags.STOP_PX))
            .clOrdId(FixFields.clientText(message, FixTags.CL_ORD_ID, ClientNewOrderEncoder.clOrdIdLength()))
            .account(FixFields.clientText(message, FixTags.ACCOUNT, ClientNewOrderEncoder.accountLength()))
            .trader(FixFields.clientText(message.getHeader(), FixTags.SENDER_SUB_ID,
                ClientNewOrderEncoder.traderLength()))
            .symbol(FixFields.clientText(message, FixTags.SYMBOL, ClientNewOrderEncoder.symbolLength()))
            .exDestination(FixFields.clientText(
                message, FixTags.EX_DESTINATION, ClientNewOrderEncoder.exDestinationLength()))
            .expireTimeNs(expireTimeNs(message));

        return publisher.offer(encoder.encodedLength());
    }

    private boolean onOrderCancelRequest(final SessionEntry entry, final Message message) throws FieldNotFound
    {
        final ClientCancelEncoder encoder = publisher.clientCancel();
        encoder
            .sessionId(entry.sessionId())
            .side(SbeEnums.side(message.getString(FixTags.SIDE)))
            .orderQty(FixFields.clientDecimal(message, FixTags.ORDER_QTY))
            .clOrdId(FixFields.clientText(message, FixTags.CL_ORD_ID, ClientCancelEncoder.clOrdIdLength()))
            .origClOrdId(FixFields.clientText(
                message, FixTags.ORIG_CL_ORD_ID, ClientCancelEncoder.origClOrdIdLength()))
            .orderId(FixFields.clientText(message, FixTags.ORDER_ID, ClientCancelEncoder.orderIdLength()))
            .symbol(FixFields.clientText(message, FixTags.SYMBOL, ClientCancelEncoder.symbolLength()));

        return publisher.offer(encoder.encodedLength());
    }

    private boolean onOrderCancelReplaceRequest(final SessionEntry entry, final Message message)
        throws FieldNotFound
    {
        final ClientReplaceEncoder encoder = publisher.clientReplace();
        encoder
            .sessionId(entry.sessionId())
            .side(SbeEnums.side(message.getString(FixTags.SIDE)))
            .ordType(SbeEnums.ordType(message.getString(FixTags.ORD_TYPE)))
            .timeInForce(timeInForce(message))
            .orderQty(FixFields.clientDecimal(message, FixTags.ORDER_QTY))
            .price(FixFields.clientDecimal(message, FixTags.PRICE))
            .clOrdId(FixFields.clientText(message, FixTags.CL_ORD_ID, ClientReplaceEncoder.clOrdIdLength()))
            .origClOrdId(FixFields.clientText(
                message, FixTags.ORIG_CL_ORD_ID, ClientReplaceEncoder.origClOrdIdLength()))
            .orderId(FixFields.clientText(message, FixTags.ORDER_ID, ClientReplaceEncoder.orderIdLength()))
            .symbol(FixFields.clientText(message, FixTags.SYMBOL, ClientReplaceEncoder.symbolLength()))
            .stopPx(FixFields.clientDecimal(message, FixTags.STOP_PX))
            .expireTimeNs(expireTimeNs(message))
            .possResend(possResend(message))
            .account(FixFields.clientText(message, FixTags.ACCOUNT, ClientReplaceEncoder.accountLength()))
            .trader(FixFields.clientText(message.getHeader(), FixTags.SENDER_SUB_ID,
                ClientReplaceEncoder.traderLength()));

        return publisher.offer(encoder.encodedLength());
    }

    private boolean onOrderStatusRequest(final SessionEntry entry, final Message message) throws FieldNotFound
    {
        final ClientStatusRequestEncoder encoder = publisher.clientStatusRequest();
        encoder
            .sessionId(entry.sessionId())
            .side(SbeEnums.side(message.getString(FixTags.SIDE)))
            .clOrdId(FixFields.clientText(message, FixTags.CL_ORD_ID, ClientStatusRequestEncoder.clOrdIdLength()))
            .orderId(FixFields.clientText(message, FixTags.ORDER_ID, ClientStatusRequestEncoder.orderIdLength()))
            .symbol(FixFields.clientText(message, FixTags.SYMBOL, ClientStatusRequestEncoder.symbolLength()));

        return publisher.offer(encoder.encodedLength());
    }

    private void authenticate(final Message logon, final SessionID sessionID) throws RejectLogon
    {
        final SessionEntry entry = registry.entry(sessionID);
        if (null == entry || null == entry.passwordDigest())
        {
            return;
        }

        final String password = FixFields.optional(logon, FixTags.PASSWORD);
        final String reason;
        if (null == password)
        {
            reason = "Password (554) required for " + entry.counterpartyCompId();
        }
        else if (!LogonPasswords.matches(entry.passwordDigest(), password))
        {
            reason = "Invalid password for " + entry.counterpartyCompId();
        }
        else
        {
            return;
        }

        counters.onLogonRejected();
        LOGGER.warn("refusing Logon of {} from {}: {}", sessionID, remoteAddress(sessionID), reason);
        throw new RejectLogon(reason);
    }

    private void rejectApplicationNotAvailable(final SessionEntry entry, final Message message, final String msgType)
    {
        final String failure = publisher.lastOfferFailure();
        final String clOrdId = FixFields.optional(message, FixTags.CL_ORD_ID);
        LOGGER.warn("OMS inbound stream did not accept {} ClOrdID={} from {} ({}): answering Application not available",
            msgType, clOrdId, entry.fixSessionId(), failure);

        final Message reject = entry.dialect().newMessage(FixTags.MSG_TYPE_BUSINESS_MESSAGE_REJECT);
        final String refSeqNum = FixFields.optional(message.getHeader(), FixTags.MSG_SEQ_NUM);
        if (null != refSeqNum)
        {
            reject.setString(FixTags.REF_SEQ_NUM, refSeqNum);
        }
        reject.setString(FixTags.REF_MSG_TYPE, msgType);
        if (null != clOrdId)
        {
            reject.setString(FixTags.BUSINESS_REJECT_REF_ID, clOrdId);
        }
        reject.setInt(FixTags.BUSINESS_REJECT_REASON, FixTags.BUSINESS_REJECT_APPLICATION_NOT_AVAILABLE);
        reject.setString(FixTags.TEXT, "Application not available: order system busy (" + failure +
            "), message not processed, send it again later");

        final Session session = entry.session();
        if (null != session)
        {
            session.send(reject);
        }
    }

    private void publishSessionStatus(final SessionID sessionID, final SessionState state)
    {
        final SessionEntry entry = registry.entry(sessionID);
        if (null == entry)
        {
            LOGGER.error("{} of unconfigured client session {}", state, sessionID);
            return;
        }

        if (SessionState.LOGGED_ON == state)
        {
            LOGGER.info("client session {} (sessionId={}) logged on from {}",
                sessionID, entry.sessionId(), remoteAddress(sessionID));
        }
        else
        {
            LOGGER.info("client session {} (sessionId={}) logged out", sessionID, entry.sessionId());
        }
        if (!publisher.sessionStatus(entry.sessionId(), FixGatewayConfiguration.CLIENT_VENUE_ID, SessionRole.CLIENT,
            state, clock.nanoTime()))
        {
            LOGGER.error("OMS inbound stream did not accept SessionStatus {} of {} ({})",
                state, sessionID, publisher.lastOfferFailure());
        }
    }

    private long sendingTimeNs(final Message message)
    {
        final long sendingTimeNs = FixFields.timestampNs(message.getHeader(), FixTags.SENDING_TIME);
        return FixTimestamps.NULL_NS == sendingTimeNs ? clock.nanoTime() : sendingTimeNs;
    }

    private static TimeInForce timeInForce(final Message message)
    {
        final String value = FixFields.optional(message, FixTags.TIME_IN_FORCE);
        return null == value ? TimeInForce.DAY : SbeEnums.timeInForce(value);
    }

    /**
     * ExpireTime (126) when given; else ExpireDate (432) as the end of that day in UTC; else 0.
     */
    private static long expireTimeNs(final Message message)
    {
        final String expireTime = FixFields.optional(message, FixTags.EXPIRE_TIME);
        if (null != expireTime)
        {
            final long expireTimeNs = FixTimestamps.parseNs(expireTime);
            if (FixTimestamps.NULL_NS == expireTimeNs)
            {
                throw new FieldException(FixTags.SESSION_REJECT_INCORRECT_DATA_FORMAT,
                    "ExpireTime (126) '" + expireTime + "' is not a UTCTimestamp", FixTags.EXPIRE_TIME);
            }
            return expireTimeNs;
        }

        final String expireDate = FixFields.optional(message, FixTags.EXPIRE_DATE);
        if (null != expireDate)
        {
            final long endOfDayNs = FixTimestamps.endOfUtcDayNs(expireDate);
            if (FixTimestamps.NULL_NS == endOfDayNs)
            {
                throw new FieldException(FixTags.SESSION_REJECT_INCORRECT_DATA_FORMAT,
                    "ExpireDate (432) '" + expireDate + "' is not a date YYYYMMDD", FixTags.EXPIRE_DATE);
            }
            return endOfDayNs;
        }

        return 0;
    }

    private static short possResend(final Message message)
    {
        return (short)("Y".equals(FixFields.optional(message.getHeader(), FixTags.POSS_RESEND)) ? 1 : 0);
    }

    private static String remoteAddress(final SessionID sessionID)
    {
        final Session session = Session.lookupSession(sessionID);
        final String address = null == session ? null : session.getRemoteAddress();
        return null == address ? "unknown address" : address;
    }
}
