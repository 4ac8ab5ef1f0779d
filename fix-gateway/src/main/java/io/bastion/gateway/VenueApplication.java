package io.bastion.gateway;

import io.bastion.sbe.CommandRejectSource;
import io.bastion.sbe.SessionRole;
import io.bastion.sbe.SessionState;
import io.bastion.sbe.VenueCancelRejectEncoder;
import io.bastion.sbe.VenueCommandType;
import io.bastion.sbe.VenueExecutionEncoder;
import org.agrona.concurrent.EpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import quickfix.Application;
import quickfix.DoNotSend;
import quickfix.FieldMap;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.UnsupportedMessageType;

/**
 * The initiators' QuickFIX/J application: logs on to venues and translates their reports into SBE on the OMS
 * inbound stream.
 * <p>
 * A venue's report must never be lost: when the OMS inbound stream does not accept one in time, this throws, so
 * QuickFIX/J does not advance the incoming sequence number and asks the venue to resend it. That needs the session
 * setting RejectMessageOnUnhandledException=N, QuickFIX/J's default, which {@link FixGatewayContext} enforces.
 * <p>
 * A venue's session Reject (35=3) or BusinessMessageReject (35=j) of a command Bastion sent becomes a
 * VenueCommandRejected. The command is found by BusinessRejectRefID (379) when it is Bastion's numeric ClOrdID, else
 * by RefSeqNum (45) in the session's {@link SentVenueCommands}, which {@link #toApp(Message, SessionID)} fills as
 * QuickFIX/J sends each command.
 */
final class VenueApplication implements Application
{
    private static final Logger LOGGER = LoggerFactory.getLogger(VenueApplication.class);

    private final SessionRegistry registry;
    private final InboundPublisher publisher;
    private final EpochNanoClock clock;
    private final FixGatewayCounters counters;

    VenueApplication(
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
        if (FixTags.MSG_TYPE_LOGON.equals(FixFields.optional(message.getHeader(), FixTags.MSG_TYPE)))
        {
            final SessionEntry entry = registry.entry(sessionID);
            if (null != entry && null != entry.venueLogonPassword())
            {
                message.setString(FixTags.PASSWORD, entry.venueLogonPassword());
            }
        }
    }

    public void fromAdmin(final Message message, final SessionID sessionID)
    {
        if (FixTags.MSG_TYPE_REJECT.equals(FixFields.optional(message.getHeader(), FixTags.MSG_TYPE)))
        {
            onSessionReject(message, sessionID);
        }
    }

    public void toApp(final Message message, final SessionID sessionID) throws DoNotSend
    {
        final SessionEntry entry = registry.entry(sessionID);
        final byte commandType = commandType(FixFields.optional(message.getHeader(), FixTags.MSG_TYPE));
        if (null == entry || SentVenueCommands.NO_COMMAND == commandType)
        {
            return;
        }

        final SentVenueCommands sentCommands = entry.sentCommands();
        final int msgSeqNum = intField(message.getHeader(), FixTags.MSG_SEQ_NUM);
        if ("Y".equals(FixFields.optional(message.getHeader(), FixTags.POSS_DUP_FLAG)) &&
            sentCommands.isNotSent(msgSeqNum))
        {
            LOGGER.warn("venue {} asked for MsgSeqNum={} again, which the OMS was told was not sent: gap-filled",
                entry.venueName(), msgSeqNum);
            throw new DoNotSend();
        }
        sentCommands.onSent(msgSeqNum, FixFields.id(message, FixTags.CL_ORD_ID), commandType);
    }

