package warta.fetch;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import warta.storage.Database;

/**
 * Fetching's memory in SQLite: each source's validators, failures, backoff and pause, and every
 * feed item seen with what became of it, so that a stored item is never downloaded again.
 */
public final class SourceStore {

  private static final String STATE_COLUMNS = "url, etag, last_modified, failures_in_a_row, next_attempt_at, "
      + "paused_at, last_error, last_error_at, last_fetched_at, items_seen, pages_saved";
  /** SQLite's default limit on ? parameters is far above this; batches stay small anyway. */
  private static final int BATCH = 500;

  private final Database db;
  private final Clock clock;

  public SourceStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The source's state; a source never fetched is {@link SourceState#fresh}. */
  public SourceState state(URI url) {
    return db.read(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT " + STATE_COLUMNS + " FROM source WHERE url = ?")) {
        s.setString(1, url.toString());
        try (ResultSet r = s.executeQuery()) {
          return r.next() ? state(r) : SourceState.fresh(url);
        }
      }
    });
  }

  /** Every source fetching has seen, also those no longer in the file. */
  public List<SourceState> states() {
    return db.read(c -> {
      List<SourceState> states = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT " + STATE_COLUMNS + " FROM source ORDER BY url");
           ResultSet r = s.executeQuery()) {
        while (r.next()) {
          states.add(state(r));
        }
      }
      return states;
    });
  }

  /** The feed answered (200 or 304): failures end, the validators are kept for the next request. */
  public void answered(URI url, Validators validators, int newItems, int pagesSaved) {
    long now = clock.millis();
    db.write(c -> {
      ensure(c, url);
      try (PreparedStatement s = c.prepareStatement("UPDATE source SET etag = ?, last_modified = ?, "
          + "failures_in_a_row = 0, next_attempt_at = 0, paused_at = NULL, last_fetched_at = ?, "
          + "last_new_items_at = CASE WHEN ? > 0 THEN ? ELSE last_new_items_at END, "
          + "items_seen = items_seen + ?, pages_saved = pages_saved + ? WHERE url = ?")) {
        s.setString(1, validators.etag().orElse(""));
        s.setString(2, validators.lastModified().orElse(""));
        s.setLong(3, now);
        s.setInt(4, newItems);
        s.setLong(5, now);
        s.setInt(6, newItems);
        s.setInt(7, pagesSaved);
        s.setString(8, url.toString());
        s.executeUpdate();
      }
      return null;
    });
  }

  /**
   * The source failed once more: not tried again before {@code nextAttempt}, and paused when
   * {@code pause} says so. Returns the state after it.
   */
  public SourceState failed(URI url, String error, Instant nextAttempt, boolean pause) {
    long now = clock.millis();
    db.write(c -> {
      ensure(c, url);
      try (PreparedStatement s = c.prepareStatement("UPDATE source SET failures_in_a_row = failures_in_a_row + 1, "
          + "next_attempt_at = ?, paused_at = CASE WHEN ? THEN ? ELSE paused_at END, last_error = ?, "
          + "last_error_at = ? WHERE url = ?")) {
        s.setLong(1, nextAttempt.toEpochMilli());
        s.setBoolean(2, pause);
        s.setLong(3, now);
        s.setString(4, error);
        s.setLong(5, now);
        s.setString(6, url.toString());
        s.executeUpdate();
      }
      return null;
    });
    return state(url);
  }

  /** Ends a pause and a backoff: the next fetch tries the source. Returns whether it was known. */
  public boolean resume(URI url) {
    return db.write(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE source SET paused_at = NULL, next_attempt_at = 0, failures_in_a_row = 0 WHERE url = ?")) {
        s.setString(1, url.toString());
        return s.executeUpdate() > 0;
      }
    });
  }

  /**
   * Of these item links, the ones not to download: stored already, refused by robots.txt, or
   * given up after too many failures.
   */
  public Set<String> settled(Collection<String> links) {
    Set<String> settled = new HashSet<>();
    List<String> all = List.copyOf(links);
    for (int from = 0; from < all.size(); from += BATCH) {
      List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
      db.read(c -> {
        String marks = String.join(",", Collections.nCopies(batch.size(), "?"));
        try (PreparedStatement s = c.prepareStatement("SELECT link FROM fetched_item WHERE status <> 'failed' "
            + "AND link IN (" + marks + ")")) {
          for (int i = 0; i < batch.size(); i++) {
            s.setString(i + 1, batch.get(i));
          }
          try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
              settled.add(r.getString(1));
            }
          }
        }
        return null;
      });
    }
    return settled;
  }

  /** The item's page is stored at {@code file} (relative to the articles folder). */
  public void saved(String link, URI source, String file) {
    record(link, source, "saved", file, "");
  }

  /** robots.txt forbids the item's page: never asked for again. */
  public void disallowed(String link, URI source, String reason) {
    record(link, source, "disallowed", "", reason);
  }

  /**
   * The item's page could not be fetched; tried again by later runs until {@code maxAttempts}
   * tries, then given up. Returns whether it was given up now.
   */
  public boolean pageFailed(String link, URI source, String reason, boolean retryable, int maxAttempts) {
    long now = clock.millis();
    return db.write(c -> {
      int attempts = 1;
      try (PreparedStatement s = c.prepareStatement("SELECT attempts FROM fetched_item WHERE link = ?")) {
        s.setString(1, link);
        try (ResultSet r = s.executeQuery()) {
          if (r.next()) {
            attempts = r.getInt(1) + 1;
          }
        }
      }
      boolean givenUp = !retryable || attempts >= maxAttempts;
      upsert(c, link, source, givenUp ? "given-up" : "failed", "", reason, attempts, now);
      return givenUp;
    });
  }

  private void record(String link, URI source, String status, String file, String error) {
    long now = clock.millis();
    db.write(c -> {
      upsert(c, link, source, status, file, error, -1, now);
      return null;
    });
  }

  /** attempts -1: one more than before. */
  private static void upsert(Connection c, String link, URI source, String status, String file, String error,
                             int attempts, long now) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO fetched_item (link, source_url, status, file, "
        + "attempts, last_error, first_seen_at, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        + "ON CONFLICT (link) DO UPDATE SET status = excluded.status, file = excluded.file, "
        + "attempts = CASE WHEN ? < 0 THEN fetched_item.attempts + 1 ELSE excluded.attempts END, "
        + "last_error = excluded.last_error, saved_at = excluded.saved_at")) {
      s.setString(1, link);
      s.setString(2, source.toString());
      s.setString(3, status);
      s.setString(4, file);
      s.setInt(5, Math.max(attempts, 1));
      s.setString(6, error);
      s.setLong(7, now);
      if (status.equals("saved")) {
        s.setLong(8, now);
      } else {
        s.setNull(8, java.sql.Types.INTEGER);
      }
      s.setInt(9, attempts);
      s.executeUpdate();
    }
  }

  private void ensure(Connection c, URI url) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO source (url) VALUES (?) ON CONFLICT DO NOTHING")) {
      s.setString(1, url.toString());
      s.executeUpdate();
    }
  }

  private static SourceState state(ResultSet r) throws SQLException {
    String etag = r.getString("etag");
    String lastModified = r.getString("last_modified");
    return new SourceState(URI.create(r.getString("url")),
        new Validators(etag.isEmpty() ? Optional.empty() : Optional.of(etag),
            lastModified.isEmpty() ? Optional.empty() : Optional.of(lastModified)),
        r.getInt("failures_in_a_row"), Instant.ofEpochMilli(r.getLong("next_attempt_at")),
        instant(r, "paused_at"), r.getString("last_error"), instant(r, "last_error_at"),
        instant(r, "last_fetched_at"), r.getLong("items_seen"), r.getLong("pages_saved"));
  }

  private static Optional<Instant> instant(ResultSet r, String column) throws SQLException {
    long millis = r.getLong(column);
    return r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
  }
}
