package warta.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * Warta's SQLite database: WAL, {@code synchronous=NORMAL}, foreign keys on, a busy timeout.
 * Writes go through one connection in short IMMEDIATE transactions, one at a time; reads use a
 * small pool of autocommit connections that WAL lets run beside the writer. Thread-safe.
 */
public final class Database implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Database.class);
  private static final int READERS = 4;
  private static final int BUSY_TIMEOUT_MILLIS = 10_000;

  private final Path file;
  private final Connection writer;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final BlockingQueue<Connection> readers;
  private final List<Connection> allReaders = new ArrayList<>();

  private Database(Path file, Connection writer, List<Connection> readers) {
    this.file = file;
    this.writer = writer;
    this.readers = new ArrayBlockingQueue<>(readers.size(), false, readers);
    this.allReaders.addAll(readers);
  }

  /**
   * Opens (creating it and its folder if needed) and migrates the database at {@code file}.
   *
   * @throws StorageException when the file cannot be opened or a migration fails; a failed
   *     migration leaves the database as it was
   */
  public static Database open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new StorageException("cannot create the folder of " + file, e);
    }
    Connection writer = null;
    List<Connection> readers = new ArrayList<>();
    try {
      writer = connect(file, false);
      Migrations.apply(writer, file);
      for (int i = 0; i < READERS; i++) {
        readers.add(connect(file, true));
      }
      return new Database(file, writer, readers);
    } catch (SQLException e) {
      closeQuietly(writer, readers);
      throw new StorageException("cannot open database " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(writer, readers);
      throw e;
    }
  }

  private static Connection connect(Path file, boolean readOnly) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    if (!readOnly) {
      config.setJournalMode(SQLiteConfig.JournalMode.WAL); // kept in the file: readers open it as WAL too
    }
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    config.setReadOnly(readOnly);
    return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
  }

  public Path file() {
    return file;
  }

  /**
   * Runs {@code work} in one IMMEDIATE transaction on the writer connection: committed when it
   * returns, rolled back when it throws. Writers queue; a write never waits on a reader.
   */
  public <T> T write(SqlWork<T> work) {
    writeLock.lock();
    try {
      writer.setAutoCommit(false);
      try {
        T result = work.run(writer);
        writer.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollback(e);
        throw e;
      } finally {
        writer.setAutoCommit(true); // an idle connection outside autocommit would hold the write lock
      }
    } catch (SQLException e) {
      throw new StorageException("write to " + file.getFileName() + " failed: " + e.getMessage(), e);
    } finally {
      writeLock.unlock();
    }
  }

  /** Runs {@code work} on a pooled autocommit reader, which sees the last committed state. */
  public <T> T read(SqlWork<T> work) {
    Connection reader;
    try {
      reader = readers.poll(BUSY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while waiting for a reader of " + file.getFileName(), e);
    }
    if (reader == null) {
      throw new StorageException("no reader of " + file.getFileName() + " free after "
          + BUSY_TIMEOUT_MILLIS + " ms");
    }
    try {
      return work.run(reader);
    } catch (SQLException e) {
      throw new StorageException("read from " + file.getFileName() + " failed: " + e.getMessage(), e);
    } finally {
      readers.add(reader);
    }
  }

  private void rollback(Exception cause) {
    try {
      writer.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public void close() {
    writeLock.lock();
    try {
      closeQuietly(writer, allReaders);
    } finally {
      writeLock.unlock();
    }
  }

  private static void closeQuietly(Connection writer, List<Connection> readers) {
    List<Connection> all = new ArrayList<>(readers);
    if (writer != null) {
      all.add(writer);
    }
    for (Connection connection : all) {
      try {
        connection.close();
      } catch (SQLException e) {
        log.warn("Closing a database connection failed: {}", e.toString());
      }
    }
  }
}
