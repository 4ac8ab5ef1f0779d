package io.bastion.oms;

import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.bastion.protocol.Streams;
import io.bastion.sbe.ClientCancelDecoder;
import io.bastion.sbe.CommandRejectSource;
import io.bastion.sbe.ExecRestatementReason;
import io.bastion.sbe.ClientNewOrderDecoder;
import io.bastion.sbe.ClientReplaceDecoder;
import io.bastion.sbe.ClientStatusRequestDecoder;
import io.bastion.sbe.KillSwitchAction;
import io.bastion.sbe.KillSwitchDecoder;
import io.bastion.sbe.KillSwitchScope;
import io.bastion.sbe.TradingHaltAction;
import io.bastion.sbe.TradingHaltDecoder;
import io.bastion.sbe.MessageHeaderDecoder;
import io.bastion.sbe.ReferencePriceDecoder;
import io.bastion.sbe.RiskLimitsUpdateDecoder;
import io.bastion.sbe.SessionStatusDecoder;
import io.bastion.sbe.SettingAction;
import io.bastion.sbe.VenueCancelRejectDecoder;
import io.bastion.sbe.VenueCommandRejectedDecoder;
import io.bastion.sbe.VenueCommandType;
import io.bastion.sbe.VenueExecutionDecoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Polls the OMS inbound stream, decodes each SBE message and calls an {@link OmsInboundHandler} with primitives.
 * Messages of other schemas or unknown templates are counted and skipped.
 */
public final class OmsInboundAdapter implements FragmentHandler
{

    private final Subscription subscription;
    private final OmsInboundHandler handler;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final ClientNewOrderDecoder newOrder = new ClientNewOrderDecoder();
    private final ClientCancelDecoder cancel = new ClientCancelDecoder();
    private final ClientReplaceDecoder replace = new ClientReplaceDecoder();
    private final ClientStatusRequestDecoder statusRequest = new ClientStatusRequestDecoder();
    private final VenueExecutionDecoder venueExecution = new VenueExecutionDecoder();
    private final VenueCancelRejectDecoder venueCancelReject = new VenueCancelRejectDecoder();
    private final SessionStatusDecoder sessionStatus = new SessionStatusDecoder();
    private final VenueCommandRejectedDecoder commandRejected = new VenueCommandRejectedDecoder();
    private final ReferencePriceDecoder referencePrice = new ReferencePriceDecoder();
    private final RiskLimitsUpdateDecoder limitsUpdate = new RiskLimitsUpdateDecoder();
    private final KillSwitchDecoder killSwitch = new KillSwitchDecoder();
    private final TradingHaltDecoder tradingHalt = new TradingHaltDecoder();

    private final AsciiId clOrdId = new AsciiId(OmsConfiguration.CL_ORD_ID_LENGTH);
    private final AsciiId origClOrdId = new AsciiId(OmsConfiguration.CL_ORD_ID_LENGTH);
    private final AsciiId orderId = new AsciiId(OmsConfiguration.ORDER_ID_LENGTH);
    private final AsciiId execId = new AsciiId(OmsConfiguration.EXEC_ID_LENGTH);
    private final AsciiId execRefId = new AsciiId(OmsConfiguration.EXEC_ID_LENGTH);
    private final AsciiId account = new AsciiId(OmsConfiguration.ACCOUNT_LENGTH);
    private final AsciiId trader = new AsciiId(OmsConfiguration.ACCOUNT_LENGTH);
    private final AsciiId symbol = new AsciiId(OmsConfiguration.SYMBOL_LENGTH);
    private final AsciiId venue = new AsciiId(OmsConfiguration.VENUE_NAME_LENGTH);
    private final UnsafeBuffer text = new UnsafeBuffer(new byte[Streams.MAX_TEXT_LENGTH]);
    private long unknownMessages;

    /**
     * @param subscription the OMS inbound stream.
     * @param handler      what to call.
     */
    public OmsInboundAdapter(final Subscription subscription, final OmsInboundHandler handler)
    {
        this.subscription = subscription;
        this.handler = handler;
    }

    /**
     * @param fragmentLimit most fragments to read.
     * @return fragments read.
     */
    public int poll(final int fragmentLimit)
    {
        return subscription.poll(this, fragmentLimit);
    }

    /**
     * @return messages skipped because their schema or template is unknown.
     */
    public long unknownMessages()
    {
        return unknownMessages;
    }