    public synchronized void fromApp(final Message message, final SessionID sessionID)
        throws FieldNotFound, UnsupportedMessageType
    {
        final SessionEntry entry = registry.entry(sessionID);
        if (null == entry)
        {
            throw new IllegalStateException("no configured venue session " + sessionID);
        }

        final String msgType = message.getHeader().getString(FixTags.MSG_TYPE);
        final boolean accepted;
        switch (msgType)
        {
            case FixTags.MSG_TYPE_EXECUTION_REPORT:
                accepted = onExecutionReport(entry, message);
                break;
            case FixTags.MSG_TYPE_ORDER_CANCEL_REJECT:
                accepted = onOrderCancelReject(entry, message);
                break;
            case FixTags.MSG_TYPE_BUSINESS_MESSAGE_REJECT:
                accepted = onBusinessMessageReject(entry, message);
                break;
            default:
                throw new UnsupportedMessageType();
        }

        if (!accepted)
        {
            final String failure = "OMS inbound stream did not accept MsgType=" + msgType + " MsgSeqNum=" +
                FixFields.optional(message.getHeader(), FixTags.MSG_SEQ_NUM) + " from venue " + entry.venueName() +
                " (" + publisher.lastOfferFailure() + "): not acknowledged, the venue will be asked to resend it";
            LOGGER.error(failure);
            throw new IllegalStateException(failure);
        }
    }

    private boolean onExecutionReport(final SessionEntry entry, final Message message)
    {
        checkIdentifierLengths(entry, message);
        final VenueExecutionEncoder encoder = publisher.venueExecution();
        encoder
            .venueId(entry.venueId())
            .venueClOrdId(FixFields.id(message, FixTags.CL_ORD_ID))
            .origVenueClOrdId(FixFields.id(message, FixTags.ORIG_CL_ORD_ID))
            .transactTimeNs(FixFields.timestampNs(message, FixTags.TRANSACT_TIME))
            .execType(entry.dialect().venueExecType(
                FixFields.optional(message, FixTags.EXEC_TYPE), FixFields.optional(message, FixTags.EXEC_TRANS_TYPE)))
            .ordStatus(SbeEnums.ordStatus(FixFields.optional(message, FixTags.ORD_STATUS)))
            .ordRejReason(SbeEnums.ordRejReason(FixFields.optional(message, FixTags.ORD_REJ_REASON)))
            .lastQty(FixFields.venueDecimal(message, FixTags.LAST_QTY))
            .lastPx(FixFields.venueDecimal(message, FixTags.LAST_PX))
            .cumQty(FixFields.venueDecimal(message, FixTags.CUM_QTY))
            .leavesQty(FixFields.venueDecimal(message, FixTags.LEAVES_QTY))
            .avgPx(FixFields.venueDecimal(message, FixTags.AVG_PX))
            .venueOrderId(FixFields.venueText(message, FixTags.ORDER_ID, VenueExecutionEncoder.venueOrderIdLength()))
            .venueExecId(FixFields.venueText(message, FixTags.EXEC_ID, VenueExecutionEncoder.venueExecIdLength()))
            .orderQty(FixFields.venueDecimal(message, FixTags.ORDER_QTY))
            .price(FixFields.venueDecimal(message, FixTags.PRICE))
            .execRestatementReason(
                SbeEnums.execRestatementReason(FixFields.optional(message, FixTags.EXEC_RESTATEMENT_REASON)))
            .venueExecRefId(FixFields.venueText(message, FixTags.EXEC_REF_ID,
                VenueExecutionEncoder.venueExecRefIdLength()))
            .possDup((short)("Y".equals(FixFields.optional(message.getHeader(), FixTags.POSS_DUP_FLAG)) ? 1 : 0))
            .text(FixFields.freeText(message, FixTags.TEXT));

        return publisher.offer(encoder.encodedLength());
    }

    private boolean onOrderCancelReject(final SessionEntry entry, final Message message)
    {
        final VenueCancelRejectEncoder encoder = publisher.venueCancelReject();
        encoder
            .venueId(entry.venueId())
            .venueClOrdId(FixFields.id(message, FixTags.CL_ORD_ID))
            .origVenueClOrdId(FixFields.id(message, FixTags.ORIG_CL_ORD_ID))
            .ordStatus(SbeEnums.ordStatus(FixFields.optional(message, FixTags.ORD_STATUS)))
            .responseTo(SbeEnums.cxlRejResponseTo(FixFields.optional(message, FixTags.CXL_REJ_RESPONSE_TO)))
            .cxlRejReason(SbeEnums.cxlRejReason(FixFields.optional(message, FixTags.CXL_REJ_REASON)))
            .text(FixFields.freeText(message, FixTags.TEXT));

        return publisher.offer(encoder.encodedLength());
    }

