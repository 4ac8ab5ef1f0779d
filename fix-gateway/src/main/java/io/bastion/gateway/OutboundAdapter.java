package io.bastion.gateway;

import java.util.HashSet;
import java.util.Set;

import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.bastion.protocol.FixedPoint;
import io.bastion.sbe.ClientCancelRejectDecoder;
import io.bastion.sbe.ClientExecutionReportDecoder;
import io.bastion.sbe.ClientSessionCommandDecoder;
import io.bastion.sbe.CommandRejectSource;
import io.bastion.sbe.CxlRejReason;
import io.bastion.sbe.ExecRestatementReason;
import io.bastion.sbe.MessageHeaderDecoder;
import io.bastion.sbe.OrdRejReason;
import io.bastion.sbe.SessionCommandType;
import io.bastion.sbe.SessionRole;
import io.bastion.sbe.VenueCancelDecoder;
import io.bastion.sbe.VenueCommandType;
import io.bastion.sbe.VenueNewOrderDecoder;
import io.bastion.sbe.VenueReplaceDecoder;
import org.agrona.DirectBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.Session;

/**
 * Decodes the OMS outbound stream and sends what is for the gateway as FIX: client reports to client sessions,
 * venue commands to venue sessions. Decimals are written from fixed point as text, never through {@code double}.
 * A message that cannot be translated is counted and logged (once per kind), never thrown. A venue command that
 * cannot be sent (no session for the venue, session not logged on) is answered on the OMS inbound stream with
 * VenueCommandRejected (NOT_SENT), so that the OMS never waits for an answer that cannot come.
 */
final class OutboundAdapter implements FragmentHandler
{
    private static final Logger LOGGER = LoggerFactory.getLogger(OutboundAdapter.class);
    private static final String ZERO = "0";
    private static final String NO_ORDER_ID = "NONE";
    private static final byte NULL_CHAR = 0;

    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final ClientExecutionReportDecoder clientExecutionReport = new ClientExecutionReportDecoder();
    private final ClientCancelRejectDecoder clientCancelReject = new ClientCancelRejectDecoder();
    private final VenueNewOrderDecoder venueNewOrder = new VenueNewOrderDecoder();
    private final VenueCancelDecoder venueCancel = new VenueCancelDecoder();
    private final VenueReplaceDecoder venueReplace = new VenueReplaceDecoder();
    private final ClientSessionCommandDecoder sessionCommand = new ClientSessionCommandDecoder();
    private final Set<String> loggedKinds = new HashSet<>();
    private final SessionRegistry registry;
    private final FixGatewayCounters counters;
    private final InboundPublisher publisher;
    private long nowNs;

    OutboundAdapter(final SessionRegistry registry, final FixGatewayCounters counters, final InboundPublisher publisher)
    {
        this.registry = registry;
        this.counters = counters;
        this.publisher = publisher;
    }

    void nowNs(final long nowNs)
    {
        this.nowNs = nowNs;
    }

    public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        int templateId = -1;
        try
        {
            headerDecoder.wrap(buffer, offset);
            if (headerDecoder.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
            {
                counters.onOutboundIgnored();
                return;
            }

            templateId = headerDecoder.templateId();
            final int bodyOffset = offset + MessageHeaderDecoder.ENCODED_LENGTH;
            final int blockLength = headerDecoder.blockLength();
            final int version = headerDecoder.version();
            switch (templateId)
            {
                case ClientExecutionReportDecoder.TEMPLATE_ID:
                    onClientExecutionReport(clientExecutionReport.wrap(buffer, bodyOffset, blockLength, version));
                    break;
                case ClientCancelRejectDecoder.TEMPLATE_ID:
                    onClientCancelReject(clientCancelReject.wrap(buffer, bodyOffset, blockLength, version));
                    break;
                case VenueNewOrderDecoder.TEMPLATE_ID:
                    onVenueNewOrder(venueNewOrder.wrap(buffer, bodyOffset, blockLength, version));
                    break;
                case VenueCancelDecoder.TEMPLATE_ID:
                    onVenueCancel(venueCancel.wrap(buffer, bodyOffset, blockLength, version));
                    break;
                case VenueReplaceDecoder.TEMPLATE_ID:
                    onVenueReplace(venueReplace.wrap(buffer, bodyOffset, blockLength, version));
                    break;
                case ClientSessionCommandDecoder.TEMPLATE_ID:
                    onClientSessionCommand(sessionCommand.wrap(buffer, bodyOffset, blockLength, version));
                    break;
                default:
                    counters.onOutboundIgnored();
                    break;
            }
        }
        catch (final Exception ex)
        {
            counters.onOutboundFault();
            final String kind = "template " + templateId + ": " + ex.getClass().getName();
            if (loggedKinds.add(kind))
            {
                LOGGER.error("cannot translate OMS message (template {}) to FIX; this kind is logged once, " +
                    "see outboundFaults for the count", templateId, ex);
            }
        }
    }

