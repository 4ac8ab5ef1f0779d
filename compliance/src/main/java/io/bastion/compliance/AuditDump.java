package io.bastion.compliance;

import io.bastion.protocol.FixedPoint;
import io.bastion.sbe.ClientCancelDecoder;
import io.bastion.sbe.ClientCancelRejectDecoder;
import io.bastion.sbe.ClientExecutionReportDecoder;
import io.bastion.sbe.ClientNewOrderDecoder;
import io.bastion.sbe.ClientReplaceDecoder;
import io.bastion.sbe.ClientStatusRequestDecoder;
import io.bastion.sbe.MessageHeaderDecoder;
import io.bastion.sbe.OrdRejReason;
import io.bastion.sbe.SessionStatusDecoder;
import io.bastion.sbe.VenueCancelDecoder;
import io.bastion.sbe.VenueCancelRejectDecoder;
import io.bastion.sbe.VenueExecutionDecoder;
import io.bastion.sbe.VenueNewOrderDecoder;
import io.bastion.sbe.VenueReplaceDecoder;
import org.agrona.DirectBuffer;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Prints an audit journal, one line per record:
 * <pre>
 *   sequence timestamp(UTC, microseconds) streamId TemplateName key=value ...
 *   1 2023-11-14T22:13:20.123456Z 1001 ClientNewOrder session=1 clOrdId=O1 side=BUY ordType=LIMIT tif=DAY ...
 * </pre>
 * Prices and quantities are decimals; empty fields and absent prices are left out; free text is quoted. Usage:
 * {@code AuditDump DIR}. Exit code 0 when the journal is whole, 1 (with the defect on standard error) when it is
 * not or cannot be read, 2 on a usage error.
 */
public final class AuditDump
{
    private static final DateTimeFormatter TIMESTAMP =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final ClientNewOrderDecoder clientNewOrder = new ClientNewOrderDecoder();
    private final ClientCancelDecoder clientCancel = new ClientCancelDecoder();
    private final ClientReplaceDecoder clientReplace = new ClientReplaceDecoder();
    private final ClientStatusRequestDecoder clientStatusRequest = new ClientStatusRequestDecoder();
    private final ClientExecutionReportDecoder clientExecutionReport = new ClientExecutionReportDecoder();
    private final ClientCancelRejectDecoder clientCancelReject = new ClientCancelRejectDecoder();
    private final VenueNewOrderDecoder venueNewOrder = new VenueNewOrderDecoder();
    private final VenueCancelDecoder venueCancel = new VenueCancelDecoder();
    private final VenueReplaceDecoder venueReplace = new VenueReplaceDecoder();
    private final VenueExecutionDecoder venueExecution = new VenueExecutionDecoder();
    private final VenueCancelRejectDecoder venueCancelReject = new VenueCancelRejectDecoder();
    private final SessionStatusDecoder sessionStatus = new SessionStatusDecoder();
    private final StringBuilder line = new StringBuilder(512);
    private DirectBuffer messageBuffer;
    private int messageEnd;

    private AuditDump()
    {
    }