    private boolean onBusinessMessageReject(final SessionEntry entry, final Message message)
    {
        final String refMsgType = FixFields.optional(message, FixTags.REF_MSG_TYPE);
        final byte commandType = commandType(refMsgType);
        final String refSeqNumText = FixFields.optional(message, FixTags.REF_SEQ_NUM);
        final String refId = FixFields.optional(message, FixTags.BUSINESS_REJECT_REF_ID);
        final String reason = FixFields.optional(message, FixTags.BUSINESS_REJECT_REASON);
        final String text = FixFields.optional(message, FixTags.TEXT);
        if (SentVenueCommands.NO_COMMAND == commandType)
        {
            counters.onVenueMessageIgnored();
            LOGGER.warn("venue {} BusinessMessageReject RefMsgType={} BusinessRejectRefID={} reason={}: {}",
                entry.venueName(), refMsgType, refId, reason, text);
            return true;
        }

        long venueClOrdId = FixFields.id(message, FixTags.BUSINESS_REJECT_REF_ID);
        if (venueClOrdId <= 0)
        {
            final int refSeqNum = parseInt(refSeqNumText);
            final SentVenueCommands sentCommands = entry.sentCommands();
            venueClOrdId = sentCommands.commandType(refSeqNum) == commandType ?
                sentCommands.venueClOrdId(refSeqNum) : FixFields.NULL_ID;
        }
        if (venueClOrdId <= 0)
        {
            counters.onVenueRejectUncorrelated();
            LOGGER.warn("venue {} BusinessMessageReject of MsgType={} matches no command sent " +
                "(BusinessRejectRefID={}, RefSeqNum={}), not forwarded: reason={}: {}",
                entry.venueName(), refMsgType, refId, refSeqNumText, reason, text);
            return true;
        }

        return publishCommandRejected(entry, venueClOrdId, commandType, CommandRejectSource.BUSINESS_REJECT,
            "BusinessMessageReject reason " + reason + (null == text ? "" : ": " + text));
    }

    private synchronized void onSessionReject(final Message message, final SessionID sessionID)
    {
        final SessionEntry entry = registry.entry(sessionID);
        if (null == entry)
        {
            return;
        }

        final String refMsgType = FixFields.optional(message, FixTags.REF_MSG_TYPE);
        final String refSeqNumText = FixFields.optional(message, FixTags.REF_SEQ_NUM);
        final String refTagId = FixFields.optional(message, FixTags.REF_TAG_ID);
        final String reason = FixFields.optional(message, FixTags.SESSION_REJECT_REASON);
        final String text = FixFields.optional(message, FixTags.TEXT);
        final int refSeqNum = parseInt(refSeqNumText);
        final SentVenueCommands sentCommands = entry.sentCommands();
        final byte commandType = sentCommands.commandType(refSeqNum);
        final boolean refersToCommand = null == refMsgType || SentVenueCommands.NO_COMMAND != commandType(refMsgType);
        if (!refersToCommand)
        {
            counters.onVenueMessageIgnored();
            LOGGER.warn("venue {} rejected MsgType={} RefSeqNum={} reason={} RefTagID={}: {}",
                entry.venueName(), refMsgType, refSeqNumText, reason, refTagId, text);
            return;
        }

        final long venueClOrdId = sentCommands.venueClOrdId(refSeqNum);
        final boolean typeMatches = null == refMsgType || commandType(refMsgType) == commandType;
        if (SentVenueCommands.NO_COMMAND == commandType || !typeMatches || venueClOrdId <= 0)
        {
            counters.onVenueRejectUncorrelated();
            LOGGER.warn("venue {} session Reject RefSeqNum={} RefMsgType={} matches no command sent, not forwarded: " +
                "reason={} RefTagID={}: {}", entry.venueName(), refSeqNumText, refMsgType, reason, refTagId, text);
            return;
        }

        final StringBuilder why = new StringBuilder("session Reject");
        if (null != reason)
        {
            why.append(" reason ").append(reason);
        }
        if (null != refTagId)
        {
            why.append(" RefTagID ").append(refTagId);
        }
        if (null != text)
        {
            why.append(": ").append(text);
        }
        if (!publishCommandRejected(entry, venueClOrdId, commandType, CommandRejectSource.SESSION_REJECT,
            why.toString()))
        {
            final String failure = "OMS inbound stream did not accept the VenueCommandRejected of venue " +
                entry.venueName() + "'s Reject RefSeqNum=" + refSeqNumText + " (" + publisher.lastOfferFailure() +
                "): not acknowledged, the venue will be asked to resend it";
            LOGGER.error(failure);
            throw new IllegalStateException(failure);
        }
    }

