package warta.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import warta.digest.Digest;
import warta.storage.Database;

/**
 * The delivery ledger: every digest is recorded (its stories and rendered messages) before it is
 * sent, each message's id after Telegram confirms it, and how it ended. One daily digest per chat
 * and local date, enforced by the database; a resumed delivery continues after the last
 * confirmed message.
 */
public final class DeliveryLedger {

  /** How a recorded delivery stands. */
  public enum Status { PENDING, SENDING, SENT, FAILED, BLOCKED, SKIPPED }

  /** A recorded delivery, with what is left to send. */
  public record Delivery(long id, long chatId, LocalDate date, Status status, int attempts, List<String> parts,
                         int partsSent) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Database db;
  private final Clock clock;

  public DeliveryLedger(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Records a daily digest before it is sent; empty when the chat already has one for that date
   * (the database refuses a second).
   */
  public Optional<Delivery> recordDaily(Digest digest) {
    return record(digest, "daily");
  }

  /** Records a digest the reader asked for with /digest: it also counts as the day's digest when there is none yet. */
  public Delivery recordOnDemand(Digest digest) {
    return record(digest, "daily").orElseGet(() -> record(digest, "on_demand").orElseThrow());
  }

  private Optional<Delivery> record(Digest digest, String kind) {
    return db.write(c -> {
      long id;
      try (PreparedStatement s = c.prepareStatement("INSERT INTO delivery (chat_id, digest_date, kind, status, "
          + "created_at, updated_at, parts) VALUES (?, ?, ?, 'pending', ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id")) {
        s.setLong(1, digest.chatId());
        s.setString(2, digest.date().toString());
        s.setString(3, kind);
        s.setLong(4, clock.millis());
        s.setLong(5, clock.millis());
        s.setString(6, JSON.valueToTree(digest.parts()).toString());
        try (ResultSet rows = s.executeQuery()) {
          if (!rows.next()) {
            return Optional.<Delivery>empty();
          }
          id = rows.getLong(1);
        }
      }
      try (PreparedStatement s = c.prepareStatement("INSERT INTO delivery_item (delivery_id, position, chat_id, "
          + "story_id, article_id) SELECT ?, ?, ?, id, best_article_id FROM story WHERE id = ?")) {
        for (int i = 0; i < digest.stories().size(); i++) {
          s.setLong(1, id);
          s.setInt(2, i);
          s.setLong(3, digest.chatId());
          s.setLong(4, digest.stories().get(i));
          s.addBatch();
        }
        s.executeBatch();
      }
      return Optional.of(new Delivery(id, digest.chatId(), digest.date(), Status.PENDING, 0, digest.parts(), 0));
    });
  }

  /** Records that a daily digest will not be sent for this date (too late, or the time was set after it passed). */
  public void skip(long chatId, LocalDate date, String reason) {
    db.write(c -> {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO delivery (chat_id, digest_date, kind, status, "
          + "created_at, updated_at, last_error) VALUES (?, ?, 'daily', 'skipped', ?, ?, ?) ON CONFLICT DO NOTHING")) {
        s.setLong(1, chatId);
        s.setString(2, date.toString());
        s.setLong(3, clock.millis());
        s.setLong(4, clock.millis());
        s.setString(5, reason);
        return s.executeUpdate();
      }
    });
  }

  /** Takes back a skip of the chat's daily digest for the date (a sent or recorded digest stays). */
  public void unskip(long chatId, LocalDate date) {
    db.write(c -> {
      try (PreparedStatement s = c.prepareStatement("DELETE FROM delivery WHERE chat_id = ? AND digest_date = ? "
          + "AND kind = 'daily' AND status = 'skipped'")) {
        s.setLong(1, chatId);
        s.setString(2, date.toString());
        return s.executeUpdate();
      }
    });
  }