    private void onClientExecutionReport(final ClientExecutionReportDecoder decoder)
    {
        final SessionEntry entry = clientEntry(decoder.sessionId(), "ClientExecutionReport");
        if (null == entry)
        {
            return;
        }

        final FixDialect dialect = entry.dialect();
        final Message report = dialect.newMessage(FixTags.MSG_TYPE_EXECUTION_REPORT);
        report.setString(FixTags.ORDER_ID, Long.toString(decoder.orderId()));
        report.setString(FixTags.EXEC_ID, Long.toString(decoder.execId()));
        final long transactTimeNs = decoder.transactTimeNs();
        final long leavesQty = decoder.leavesQty();
        dialect.putExecTypeAndStatus(
            report,
            requiredChar(decoder.execTypeRaw(), "execType"),
            requiredChar(decoder.ordStatusRaw(), "ordStatus"),
            leavesQty);
        report.setChar(FixTags.SIDE, requiredChar(decoder.sideRaw(), "side"));
        putChar(report, FixTags.ORD_TYPE, decoder.ordTypeRaw());
        putChar(report, FixTags.TIME_IN_FORCE, decoder.timeInForceRaw());
        final short ordRejReason = decoder.ordRejReasonRaw();
        if (ordRejReason != OrdRejReason.NULL_VAL.value())
        {
            report.setInt(FixTags.ORD_REJ_REASON, dialect.ordRejReason(ordRejReason));
        }
        putDecimal(report, FixTags.ORDER_QTY, decoder.orderQty());
        putDecimal(report, FixTags.PRICE, decoder.price());
        report.setString(FixTags.LAST_QTY, decimalOrZero(decoder.lastQty()));
        report.setString(FixTags.LAST_PX, decimalOrZero(decoder.lastPx()));
        report.setString(FixTags.CUM_QTY, decimalOrZero(decoder.cumQty()));
        report.setString(FixTags.LEAVES_QTY, decimalOrZero(leavesQty));
        report.setString(FixTags.AVG_PX, decimalOrZero(decoder.avgPx()));
        putText(report, FixTags.CL_ORD_ID, decoder.clOrdId());
        putText(report, FixTags.ORIG_CL_ORD_ID, decoder.origClOrdId());
        putText(report, FixTags.ACCOUNT, decoder.account());
        putText(report, FixTags.SYMBOL, decoder.symbol());
        putText(report, FixTags.LAST_MKT, decoder.lastMkt());
        report.setString(FixTags.TRANSACT_TIME, timestamp(entry, transactTimeNs));
        putId(report, FixTags.EXEC_REF_ID, decoder.execRefId());
        final short execRestatementReason = decoder.execRestatementReasonRaw();
        if (execRestatementReason != ExecRestatementReason.NULL_VAL.value())
        {
            report.setInt(FixTags.EXEC_RESTATEMENT_REASON, dialect.execRestatementReason(execRestatementReason));
        }
        putDecimal(report, FixTags.STOP_PX, decoder.stopPx());
        putTimestamp(entry, report, FixTags.EXPIRE_TIME, decoder.expireTimeNs());
        putText(report, FixTags.TEXT, decoder.text());

        send(entry, report, "ClientExecutionReport");
    }