    private boolean publishCommandRejected(
        final SessionEntry entry,
        final long venueClOrdId,
        final byte commandType,
        final CommandRejectSource source,
        final String text)
    {
        final VenueCommandType type = VenueCommandType.get(commandType);
        LOGGER.warn("venue {} refused {} venueClOrdId={}: {}", entry.venueName(), type, venueClOrdId, text);
        counters.onVenueCommandRejected();
        return publisher.venueCommandRejected(entry.venueId(), venueClOrdId, type, source, text);
    }

    private static byte commandType(final String msgType)
    {
        if (null == msgType || msgType.length() != 1)
        {
            return SentVenueCommands.NO_COMMAND;
        }
        switch (msgType.charAt(0))
        {
            case 'D':
                return VenueCommandType.NEW_ORDER.value();
            case 'F':
                return VenueCommandType.CANCEL.value();
            case 'G':
                return VenueCommandType.REPLACE.value();
            default:
                return SentVenueCommands.NO_COMMAND;
        }
    }

    private static int intField(final FieldMap fields, final int tag)
    {
        return parseInt(FixFields.optional(fields, tag));
    }

    private static int parseInt(final String text)
    {
        if (null == text || text.isEmpty() || text.length() > 9)
        {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static void checkIdentifierLengths(final SessionEntry entry, final Message message)
    {
        // A venue's report cannot be refused without losing it, so an over-long identifier is cut and shouted about.
        if (FixFields.isLongerThan(message, FixTags.ORDER_ID, VenueExecutionEncoder.venueOrderIdLength()) ||
            FixFields.isLongerThan(message, FixTags.EXEC_ID, VenueExecutionEncoder.venueExecIdLength()))
        {
            LOGGER.error("venue {} sent OrderID {} / ExecID {} longer than {} characters: forwarded cut to length",
                entry.venueName(), FixFields.optional(message, FixTags.ORDER_ID),
                FixFields.optional(message, FixTags.EXEC_ID), VenueExecutionEncoder.venueOrderIdLength());
        }
    }

    private void publishSessionStatus(final SessionID sessionID, final SessionState state)
    {
        final SessionEntry entry = registry.entry(sessionID);
        if (null == entry)
        {
            LOGGER.error("{} of unconfigured venue session {}", state, sessionID);
            return;
        }

        LOGGER.info("venue {} session {} (sessionId={}) {}", entry.venueName(), sessionID, entry.sessionId(), state);
        if (!publisher.sessionStatus(entry.sessionId(), entry.venueId(), SessionRole.VENUE, state, clock.nanoTime()))
        {
            LOGGER.error("OMS inbound stream did not accept SessionStatus {} of venue {} ({})",
                state, entry.venueName(), publisher.lastOfferFailure());
        }
    }
}