    /**
     * @param args the journal directory.
     */
    public static void main(final String[] args)
    {
        final PrintStream out = new PrintStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024), false,
            StandardCharsets.US_ASCII);
        final int exitCode = run(args, out, System.err);
        out.flush();
        System.exit(exitCode);
    }

    /**
     * Dump a journal.
     *
     * @param args the journal directory.
     * @param out  where records go, one line each.
     * @param err  where the verdict goes.
     * @return the exit code: 0 whole, 1 damaged or unreadable, 2 usage error.
     */
    public static int run(final String[] args, final PrintStream out, final PrintStream err)
    {
        if (args.length != 1)
        {
            err.println("usage: AuditDump DIR");
            return 2;
        }

        final Path directory = Path.of(args[0]);
        final AuditDump dump = new AuditDump();
        final AuditJournalReader.Result result;
        try
        {
            result = new AuditJournalReader(directory).read(
                (sequence, timestampNs, streamId, buffer, offset, length) ->
                out.println(dump.format(sequence, timestampNs, streamId, buffer, offset, length)));
        }
        catch (final IOException | RuntimeException ex)
        {
            out.flush();
            err.println("cannot read audit journal " + directory + ": " + ex);
            return 1;
        }

        out.flush();
        if (!result.isWhole())
        {
            err.println("audit journal " + directory + " is damaged after record " + result.lastSequence() + ": " +
                result.defect());
            return 1;
        }
        err.println("audit journal " + directory + " is whole: " + result.records() + " records in " +
            result.segments() + " segments");
        return 0;
    }

    /**
     * One record as a line.
     *
     * @param sequence    the record's sequence.
     * @param timestampNs the record's timestamp.
     * @param streamId    the record's stream.
     * @param buffer      holding the message.
     * @param offset      of the message.
     * @param length      of the message.
     * @return the line, without a line separator.
     */
    String format(
        final long sequence, final long timestampNs, final int streamId, final DirectBuffer buffer, final int offset,
        final int length)
    {
        line.setLength(0);
        line.append(sequence).append(' ');
        TIMESTAMP.formatTo(Instant.ofEpochSecond(
            Math.floorDiv(timestampNs, 1_000_000_000L), Math.floorMod(timestampNs, 1_000_000_000L)), line);
        line.append(' ').append(streamId).append(' ');
        final int lineStart = line.length();
        messageBuffer = buffer;
        messageEnd = offset + length;
        try
        {
            formatMessage(buffer, offset, length);
        }
        catch (final RuntimeException ex)
        {
            line.setLength(lineStart);
            line.append("undecodable message of ").append(length).append(" bytes: ").append(ex.getMessage());
        }
        return line.toString();
    }

    private void formatMessage(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            line.append("message of ").append(length).append(" bytes, too short for an SBE header");
            return;
        }

        header.wrap(buffer, offset);
        final int templateId = header.templateId();
        final int blockLength = header.blockLength();
        final int version = header.version();
        final String name = templateName(templateId);
        if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID || null == name)
        {
            line.append("unknown message: schema ").append(header.schemaId()).append(" template ").append(templateId)
                .append(" version ").append(version).append(", ").append(length).append(" bytes");
            return;
        }

        line.append(name);
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        if (body + blockLength > messageEnd)
        {
            line.append(" truncated: ").append(length).append(" bytes, its block needs ")
                .append(MessageHeaderDecoder.ENCODED_LENGTH + blockLength);
            return;
        }

        switch (templateId)
        {
            case ClientNewOrderDecoder.TEMPLATE_ID:
                clientNewOrder(clientNewOrder.wrap(buffer, body, blockLength, version));
                break;

            case ClientCancelDecoder.TEMPLATE_ID:
                clientCancel(clientCancel.wrap(buffer, body, blockLength, version));
                break;

            case ClientReplaceDecoder.TEMPLATE_ID:
                clientReplace(clientReplace.wrap(buffer, body, blockLength, version));
                break;

            case ClientStatusRequestDecoder.TEMPLATE_ID:
                clientStatusRequest(clientStatusRequest.wrap(buffer, body, blockLength, version));
                break;

            case ClientExecutionReportDecoder.TEMPLATE_ID:
                clientExecutionReport(clientExecutionReport.wrap(buffer, body, blockLength, version));
                break;

            case ClientCancelRejectDecoder.TEMPLATE_ID:
                clientCancelReject(clientCancelReject.wrap(buffer, body, blockLength, version));
                break;

            case VenueNewOrderDecoder.TEMPLATE_ID:
                venueNewOrder(venueNewOrder.wrap(buffer, body, blockLength, version));
                break;

            case VenueCancelDecoder.TEMPLATE_ID:
                venueCancel(venueCancel.wrap(buffer, body, blockLength, version));
                break;

            case VenueReplaceDecoder.TEMPLATE_ID:
                venueReplace(venueReplace.wrap(buffer, body, blockLength, version));
                break;

            case VenueExecutionDecoder.TEMPLATE_ID:
                venueExecution(venueExecution.wrap(buffer, body, blockLength, version));
                break;

            case VenueCancelRejectDecoder.TEMPLATE_ID:
                venueCancelReject(venueCancelReject.wrap(buffer, body, blockLength, version));
                break;

            case SessionStatusDecoder.TEMPLATE_ID:
                sessionStatus(sessionStatus.wrap(buffer, body, blockLength, version));
                break;

            default:
                break;
        }
    }

    private static String templateName(final int templateId)
    {
        switch (templateId)
        {
            case ClientNewOrderDecoder.TEMPLATE_ID:
                return "ClientNewOrder";
            case ClientCancelDecoder.TEMPLATE_ID:
                return "ClientCancel";
            case ClientReplaceDecoder.TEMPLATE_ID:
                return "ClientReplace";
            case ClientStatusRequestDecoder.TEMPLATE_ID:
                return "ClientStatusRequest";
            case ClientExecutionReportDecoder.TEMPLATE_ID:
                return "ClientExecutionReport";
            case ClientCancelRejectDecoder.TEMPLATE_ID:
                return "ClientCancelReject";
            case VenueNewOrderDecoder.TEMPLATE_ID:
                return "VenueNewOrder";
            case VenueCancelDecoder.TEMPLATE_ID:
                return "VenueCancel";
            case VenueReplaceDecoder.TEMPLATE_ID:
                return "VenueReplace";
            case VenueExecutionDecoder.TEMPLATE_ID:
                return "VenueExecution";
            case VenueCancelRejectDecoder.TEMPLATE_ID:
                return "VenueCancelReject";
            case SessionStatusDecoder.TEMPLATE_ID:
                return "SessionStatus";
            default:
                return null;
        }
    }

    private void clientNewOrder(final ClientNewOrderDecoder d)
    {
        field("session", d.sessionId());
        field("clOrdId", d.clOrdId());
        field("side", d.side());
        field("ordType", d.ordType());
        field("tif", d.timeInForce());
        decimal("qty", d.orderQty());
        decimal("price", d.price());
        decimal("stopPx", d.stopPx());
        field("symbol", d.symbol());
        field("account", d.account());
        field("exDestination", d.exDestination());
        if (d.possResend() != 0)
        {
            field("possResend", "Y");
        }
    }

    private void clientCancel(final ClientCancelDecoder d)
    {
        field("session", d.sessionId());
        field("clOrdId", d.clOrdId());
        field("origClOrdId", d.origClOrdId());
        field("orderId", d.orderId());
        field("side", d.side());
        decimal("qty", d.orderQty());
        field("symbol", d.symbol());
    }

    private void clientReplace(final ClientReplaceDecoder d)
    {
        field("session", d.sessionId());
        field("clOrdId", d.clOrdId());
        field("origClOrdId", d.origClOrdId());
        field("orderId", d.orderId());
        field("side", d.side());
        field("ordType", d.ordType());
        field("tif", d.timeInForce());
        decimal("qty", d.orderQty());
        decimal("price", d.price());
        field("symbol", d.symbol());
    }

    private void clientStatusRequest(final ClientStatusRequestDecoder d)
    {
        field("session", d.sessionId());
        field("clOrdId", d.clOrdId());
        field("orderId", d.orderId());
        field("side", d.side());
        field("symbol", d.symbol());
    }

    private void clientExecutionReport(final ClientExecutionReportDecoder d)
    {
        field("session", d.sessionId());
        field("orderId", d.orderId());
        field("execId", d.execId());
        field("clOrdId", d.clOrdId());
        field("origClOrdId", d.origClOrdId());
        field("execType", d.execType());
        field("ordStatus", d.ordStatus());
        rejectReason(d.ordRejReason());
        field("side", d.side());
        field("ordType", d.ordType());
        field("tif", d.timeInForce());
        decimal("qty", d.orderQty());
        decimal("price", d.price());
        decimal("lastQty", d.lastQty());
        decimal("lastPx", d.lastPx());
        decimal("cumQty", d.cumQty());
        decimal("leavesQty", d.leavesQty());
        decimal("avgPx", d.avgPx());
        field("symbol", d.symbol());
        field("account", d.account());
        field("lastMkt", d.lastMkt());
        text(d.limit());
    }

    private void clientCancelReject(final ClientCancelRejectDecoder d)
    {
        field("session", d.sessionId());
        field("orderId", d.orderId());
        field("clOrdId", d.clOrdId());
        field("origClOrdId", d.origClOrdId());
        field("ordStatus", d.ordStatus());
        field("responseTo", d.responseTo());
        field("reason", d.cxlRejReason());
        text(d.limit());
    }

    private void venueNewOrder(final VenueNewOrderDecoder d)
    {
        field("venue", d.venueId());
        field("venueClOrdId", d.venueClOrdId());
        field("side", d.side());
        field("ordType", d.ordType());
        field("tif", d.timeInForce());
        decimal("qty", d.orderQty());
        decimal("price", d.price());
        decimal("stopPx", d.stopPx());
        field("symbol", d.symbol());
        field("account", d.account());
    }

    private void venueCancel(final VenueCancelDecoder d)
    {
        field("venue", d.venueId());
        field("venueClOrdId", d.venueClOrdId());
        field("origVenueClOrdId", d.origVenueClOrdId());
        field("venueOrderId", d.venueOrderId());
        field("side", d.side());
        decimal("qty", d.orderQty());
        field("symbol", d.symbol());
    }

    private void venueReplace(final VenueReplaceDecoder d)
    {
        field("venue", d.venueId());
        field("venueClOrdId", d.venueClOrdId());
        field("origVenueClOrdId", d.origVenueClOrdId());
        field("venueOrderId", d.venueOrderId());
        field("side", d.side());
        field("ordType", d.ordType());
        field("tif", d.timeInForce());
        decimal("qty", d.orderQty());
        decimal("price", d.price());
        field("symbol", d.symbol());
    }

    private void venueExecution(final VenueExecutionDecoder d)
    {
        field("venue", d.venueId());
        field("venueClOrdId", d.venueClOrdId());
        field("origVenueClOrdId", d.origVenueClOrdId());
        field("venueOrderId", d.venueOrderId());
        field("venueExecId", d.venueExecId());
        field("execType", d.execType());
        field("ordStatus", d.ordStatus());
        rejectReason(d.ordRejReason());
        decimal("lastQty", d.lastQty());
        decimal("lastPx", d.lastPx());
        decimal("cumQty", d.cumQty());
        decimal("leavesQty", d.leavesQty());
        decimal("avgPx", d.avgPx());
        text(d.limit());
    }

    private void venueCancelReject(final VenueCancelRejectDecoder d)
    {
        field("venue", d.venueId());
        field("venueClOrdId", d.venueClOrdId());
        field("origVenueClOrdId", d.origVenueClOrdId());
        field("ordStatus", d.ordStatus());
        field("responseTo", d.responseTo());
        field("reason", d.cxlRejReason());
        text(d.limit());
    }

    private void sessionStatus(final SessionStatusDecoder d)
    {
        field("session", d.sessionId());
        if (d.venueId() >= 0)
        {
            field("venue", d.venueId());
        }
        field("role", d.role());
        field("state", d.state());
    }

    private void text(final int limit)
    {
        if (limit + Integer.BYTES > messageEnd)
        {
            line.append(" text=<missing>");
            return;
        }
        final long textLength = messageBuffer.getInt(limit, ByteOrder.LITTLE_ENDIAN) & 0xFFFF_FFFFL;
        final int textOffset = limit + Integer.BYTES;
        if (textOffset + textLength > messageEnd)
        {
            line.append(" text=<truncated: ").append(textLength).append(" bytes declared>");
            return;
        }
        if (textLength == 0)
        {
            return;
        }

        line.append(" text=\"");
        for (int i = textOffset, end = textOffset + (int)textLength; i < end; i++)
        {
            appendQuotedChar(messageBuffer.getByte(i) & 0xFF);
        }
        line.append('"');
    }

    private void rejectReason(final OrdRejReason reason)
    {
        if (reason != OrdRejReason.NULL_VAL)
        {
            field("ordRejReason", reason);
        }
    }

    private void field(final String name, final long value)
    {
        line.append(' ').append(name).append('=').append(value);
    }

    private void field(final String name, final Enum<?> value)
    {
        line.append(' ').append(name).append('=').append(value.name());
    }

    private void field(final String name, final String value)
    {
        if (value.isEmpty())
        {
            return;
        }

        line.append(' ').append(name).append('=');
        if (isPlain(value))
        {
            line.append(value);
        }
        else
        {
            line.append('"');
            for (int i = 0; i < value.length(); i++)
            {
                appendQuotedChar(value.charAt(i));
            }
            line.append('"');
        }
    }

    private static boolean isPlain(final String value)
    {
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            if (c <= ' ' || c > '~' || c == '"' || c == '\\')
            {
                return false;
            }
        }
        return true;
    }

    private void appendQuotedChar(final int c)
    {
        if (c == '"' || c == '\\')
        {
            line.append('\\').append((char)c);
        }
        else if (c < ' ' || c > '~')
        {
            line.append(String.format(c > 0xFF ? "\\u%04x" : "\\x%02x", c));
        }
        else
        {
            line.append((char)c);
        }
    }

    private void decimal(final String name, final long value)
    {
        if (value != FixedPoint.NULL_VALUE)
        {
            line.append(' ').append(name).append('=').append(FixedPoint.toString(value));
        }
    }
}