    private void onClientCancelReject(final ClientCancelRejectDecoder decoder)
    {
        final SessionEntry entry = clientEntry(decoder.sessionId(), "ClientCancelReject");
        if (null == entry)
        {
            return;
        }

        final Message reject = entry.dialect().newMessage(FixTags.MSG_TYPE_ORDER_CANCEL_REJECT);
        final long orderId = decoder.orderId();
        reject.setString(FixTags.ORDER_ID, 0 == orderId ? NO_ORDER_ID : Long.toString(orderId));
        reject.setChar(FixTags.ORD_STATUS, requiredChar(decoder.ordStatusRaw(), "ordStatus"));
        reject.setChar(FixTags.CXL_REJ_RESPONSE_TO, requiredChar(decoder.responseToRaw(), "responseTo"));
        final short cxlRejReason = decoder.cxlRejReasonRaw();
        if (cxlRejReason != CxlRejReason.NULL_VAL.value())
        {
            reject.setInt(FixTags.CXL_REJ_REASON, entry.dialect().cxlRejReason(cxlRejReason));
        }
        putText(reject, FixTags.CL_ORD_ID, decoder.clOrdId());
        putText(reject, FixTags.ORIG_CL_ORD_ID, decoder.origClOrdId());
        putText(reject, FixTags.TEXT, decoder.text());

        send(entry, reject, "ClientCancelReject");
    }

    /**
     * The OMS asks for a client session to be logged out (a message throttle tripped): Logout with its Text.
     */
    private void onClientSessionCommand(final ClientSessionCommandDecoder decoder)
    {
        final SessionEntry entry = clientEntry(decoder.sessionId(), "ClientSessionCommand");
        final SessionCommandType command = decoder.command();
        final String text = decoder.text();
        if (null == entry || command != SessionCommandType.LOGOUT)
        {
            counters.onOutboundIgnored();
            return;
        }
        final Session session = entry.session();
        if (null != session && session.isLoggedOn())
        {
            LOGGER.warn("logging out {} at the OMS's request: {}", entry.fixSessionId(), text);
            session.logout(text);
        }
    }

    private void onVenueNewOrder(final VenueNewOrderDecoder decoder)
    {
        final long venueClOrdId = decoder.venueClOrdId();
        final SessionEntry entry = venueEntry(decoder.venueId(), venueClOrdId, VenueCommandType.NEW_ORDER);
        if (null == entry)
        {
            return;
        }

        final FixDialect dialect = entry.dialect();
        final Message order = dialect.newMessage(FixTags.MSG_TYPE_NEW_ORDER_SINGLE);
        order.setString(FixTags.CL_ORD_ID, Long.toString(venueClOrdId));
        order.setChar(FixTags.SIDE, requiredChar(decoder.sideRaw(), "side"));
        order.setChar(FixTags.ORD_TYPE, requiredChar(decoder.ordTypeRaw(), "ordType"));
        putChar(order, FixTags.TIME_IN_FORCE, decoder.timeInForceRaw());
        order.setString(FixTags.ORDER_QTY, requiredDecimal(decoder.orderQty(), "orderQty"));
        putDecimal(order, FixTags.PRICE, decoder.price());
        putDecimal(order, FixTags.STOP_PX, decoder.stopPx());
        putText(order, FixTags.ACCOUNT, decoder.account());
        order.setString(FixTags.SYMBOL, requiredText(decoder.symbol(), "symbol"));
        order.setString(FixTags.TRANSACT_TIME, timestamp(entry, nowNs));
        putTimestamp(entry, order, FixTags.EXPIRE_TIME, decoder.expireTimeNs());
        dialect.putOrderHandling(order);

        sendToVenue(entry, order, venueClOrdId, VenueCommandType.NEW_ORDER);
    }

    private void onVenueCancel(final VenueCancelDecoder decoder)
    {
        final long venueClOrdId = decoder.venueClOrdId();
        final SessionEntry entry = venueEntry(decoder.venueId(), venueClOrdId, VenueCommandType.CANCEL);
        if (null == entry)
        {
            return;
        }

        final Message cancel = entry.dialect().newMessage(FixTags.MSG_TYPE_ORDER_CANCEL_REQUEST);
        cancel.setString(FixTags.CL_ORD_ID, Long.toString(venueClOrdId));
        cancel.setString(FixTags.ORIG_CL_ORD_ID, Long.toString(decoder.origVenueClOrdId()));
        cancel.setChar(FixTags.SIDE, requiredChar(decoder.sideRaw(), "side"));
        putDecimal(cancel, FixTags.ORDER_QTY, decoder.orderQty());
        putText(cancel, FixTags.ORDER_ID, decoder.venueOrderId());
        cancel.setString(FixTags.SYMBOL, requiredText(decoder.symbol(), "symbol"));
        cancel.setString(FixTags.TRANSACT_TIME, timestamp(entry, nowNs));

        sendToVenue(entry, cancel, venueClOrdId, VenueCommandType.CANCEL);
    }

