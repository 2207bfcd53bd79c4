package warta.health;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import warta.storage.Database;

/** Every run of a job, started and finished, kept in the database for the health view. */
public final class JobHistory {

  /** One run: finished empty while it runs (or when the process died during it). */
  public record Run(long id, String job, Instant startedAt, Optional<Instant> finishedAt, Optional<String> outcome,
                    Optional<String> summary) {}

  private final Database db;
  private final Clock clock;

  public JobHistory(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Records that a run of {@code job} starts now; returns its id. */
  public long started(String job) {
    return db.write(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO job_run (job, started_at) VALUES (?, ?) RETURNING id")) {
        s.setString(1, job);
        s.setLong(2, clock.millis());
        try (ResultSet rows = s.executeQuery()) {
          rows.next();
          return rows.getLong(1);
        }
      }
    });
  }

  /** Records how a run ended: {@code ok} with its summary, or {@code failed} with the error. */
  public void finished(long run, boolean ok, String summary) {
    db.write(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE job_run SET finished_at = ?, outcome = ?, summary = ? WHERE id = ?")) {
        s.setLong(1, clock.millis());
        s.setString(2, ok ? "ok" : "failed");
        s.setString(3, summary);
        s.setLong(4, run);
        return s.executeUpdate();
      }
    });
  }

  /** Runs of any job that failed since {@code since}, newest first, at most {@code limit}. */
  public java.util.List<Run> failuresSince(Instant since, int limit) {
    return db.read(c -> {
      java.util.List<Run> runs = new java.util.ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT id, job, started_at, finished_at, outcome, summary "
          + "FROM job_run WHERE outcome = 'failed' AND started_at >= ? ORDER BY started_at DESC LIMIT ?")) {
        s.setLong(1, since.toEpochMilli());
        s.setInt(2, limit);
        try (ResultSet rows = s.executeQuery()) {
          while (rows.next()) {
            runs.add(new Run(rows.getLong(1), rows.getString(2), Instant.ofEpochMilli(rows.getLong(3)),
                Optional.of(Instant.ofEpochMilli(rows.getLong(4))), Optional.ofNullable(rows.getString(5)),
                Optional.ofNullable(rows.getString(6))));
          }
        }
      }
      return runs;
    });
  }

  /** The latest run of a job, if it ever ran. */
  public Optional<Run> latest(String job) {
    return db.read(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT id, job, started_at, finished_at, outcome, summary "
          + "FROM job_run WHERE job = ? ORDER BY started_at DESC, id DESC LIMIT 1")) {
        s.setString(1, job);
        try (ResultSet rows = s.executeQuery()) {
          if (!rows.next()) {
            return Optional.empty();
          }
          long finished = rows.getLong(4);
          Optional<Instant> finishedAt = rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(finished));
          return Optional.of(new Run(rows.getLong(1), rows.getString(2), Instant.ofEpochMilli(rows.getLong(3)),
              finishedAt, Optional.ofNullable(rows.getString(5)), Optional.ofNullable(rows.getString(6))));
        }
      }
    });
  }
}
