package warta.subscriber;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import warta.i18n.Language;
import warta.storage.Database;
import warta.topic.Topic;

/** Subscribers and their topics in the database. */
public final class SubscriberStore {

  private final Database db;
  private final Function<String, Optional<Topic>> topicsByCode;
  private final Clock clock;

  /** @param topicsByCode turns a stored topic code back into its topic */
  public SubscriberStore(Database db, Function<String, Optional<Topic>> topicsByCode, Clock clock) {
    this.db = db;
    this.topicsByCode = topicsByCode;
    this.clock = clock;
  }

  /**
   * Registers a chat with these preferences, or returns it as it is when already registered
   * (a stopped or blocked chat that comes back is active again, with its old preferences).
   */
  public Subscriber register(Subscriber fresh) {
    return db.write(c -> {
      Optional<Subscriber> existing = find(c, fresh.chatId());
      if (existing.isPresent()) {
        Subscriber s = existing.get();
        if (s.status() == Subscriber.Status.STOPPED || s.status() == Subscriber.Status.BLOCKED) {
          setStatus(c, s.chatId(), Subscriber.Status.ACTIVE);
          return find(c, s.chatId()).orElseThrow();
        }
        return s;
      }
      try (PreparedStatement s = c.prepareStatement("INSERT INTO subscriber (chat_id, chat_type, language, "
          + "time_zone, delivery_time, status, fallback_headlines, created_at, updated_at) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        s.setLong(1, fresh.chatId());
        s.setString(2, fresh.chatType().name().toLowerCase(Locale.ROOT));
        s.setString(3, fresh.language().code());
        s.setString(4, fresh.zone().getId());
        s.setString(5, fresh.deliveryTime().toString());
        s.setString(6, fresh.status().name().toLowerCase(Locale.ROOT));
        s.setInt(7, fresh.fallbackHeadlines() ? 1 : 0);
        s.setLong(8, clock.millis());
        s.setLong(9, clock.millis());
        s.executeUpdate();
      }
      replaceTopics(c, fresh.chatId(), fresh.topics());
      return find(c, fresh.chatId()).orElseThrow();
    });
  }

  public Optional<Subscriber> find(long chatId) {
    return db.read(c -> find(c, chatId));
  }

  /** @throws NoSuchElementException when the chat is not registered */
  public Subscriber require(long chatId) {
    return find(chatId).orElseThrow(() -> new NoSuchElementException("chat " + chatId + " is not registered"));
  }

  /** Adds topics; returns the ones that were new. */
  public Set<Topic> addTopics(long chatId, Collection<Topic> topics) {
    return db.write(c -> {
      Set<Topic> added = new LinkedHashSet<>();
      try (PreparedStatement s = c.prepareStatement(
          "INSERT OR IGNORE INTO subscriber_topic (chat_id, topic) VALUES (?, ?)")) {
        for (Topic topic : topics) {
          s.setLong(1, chatId);
          s.setString(2, topic.code());
          if (s.executeUpdate() > 0) {
            added.add(topic);
          }
        }
      }
      touch(c, chatId);
      return added;
    });
  }

  /** Removes topics; returns the ones that were there. */
  public Set<Topic> removeTopics(long chatId, Collection<Topic> topics) {
    return db.write(c -> {
      Set<Topic> removed = new LinkedHashSet<>();
      try (PreparedStatement s = c.prepareStatement("DELETE FROM subscriber_topic WHERE chat_id = ? AND topic = ?")) {
        for (Topic topic : topics) {
          s.setLong(1, chatId);
          s.setString(2, topic.code());
          if (s.executeUpdate() > 0) {
            removed.add(topic);
          }
        }
      }
      touch(c, chatId);
      return removed;
    });
  }

  public void setLanguage(long chatId, Language language) {
    update(chatId, "language", language.code());
  }

  public void setZone(long chatId, ZoneId zone) {
    update(chatId, "time_zone", zone.getId());
  }

  public void setDeliveryTime(long chatId, LocalTime time) {
    update(chatId, "delivery_time", time.toString());
  }

  public void setFallbackHeadlines(long chatId, boolean on) {
    db.write(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE subscriber SET fallback_headlines = ?, updated_at = ? WHERE chat_id = ?")) {
        s.setInt(1, on ? 1 : 0);
        s.setLong(2, clock.millis());
        s.setLong(3, chatId);
        return s.executeUpdate();
      }
    });
  }

  public void setStatus(long chatId, Subscriber.Status status) {
    db.write(c -> {
      setStatus(c, chatId, status);
      return null;
    });
  }

  /**
   * Moves a group that became a supergroup to its new chat id, with its topics and ledger
   * (foreign keys cascade the change).
   */
  public void migrate(long oldChatId, long newChatId) {
    db.write(c -> {
      if (find(c, newChatId).isPresent()) {
        return null; // already moved by an earlier update
      }
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE subscriber SET chat_id = ?, chat_type = 'supergroup', updated_at = ? WHERE chat_id = ?")) {
        s.setLong(1, newChatId);
        s.setLong(2, clock.millis());
        s.setLong(3, oldChatId);
        s.executeUpdate();
      }
      return null;
    });
  }

  /** Deletes the chat and everything kept about it: topics and delivery ledger. */
  public boolean delete(long chatId) {
    return db.write(c -> {
      try (PreparedStatement s = c.prepareStatement("DELETE FROM subscriber WHERE chat_id = ?")) {
        s.setLong(1, chatId);
        return s.executeUpdate() > 0;
      }
    });
  }

  /** Every active subscriber with their topics: two queries, however many there are. */
  public List<Subscriber> active() {
    return db.read(c -> {
      Map<Long, Set<Topic>> topics = new java.util.HashMap<>();
      try (PreparedStatement s = c.prepareStatement("SELECT t.chat_id, t.topic FROM subscriber_topic t "
          + "JOIN subscriber s ON s.chat_id = t.chat_id WHERE s.status = 'active' ORDER BY t.chat_id, t.topic");
           ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          long chat = rows.getLong(1);
          topicsByCode.apply(rows.getString(2)).ifPresent(t ->
              topics.computeIfAbsent(chat, k -> new LinkedHashSet<>()).add(t));
        }
      }
      List<Subscriber> active = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT chat_id, chat_type, language, time_zone, delivery_time, "
          + "status, fallback_headlines FROM subscriber WHERE status = 'active' ORDER BY chat_id");
           ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          long chat = rows.getLong(1);
          active.add(new Subscriber(chat, Subscriber.ChatType.valueOf(rows.getString(2).toUpperCase(Locale.ROOT)),
              Language.parse(rows.getString(3)).orElse(Language.EN), ZoneId.of(rows.getString(4)),
              LocalTime.parse(rows.getString(5)), Subscriber.Status.ACTIVE, rows.getInt(7) != 0,
              topics.getOrDefault(chat, Set.of())));
        }
      }
      return active;
    });
  }

  /** Subscribers by status, for the health view. */
  public Map<Subscriber.Status, Integer> countByStatus() {
    return db.read(c -> {
      Map<Subscriber.Status, Integer> counts = new EnumMap<>(Subscriber.Status.class);
      for (Subscriber.Status status : Subscriber.Status.values()) {
        counts.put(status, 0);
      }
      try (PreparedStatement s = c.prepareStatement("SELECT status, count(*) FROM subscriber GROUP BY status");
           ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          counts.put(Subscriber.Status.valueOf(rows.getString(1).toUpperCase(Locale.ROOT)), rows.getInt(2));
        }
      }
      return counts;
    });
  }

  private void update(long chatId, String column, String value) {
    db.write(c -> {
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE subscriber SET " + column + " = ?, updated_at = ? WHERE chat_id = ?")) {
        s.setString(1, value);
        s.setLong(2, clock.millis());
        s.setLong(3, chatId);
        return s.executeUpdate();
      }
    });
  }

  private void setStatus(Connection c, long chatId, Subscriber.Status status) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "UPDATE subscriber SET status = ?, updated_at = ? WHERE chat_id = ?")) {
      s.setString(1, status.name().toLowerCase(Locale.ROOT));
      s.setLong(2, clock.millis());
      s.setLong(3, chatId);
      s.executeUpdate();
    }
  }

  private void touch(Connection c, long chatId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("UPDATE subscriber SET updated_at = ? WHERE chat_id = ?")) {
      s.setLong(1, clock.millis());
      s.setLong(2, chatId);
      s.executeUpdate();
    }
  }

  private void replaceTopics(Connection c, long chatId, Set<Topic> topics) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("DELETE FROM subscriber_topic WHERE chat_id = ?")) {
      s.setLong(1, chatId);
      s.executeUpdate();
    }
    try (PreparedStatement s = c.prepareStatement("INSERT INTO subscriber_topic (chat_id, topic) VALUES (?, ?)")) {
      for (Topic topic : topics) {
        s.setLong(1, chatId);
        s.setString(2, topic.code());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private Optional<Subscriber> find(Connection c, long chatId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT chat_id, chat_type, language, time_zone, delivery_time, "
        + "status, fallback_headlines FROM subscriber WHERE chat_id = ?")) {
      s.setLong(1, chatId);
      try (ResultSet rows = s.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(new Subscriber(rows.getLong(1),
            Subscriber.ChatType.valueOf(rows.getString(2).toUpperCase(Locale.ROOT)),
            Language.parse(rows.getString(3)).orElse(Language.EN), ZoneId.of(rows.getString(4)),
            LocalTime.parse(rows.getString(5)), Subscriber.Status.valueOf(rows.getString(6).toUpperCase(Locale.ROOT)),
            rows.getInt(7) != 0, topics(c, chatId)));
      }
    }
  }

  private Set<Topic> topics(Connection c, long chatId) throws SQLException {
    Set<Topic> topics = new LinkedHashSet<>();
    try (PreparedStatement s = c.prepareStatement("SELECT topic FROM subscriber_topic WHERE chat_id = ? ORDER BY topic")) {
      s.setLong(1, chatId);
      try (ResultSet rows = s.executeQuery()) {
        List<String> codes = new ArrayList<>();
        while (rows.next()) {
          codes.add(rows.getString(1));
        }
        codes.forEach(code -> topicsByCode.apply(code).ifPresent(topics::add));
      }
    }
    return topics;
  }
}
