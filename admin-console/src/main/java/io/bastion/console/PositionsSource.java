package io.bastion.console;

import io.bastion.oms.OmsConfiguration;
import io.bastion.oms.Position;
import io.bastion.oms.PositionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The OMS's positions file, opened lazily: the console never creates it (that is the OMS's job), so until it
 * exists the console is not ready and every read tries to open it again. Reads copy entries out of the shared
 * Chronicle Map, keeping only copies no OMS write overlapped (see {@code PositionStore}), and never touch the OMS
 * thread. A read-write lock keeps
 * {@link #close()} from unmapping the file under a reader.
 */
final class PositionsSource implements AutoCloseable
{
    private static final Logger LOGGER = LoggerFactory.getLogger(PositionsSource.class);
    private static final Comparator<Position> ORDER =
        Comparator.comparing(Position::account).thenComparing(Position::symbol);

    private final File file;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private PositionStore store;
    private String notOpenReason = "not opened yet";
    private boolean closed;

    PositionsSource(final File file)
    {
        this.file = file;
    }

    /**
     * @return true when the file is open, trying to open it if it is not.
     */
    boolean isOpen()
    {
        lock.readLock().lock();
        try
        {
            if (store != null)
            {
                return true;
            }
        }
        finally
        {
            lock.readLock().unlock();
        }
        return tryOpen();
    }

    /**
     * @return why the file is not open.
     */
    String notOpenReason()
    {
        lock.readLock().lock();
        try
        {
            return store != null ? "" : notOpenReason;
        }
        finally
        {
            lock.readLock().unlock();
        }
    }

    /**
     * @param account an account, or null for all.
     * @return copies of the positions, sorted by account then symbol; null when the file is not open.
     */
    List<Position> read(final String account)
    {
        if (!isOpen())
        {
            return null;
        }
        lock.readLock().lock();
        try
        {
            if (store == null)
            {
                return null;
            }
            final List<Position> positions = new ArrayList<>();
            for (final Position position : store.readAll())
            {
                if (account == null || account.equals(position.account()))
                {
                    positions.add(position);
                }
            }
            positions.sort(ORDER);
            return positions;
        }
        finally
        {
            lock.readLock().unlock();
        }
    }

    /**
     * {@inheritDoc}
     */
    public void close()
    {
        lock.writeLock().lock();
        try
        {
            closed = true;
            if (store != null)
            {
                store.close();
                store = null;
            }
            notOpenReason = "closed";
        }
        finally
        {
            lock.writeLock().unlock();
        }
    }

    private boolean tryOpen()
    {
        lock.writeLock().lock();
        try
        {
            if (store != null)
            {
                return true;
            }
            if (closed)
            {
                return false;
            }
            if (!file.isFile() || file.length() == 0)
            {
                notOpenReason = "positions file " + file + " does not exist yet (the OMS creates it)";
                return false;
            }
            // The entry count only matters when creating a file, which cannot happen here: it exists.
            store = new PositionStore(file, OmsConfiguration.POSITION_ENTRIES_DEFAULT);
            LOGGER.info("opened positions file {}", file);
            return true;
        }
        catch (final RuntimeException ex)
        {
            final String reason = "cannot open positions file " + file + ": " + ex;
            if (!reason.equals(notOpenReason))
            {
                LOGGER.warn(reason, ex);
            }
            notOpenReason = reason;
            return false;
        }
        finally
        {
            lock.writeLock().unlock();
        }
    }
}