    /**
     * {@inheritDoc}
     */
    public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header aeronHeader)
    {
        header.wrap(buffer, offset);
        if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
        {
            unknownMessages++;
            return;
        }

        final int blockLength = header.blockLength();
        final int version = header.version();
        final int bodyOffset = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        switch (header.templateId())
        {
            case ClientNewOrderDecoder.TEMPLATE_ID:
                onNewOrder(buffer, bodyOffset, blockLength, version);
                break;

            case ClientCancelDecoder.TEMPLATE_ID:
                onCancel(buffer, bodyOffset, blockLength, version);
                break;

            case ClientReplaceDecoder.TEMPLATE_ID:
                onReplace(buffer, bodyOffset, blockLength, version);
                break;

            case ClientStatusRequestDecoder.TEMPLATE_ID:
                onStatusRequest(buffer, bodyOffset, blockLength, version);
                break;

            case VenueExecutionDecoder.TEMPLATE_ID:
                onVenueExecution(buffer, bodyOffset, blockLength, version);
                break;

            case VenueCancelRejectDecoder.TEMPLATE_ID:
                onVenueCancelReject(buffer, bodyOffset, blockLength, version);
                break;

            case VenueCommandRejectedDecoder.TEMPLATE_ID:
            {
                final VenueCommandRejectedDecoder d = commandRejected.wrap(buffer, bodyOffset, blockLength, version);
                final int venueId = d.venueId();
                final long venueClOrdId = d.venueClOrdId();
                final VenueCommandType commandType = d.commandType();
                final CommandRejectSource source = d.source();
                final int textLength = d.getText(text, 0, Math.min(d.textLength(), Streams.MAX_TEXT_LENGTH));
                handler.onVenueCommandRejected(venueId, venueClOrdId, commandType, source, text, textLength);
                break;
            }

            case SessionStatusDecoder.TEMPLATE_ID:
                sessionStatus.wrap(buffer, bodyOffset, blockLength, version);
                handler.onSessionStatus(
                    sessionStatus.sessionId(),
                    sessionStatus.venueId(),
                    sessionStatus.role(),
                    sessionStatus.state(),
                    sessionStatus.timestampNs());
                break;

            case ReferencePriceDecoder.TEMPLATE_ID:
                referencePrice.wrap(buffer, bodyOffset, blockLength, version);
                symbol.wrapFixed(buffer, bodyOffset + ReferencePriceDecoder.symbolEncodingOffset(),
                    ReferencePriceDecoder.symbolLength());
                handler.onReferencePrice(symbol, referencePrice.price(), referencePrice.timestampNs());
                break;

            case KillSwitchDecoder.TEMPLATE_ID:
            {
                final KillSwitchDecoder d = killSwitch.wrap(buffer, bodyOffset, blockLength, version);
                final long requestId = d.requestId();
                final KillSwitchAction action = d.action();
                final KillSwitchScope scope = d.scope();
                final int sessionId = d.sessionId();
                final boolean allowRiskReducing = d.allowRiskReducing() != 0;
                final String name = d.name();
                final String reason = d.reason();
                handler.onKillSwitch(requestId, action, scope, sessionId, allowRiskReducing, name, reason,
                    d.requestedBy());
                break;
            }

            case RiskLimitsUpdateDecoder.TEMPLATE_ID:
                onRiskLimitsUpdate(buffer, bodyOffset, blockLength, version);
                break;

            case TradingHaltDecoder.TEMPLATE_ID:
            {
                final TradingHaltDecoder d = tradingHalt.wrap(buffer, bodyOffset, blockLength, version);
                final long requestId = d.requestId();
                final TradingHaltAction action = d.action();
                final String venue = d.venue();
                final String symbol = d.symbol();
                final String reason = d.reason();
                handler.onTradingHalt(requestId, action, venue, symbol, reason, d.requestedBy());
                break;
            }

            default:
                unknownMessages++;
        }
    }

    /**
     * An admin command, rare: decoded into collections. A setting with an action this version does not know is passed
     * as a change without value, which refuses the whole update.
     */
    private void onRiskLimitsUpdate(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final RiskLimitsUpdateDecoder d = limitsUpdate.wrap(buffer, offset, blockLength, version);
        final long requestId = d.requestId();
        final long expectedVersion = d.expectedVersion();
        final Map<String, String> changes = new LinkedHashMap<>();
        final Set<String> removals = new LinkedHashSet<>();
        for (final RiskLimitsUpdateDecoder.SettingsDecoder setting : d.settings())
        {
            final SettingAction action = setting.action();
            final String key = setting.key();
            final String value = setting.value();
            if (action == SettingAction.REMOVE)
            {
                removals.add(key);
            }
            else if (action == SettingAction.SET)
            {
                changes.put(key, value);
            }
            else
            {
                changes.put(key, null);
            }
        }
        handler.onRiskLimitsUpdate(requestId, expectedVersion, changes, removals, d.requestedBy());
    }

    private void onNewOrder(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final ClientNewOrderDecoder d = newOrder.wrap(buffer, offset, blockLength, version);
        final int base = offset;
        clOrdId.wrapFixed(buffer, base + ClientNewOrderDecoder.clOrdIdEncodingOffset(),
            ClientNewOrderDecoder.clOrdIdLength());
        account.wrapFixed(buffer, base + ClientNewOrderDecoder.accountEncodingOffset(),
            ClientNewOrderDecoder.accountLength());
        symbol.wrapFixed(buffer, base + ClientNewOrderDecoder.symbolEncodingOffset(),
            ClientNewOrderDecoder.symbolLength());
        venue.wrapFixed(buffer, base + ClientNewOrderDecoder.exDestinationEncodingOffset(),
            ClientNewOrderDecoder.exDestinationLength());
        if (version >= ClientNewOrderDecoder.traderSinceVersion())
        {
            trader.wrapFixed(buffer, base + ClientNewOrderDecoder.traderEncodingOffset(),
                ClientNewOrderDecoder.traderLength());
        }
        else
        {
            trader.clear();
        }
        handler.onNewOrder(
            d.sessionId(),
            d.sendingTimeNs(),
            d.side(),
            d.ordType(),
            d.timeInForce(),
            d.possResend() != 0,
            d.orderQty(),
            d.price(),
            d.stopPx(),
            timestampOrZero(d.expireTimeNs()),
            clOrdId,
            account,
            trader,
            symbol,
            venue);
    }

    private void onCancel(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final ClientCancelDecoder d = cancel.wrap(buffer, offset, blockLength, version);
        clOrdId.wrapFixed(buffer, offset + ClientCancelDecoder.clOrdIdEncodingOffset(),
            ClientCancelDecoder.clOrdIdLength());
        origClOrdId.wrapFixed(buffer, offset + ClientCancelDecoder.origClOrdIdEncodingOffset(),
            ClientCancelDecoder.origClOrdIdLength());
        orderId.wrapFixed(buffer, offset + ClientCancelDecoder.orderIdEncodingOffset(),
            ClientCancelDecoder.orderIdLength());
        symbol.wrapFixed(buffer, offset + ClientCancelDecoder.symbolEncodingOffset(),
            ClientCancelDecoder.symbolLength());
        handler.onCancel(d.sessionId(), d.side(), d.orderQty(), clOrdId, origClOrdId, orderId, symbol);
    }

    private void onReplace(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final ClientReplaceDecoder d = replace.wrap(buffer, offset, blockLength, version);
        clOrdId.wrapFixed(buffer, offset + ClientReplaceDecoder.clOrdIdEncodingOffset(),
            ClientReplaceDecoder.clOrdIdLength());
        origClOrdId.wrapFixed(buffer, offset + ClientReplaceDecoder.origClOrdIdEncodingOffset(),
            ClientReplaceDecoder.origClOrdIdLength());
        orderId.wrapFixed(buffer, offset + ClientReplaceDecoder.orderIdEncodingOffset(),
            ClientReplaceDecoder.orderIdLength());
        symbol.wrapFixed(buffer, offset + ClientReplaceDecoder.symbolEncodingOffset(),
            ClientReplaceDecoder.symbolLength());
        if (version >= ClientReplaceDecoder.accountSinceVersion())
        {
            account.wrapFixed(buffer, offset + ClientReplaceDecoder.accountEncodingOffset(),
                ClientReplaceDecoder.accountLength());
        }
        else
        {
            account.clear();
        }
        if (version >= ClientReplaceDecoder.traderSinceVersion())
        {
            trader.wrapFixed(buffer, offset + ClientReplaceDecoder.traderEncodingOffset(),
                ClientReplaceDecoder.traderLength());
        }
        else
        {
            trader.clear();
        }
        handler.onReplace(
            d.sessionId(), d.side(), d.ordType(), d.timeInForce(), d.possResend() == 1, d.orderQty(), d.price(),
            d.stopPx(), timestampOrZero(d.expireTimeNs()), clOrdId, origClOrdId, orderId, account, trader, symbol);
    }

    private void onStatusRequest(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final ClientStatusRequestDecoder d = statusRequest.wrap(buffer, offset, blockLength, version);
        clOrdId.wrapFixed(buffer, offset + ClientStatusRequestDecoder.clOrdIdEncodingOffset(),
            ClientStatusRequestDecoder.clOrdIdLength());
        orderId.wrapFixed(buffer, offset + ClientStatusRequestDecoder.orderIdEncodingOffset(),
            ClientStatusRequestDecoder.orderIdLength());
        symbol.wrapFixed(buffer, offset + ClientStatusRequestDecoder.symbolEncodingOffset(),
            ClientStatusRequestDecoder.symbolLength());
        handler.onStatusRequest(d.sessionId(), d.side(), clOrdId, orderId, symbol);
    }

    private void onVenueExecution(final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final VenueExecutionDecoder d = venueExecution.wrap(buffer, offset, blockLength, version);
        orderId.wrapFixed(buffer, offset + VenueExecutionDecoder.venueOrderIdEncodingOffset(),
            VenueExecutionDecoder.venueOrderIdLength());
        execId.wrapFixed(buffer, offset + VenueExecutionDecoder.venueExecIdEncodingOffset(),
            VenueExecutionDecoder.venueExecIdLength());
        if (version >= VenueExecutionDecoder.venueExecRefIdSinceVersion())
        {
            execRefId.wrapFixed(buffer, offset + VenueExecutionDecoder.venueExecRefIdEncodingOffset(),
                VenueExecutionDecoder.venueExecRefIdLength());
        }
        else
        {
            execRefId.clear();
        }
        final int venueId = d.venueId();
        final long venueClOrdId = d.venueClOrdId();
        final long origVenueClOrdId = d.origVenueClOrdId();
        final long transactTimeNs = d.transactTimeNs();
        final ExecRestatementReason restatementReason = d.execRestatementReason();
        final boolean possDup = d.possDup() == 1;
        final long orderQty = d.orderQty();
        final long price = d.price();
        final io.bastion.sbe.ExecType execType = d.execType();
        final io.bastion.sbe.OrdStatus ordStatus = d.ordStatus();
        final io.bastion.sbe.OrdRejReason ordRejReason = d.ordRejReason();
        final long lastQty = d.lastQty();
        final long lastPx = d.lastPx();
        final long cumQty = d.cumQty();
        final long leavesQty = d.leavesQty();
        final long avgPx = d.avgPx();
        final int textLength = d.getText(text, 0, Math.min(d.textLength(), Streams.MAX_TEXT_LENGTH));
        handler.onVenueExecution(
            venueId, venueClOrdId, origVenueClOrdId, transactTimeNs, execType, ordStatus, ordRejReason,
            restatementReason, possDup, orderQty, price, lastQty, lastPx, cumQty, leavesQty, avgPx, orderId, execId,
            execRefId, text, textLength);
    }

    private void onVenueCancelReject(
        final DirectBuffer buffer, final int offset, final int blockLength, final int version)
    {
        final VenueCancelRejectDecoder d = venueCancelReject.wrap(buffer, offset, blockLength, version);
        final int venueId = d.venueId();
        final long venueClOrdId = d.venueClOrdId();
        final long origVenueClOrdId = d.origVenueClOrdId();
        final io.bastion.sbe.OrdStatus ordStatus = d.ordStatus();
        final io.bastion.sbe.CxlRejResponseTo responseTo = d.responseTo();
        final io.bastion.sbe.CxlRejReason reason = d.cxlRejReason();
        final int textLength = d.getText(text, 0, Math.min(d.textLength(), Streams.MAX_TEXT_LENGTH));
        handler.onVenueCancelReject(
            venueId, venueClOrdId, origVenueClOrdId, ordStatus, responseTo, reason, text, textLength);
    }

    private static long timestampOrZero(final long timestampNs)
    {
        return timestampNs == Long.MIN_VALUE ? 0 : timestampNs;
    }
}