    private void onVenueReplace(final VenueReplaceDecoder decoder)
    {
        final long venueClOrdId = decoder.venueClOrdId();
        final SessionEntry entry = venueEntry(decoder.venueId(), venueClOrdId, VenueCommandType.REPLACE);
        if (null == entry)
        {
            return;
        }

        final FixDialect dialect = entry.dialect();
        final Message replace = dialect.newMessage(FixTags.MSG_TYPE_ORDER_CANCEL_REPLACE_REQUEST);
        replace.setString(FixTags.CL_ORD_ID, Long.toString(venueClOrdId));
        replace.setString(FixTags.ORIG_CL_ORD_ID, Long.toString(decoder.origVenueClOrdId()));
        replace.setChar(FixTags.SIDE, requiredChar(decoder.sideRaw(), "side"));
        replace.setChar(FixTags.ORD_TYPE, requiredChar(decoder.ordTypeRaw(), "ordType"));
        putChar(replace, FixTags.TIME_IN_FORCE, decoder.timeInForceRaw());
        replace.setString(FixTags.ORDER_QTY, requiredDecimal(decoder.orderQty(), "orderQty"));
        putDecimal(replace, FixTags.PRICE, decoder.price());
        putText(replace, FixTags.ORDER_ID, decoder.venueOrderId());
        replace.setString(FixTags.SYMBOL, requiredText(decoder.symbol(), "symbol"));
        replace.setString(FixTags.TRANSACT_TIME, timestamp(entry, nowNs));
        putDecimal(replace, FixTags.STOP_PX, decoder.stopPx());
        putTimestamp(entry, replace, FixTags.EXPIRE_TIME, decoder.expireTimeNs());
        putText(replace, FixTags.ACCOUNT, decoder.account());
        dialect.putOrderHandling(replace);

        sendToVenue(entry, replace, venueClOrdId, VenueCommandType.REPLACE);
    }

    private SessionEntry clientEntry(final int sessionId, final String what)
    {
        final SessionEntry entry = registry.entry(sessionId);
        if (null == entry || entry.role() != SessionRole.CLIENT)
        {
            counters.onOutboundUnknownSession();
            if (loggedKinds.add(what + " to unknown client session " + sessionId))
            {
                LOGGER.warn("{} for sessionId={}, which is not a configured client session: not sent " +
                    "(logged once per session, see outboundUnknownSession)", what, sessionId);
            }
            return null;
        }
        return entry;
    }

    private SessionEntry venueEntry(final int venueId, final long venueClOrdId, final VenueCommandType commandType)
    {
        final SessionEntry entry = registry.venueEntry(venueId);
        if (null == entry)
        {
            counters.onOutboundUnknownSession();
            if (loggedKinds.add(commandType + " to unknown venue " + venueId))
            {
                LOGGER.warn("{} for venueId={}, which has no configured session: not sent, answered NOT_SENT " +
                    "(logged once per venue, see outboundUnknownSession)", commandType, venueId);
            }
            notSent(venueId, venueClOrdId, commandType, "venueId " + venueId + " has no FIX session configured");
            return null;
        }
        return entry;
    }

    private void send(final SessionEntry entry, final Message message, final String what)
    {
        final Session session = entry.session();
        if (null == session)
        {
            counters.onOutboundUnknownSession();
            LOGGER.warn("{} for {} not sent: the gateway is not started", what, entry.fixSessionId());
            return;
        }

        if (!session.isLoggedOn())
        {
            counters.onOutboundNotLoggedOn();
            LOGGER.warn("{} for {} while it is not logged on: stored, delivered when the client asks for a resend",
                what, entry.fixSessionId());
        }

        session.send(message);
        counters.onOutboundSent();
    }

