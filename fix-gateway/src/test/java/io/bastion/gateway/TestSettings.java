package io.bastion.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import quickfix.SessionID;
import quickfix.SessionSettings;

/**
 * QuickFIX/J session settings built in code, as they would be read from a session file.
 */
final class TestSettings
{
    static final String FIX42 = "FIX.4.2";
    static final String FIX44 = "FIX.4.4";
    static final String FIXT11 = "FIXT.1.1";
    static final String BASTION = "BASTION";

    private TestSettings()
    {
    }

    static SessionSettings acceptor(final int port)
    {
        final SessionSettings settings = common();
        settings.setString("ConnectionType", "acceptor");
        settings.setString("SocketAcceptAddress", "127.0.0.1");
        settings.setLong("SocketAcceptPort", port);
        return settings;
    }

    static SessionSettings initiator(final int port)
    {
        final SessionSettings settings = common();
        settings.setString("ConnectionType", "initiator");
        settings.setString("SocketConnectHost", "127.0.0.1");
        settings.setLong("SocketConnectPort", port);
        settings.setLong("ReconnectInterval", 1);
        return settings;
    }

    static SessionID session(
        final SessionSettings settings, final String senderCompId, final String targetCompId, final String... keyValues)
    {
        return versionSession(settings, FIX44, senderCompId, targetCompId, keyValues);
    }

    /**
     * A FIX 5.0SP2 session over FIXT.1.1 with QuickFIX/J's transport and application dictionaries.
     */
    static SessionID fixtSession(
        final SessionSettings settings, final String senderCompId, final String targetCompId, final String... keyValues)
    {
        final SessionID sessionId = versionSession(settings, FIXT11, senderCompId, targetCompId,
            "DefaultApplVerID", "FIX.5.0SP2",
            "TransportDataDictionary", "FIXT11.xml",
            "AppDataDictionary", "FIX50SP2.xml");
        for (int i = 0; i < keyValues.length; i += 2)
        {
            settings.setString(sessionId, keyValues[i], keyValues[i + 1]);
        }
        return sessionId;
    }

    static SessionID versionSession(
        final SessionSettings settings,
        final String beginString,
        final String senderCompId,
        final String targetCompId,
        final String... keyValues)
    {
        final SessionID sessionId = new SessionID(beginString, senderCompId, targetCompId);
        settings.setString(sessionId, SessionSettings.BEGINSTRING, beginString);
        settings.setString(sessionId, SessionSettings.SENDERCOMPID, senderCompId);
        settings.setString(sessionId, SessionSettings.TARGETCOMPID, targetCompId);
        for (int i = 0; i < keyValues.length; i += 2)
        {
            settings.setString(sessionId, keyValues[i], keyValues[i + 1]);
        }
        return sessionId;
    }

    static int freePort()
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static SessionSettings common()
    {
        final SessionSettings settings = new SessionSettings();
        settings.setString("NonStopSession", "Y");
        settings.setLong("HeartBtInt", 30);
        settings.setString("UseDataDictionary", "Y");
        settings.setLong("LogoutTimeout", 1);
        return settings;
    }
}
