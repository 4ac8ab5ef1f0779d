package io.bastion.gateway;

import java.io.File;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.aeron.Aeron;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.CloseHelper;
import org.agrona.IoUtil;
import org.agrona.concurrent.BackoffIdleStrategy;

/**
 * A real embedded media driver with small terms in a unique directory, and a client connected to it.
 */
final class AeronFixture implements AutoCloseable
{
    private static final int TERM_LENGTH = 64 * 1024;

    private final File aeronDir;
    private final MediaDriver driver;
    private final Aeron aeron;

    AeronFixture()
    {
        aeronDir = new File(System.getProperty("java.io.tmpdir"), "bastion-fix-gateway-test-" + UUID.randomUUID());
        driver = MediaDriver.launch(new MediaDriver.Context()
            .aeronDirectoryName(aeronDir.getAbsolutePath())
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new BackoffIdleStrategy(1, 1, TimeUnit.MICROSECONDS.toNanos(1),
                TimeUnit.MILLISECONDS.toNanos(1)))
            .ipcTermBufferLength(TERM_LENGTH)
            .publicationTermBufferLength(TERM_LENGTH)
            .spiesSimulateConnection(false));
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDir.getAbsolutePath()));
    }

    Aeron aeron()
    {
        return aeron;
    }

    public void close()
    {
        CloseHelper.closeAll(aeron, driver);
        IoUtil.delete(aeronDir, true);
    }
}