    private void sendToVenue(
        final SessionEntry entry, final Message command, final long venueClOrdId, final VenueCommandType commandType)
    {
        final Session session = entry.session();
        if (null == session)
        {
            counters.onOutboundUnknownSession();
            notSent(entry.venueId(), venueClOrdId, commandType,
                "venue " + entry.venueName() + ": the gateway's venue sessions are not started");
            return;
        }

        if (!session.isLoggedOn())
        {
            counters.onOutboundNotLoggedOn();
            notSent(entry.venueId(), venueClOrdId, commandType,
                "venue " + entry.venueName() + " not connected: session " + entry.fixSessionId() + " is not logged on");
            return;
        }

        if (!session.send(command))
        {
            // Logged off between the check and the send: QuickFIX/J stored it under a sequence number; it must never
            // go out in a later resend, since the OMS is told now that it was not sent.
            counters.onOutboundNotLoggedOn();
            final int msgSeqNum = msgSeqNum(command);
            if (msgSeqNum > 0)
            {
                entry.sentCommands().onNotSent(msgSeqNum);
            }
            notSent(entry.venueId(), venueClOrdId, commandType,
                "venue " + entry.venueName() + " not connected: session " + entry.fixSessionId() +
                " logged out while sending");
            return;
        }
        counters.onOutboundSent();
    }

    private void notSent(
        final int venueId, final long venueClOrdId, final VenueCommandType commandType, final String text)
    {
        counters.onVenueCommandNotSent();
        LOGGER.warn("{} venueClOrdId={} not sent: {}", commandType, venueClOrdId, text);
        if (!publisher.venueCommandRejected(venueId, venueClOrdId, commandType, CommandRejectSource.NOT_SENT, text))
        {
            LOGGER.error("OMS inbound stream did not accept VenueCommandRejected (NOT_SENT) of {} venueClOrdId={} " +
                "({})", commandType, venueClOrdId, publisher.lastOfferFailure());
        }
    }

    private static int msgSeqNum(final Message message)
    {
        try
        {
            return message.getHeader().isSetField(FixTags.MSG_SEQ_NUM) ?
                message.getHeader().getInt(FixTags.MSG_SEQ_NUM) : 0;
        }
        catch (final FieldNotFound ex)
        {
            return 0;
        }
    }

    private String timestamp(final SessionEntry entry, final long epochNs)
    {
        return FixTimestamps.format(FixTimestamps.NULL_NS == epochNs ? nowNs : epochNs, entry.timestampDigits());
    }

    private void putTimestamp(final SessionEntry entry, final Message message, final int tag, final long epochNs)
    {
        // 0 is the schema's "absent"; NULL_NS is what a decoder returns for a field older messages do not have.
        if (0 != epochNs && FixTimestamps.NULL_NS != epochNs)
        {
            message.setString(tag, FixTimestamps.format(epochNs, entry.timestampDigits()));
        }
    }

    private static void putId(final Message message, final int tag, final long id)
    {
        // Bastion's identifiers are positive; 0 is "none", and a decoder of an older message returns the null value.
        if (id > 0)
        {
            message.setString(tag, Long.toString(id));
        }
    }

    private static char requiredChar(final byte value, final String field)
    {
        if (NULL_CHAR == value)
        {
            throw new IllegalArgumentException(field + " is null");
        }
        return (char)value;
    }

    private static void putChar(final Message message, final int tag, final byte value)
    {
        if (NULL_CHAR != value)
        {
            message.setChar(tag, (char)value);
        }
    }

    private static void putDecimal(final Message message, final int tag, final long mantissa)
    {
        if (FixedPoint.NULL_VALUE != mantissa)
        {
            message.setString(tag, FixedPoint.toString(mantissa));
        }
    }

    private static String requiredDecimal(final long mantissa, final String field)
    {
        if (FixedPoint.NULL_VALUE == mantissa)
        {
            throw new IllegalArgumentException(field + " is null");
        }
        return FixedPoint.toString(mantissa);
    }

    private static String decimalOrZero(final long mantissa)
    {
        return FixedPoint.NULL_VALUE == mantissa ? ZERO : FixedPoint.toString(mantissa);
    }

    private static String requiredText(final String value, final String field)
    {
        if (value.isEmpty())
        {
            throw new IllegalArgumentException(field + " is empty");
        }
        return value;
    }

    private static void putText(final Message message, final int tag, final String value)
    {
        if (!value.isEmpty())
        {
            message.setString(tag, value);
        }
    }
}