  /** Whether the chat has a daily digest (in any state, skipped included) for the date. */
  public boolean hasDigestFor(long chatId, LocalDate date) {
    return db.read(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT 1 FROM delivery WHERE chat_id = ? AND digest_date = ? AND kind = 'daily'")) {
        s.setLong(1, chatId);
        s.setString(2, date.toString());
        try (ResultSet rows = s.executeQuery()) {
          return rows.next();
        }
      }
    });
  }

  /** The chats with a daily digest recorded for any of the given dates: one query for a whole sweep. */
  public java.util.Set<String> dailyKeys(java.util.Collection<LocalDate> dates) {
    return db.read(c -> {
      java.util.Set<String> keys = new java.util.HashSet<>();
      if (dates.isEmpty()) {
        return keys;
      }
      String in = String.join(",", java.util.Collections.nCopies(dates.size(), "?"));
      try (PreparedStatement s = c.prepareStatement("SELECT chat_id, digest_date FROM delivery WHERE kind = 'daily' "
          + "AND digest_date IN (" + in + ")")) {
        int i = 1;
        for (LocalDate date : dates) {
          s.setString(i++, date.toString());
        }
        try (ResultSet rows = s.executeQuery()) {
          while (rows.next()) {
            keys.add(rows.getLong(1) + "/" + rows.getString(2));
          }
        }
      }
      return keys;
    });
  }

  /** When each chat's last daily digest was completely sent: one query for a whole sweep. */
  public Map<Long, Instant> lastDailySent() {
    return db.read(c -> {
      Map<Long, Instant> sent = new java.util.HashMap<>();
      try (PreparedStatement s = c.prepareStatement(
          "SELECT chat_id, max(sent_at) FROM delivery WHERE kind = 'daily' AND status = 'sent' GROUP BY chat_id");
           ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          sent.put(rows.getLong(1), Instant.ofEpochMilli(rows.getLong(2)));
        }
      }
      return sent;
    });
  }

  /** When the chat's last digest was completely sent, if ever. */
  public Optional<Instant> lastSentAt(long chatId) {
    return db.read(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT max(sent_at) FROM delivery WHERE chat_id = ? AND status = 'sent'")) {
        s.setLong(1, chatId);
        try (ResultSet rows = s.executeQuery()) {
          long at = rows.next() ? rows.getLong(1) : 0;
          return rows.wasNull() || at == 0 ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(at));
        }
      }
    });
  }

  /** Deliveries not finished: recorded, interrupted in the middle, or failed fewer than {@code maxAttempts} times. */
  public List<Delivery> unfinished(int maxAttempts) {
    return db.read(c -> {
      List<Delivery> deliveries = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT id, chat_id, digest_date, status, attempts, parts, "
          + "parts_sent FROM delivery WHERE status IN ('pending', 'sending', 'failed') AND attempts < ? ORDER BY id")) {
        s.setInt(1, maxAttempts);
        try (ResultSet rows = s.executeQuery()) {
          while (rows.next()) {
            deliveries.add(delivery(rows));
          }
        }
      }
      return deliveries;
    });
  }

  /** Before a message goes out: the delivery is sending (an interruption from here on is the ambiguous case). */
  public void sending(long id) {
    update(id, "UPDATE delivery SET status = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ?");
  }

  /** Telegram confirmed message {@code part}: its id is kept; the last part completes the delivery. */
  public void partSent(long id, int part, long chatId, int messageId) {
    db.write(c -> {
      List<Integer> ids = new ArrayList<>();
      int parts;
      try (PreparedStatement s = c.prepareStatement("SELECT message_ids, parts FROM delivery WHERE id = ?")) {
        s.setLong(1, id);
        try (ResultSet rows = s.executeQuery()) {
          rows.next();
          String known = rows.getString(1);
          if (known != null) {
            JSON.readTree(known).forEach(n -> ids.add(n.asInt()));
          }
          parts = JSON.readTree(rows.getString(2)).size();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new SQLException("delivery " + id + " holds malformed JSON", e);
        }
      }
      ids.add(messageId);
      ArrayNode array = JSON.createArrayNode();
      ids.forEach(array::add);
      boolean done = part + 1 >= parts;
      try (PreparedStatement s = c.prepareStatement("UPDATE delivery SET parts_sent = ?, message_ids = ?, "
          + "chat_id = ?, status = ?, sent_at = ?, updated_at = ? WHERE id = ?")) {
        s.setInt(1, part + 1);
        s.setString(2, array.toString());
        s.setLong(3, chatId);
        s.setString(4, done ? "sent" : "sending");
        if (done) {
          s.setLong(5, clock.millis());
        } else {
          s.setNull(5, java.sql.Types.INTEGER);
        }
        s.setLong(6, clock.millis());
        s.setLong(7, id);
        return s.executeUpdate();
      }
    });
  }

  /** A digest sent as the reply to /digest: complete, without message ids (the reply path does not report them). */
  public void answered(long id) {
    db.write(c -> {
      try (PreparedStatement s = c.prepareStatement("UPDATE delivery SET status = 'sent', parts_sent = "
          + "json_array_length(parts), sent_at = ?, updated_at = ? WHERE id = ?")) {
        s.setLong(1, clock.millis());
        s.setLong(2, clock.millis());
        s.setLong(3, id);
        return s.executeUpdate();
      }
    });
  }

  public void failed(long id, String error) {
    finish(id, Status.FAILED, error);
  }

  public void blocked(long id, String reason) {
    finish(id, Status.BLOCKED, reason);
  }

  private void finish(long id, Status status, String note) {
    db.write(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE delivery SET status = ?, last_error = ?, updated_at = ? WHERE id = ?")) {
        s.setString(1, status.name().toLowerCase(java.util.Locale.ROOT));
        s.setString(2, note);
        s.setLong(3, clock.millis());
        s.setLong(4, id);
        return s.executeUpdate();
      }
    });
  }

  /** Deliveries waiting to be sent or resumed: the backlog. */
  public int backlog() {
    return db.read(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT count(*) FROM delivery WHERE status IN ('pending', 'sending', 'failed')");
           ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    });
  }

  /** Deliveries by status, for the health view and the tests. */
  public Map<Status, Integer> countByStatus() {
    return db.read(c -> {
      Map<Status, Integer> counts = new TreeMap<>();
      try (PreparedStatement s = c.prepareStatement("SELECT status, count(*) FROM delivery GROUP BY status");
           ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          counts.put(Status.valueOf(rows.getString(1).toUpperCase(java.util.Locale.ROOT)), rows.getInt(2));
        }
      }
      return counts;
    });
  }

  private void update(long id, String sql) {
    db.write(c -> {
      try (PreparedStatement s = c.prepareStatement(sql)) {
        s.setLong(1, clock.millis());
        s.setLong(2, id);
        return s.executeUpdate();
      }
    });
  }

  private static Delivery delivery(ResultSet rows) throws SQLException {
    List<String> parts = new ArrayList<>();
    try {
      JSON.readTree(rows.getString(6)).forEach(n -> parts.add(n.asText()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new SQLException("delivery " + rows.getLong(1) + " holds malformed JSON", e);
    }
    return new Delivery(rows.getLong(1), rows.getLong(2), LocalDate.parse(rows.getString(3)),
        Status.valueOf(rows.getString(4).toUpperCase(java.util.Locale.ROOT)), rows.getInt(5), parts, rows.getInt(7));
  }

}
