package warta.article;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import warta.storage.Database;
import warta.topic.Topic;
import warta.topic.TopicCatalog;

/**
 * Stored articles, the stories they belong to, their topics and full-text search. Methods that
 * take a {@link Connection} run inside the caller's write transaction, so that ingestion stores an
 * article and its file record together; the others read on their own.
 */
public final class ArticleStore {

  /** A stored article that a new one may retell: its story, words (body opening only) and source. */
  public record Candidate(long articleId, long storyId, String headline, String lead, String bodyOpening,
                          String source) {}

  private static final String ENTRY_COLUMNS = "s.id, a.id, a.headline, a.published, a.lead, a.source, a.url, "
      + "a.language, s.sources, s.news_at";

  /** How many of the newest articles a search ranks first. */
  private static final long RECENT_ARTICLES = 20_000;
  private static final Pattern WITH_OFFSET = Pattern.compile("(?:Z|[+-]\\d{2}:\\d{2})$");

  private final Database db;
  private final TopicCatalog catalog;

  /** @param catalog turns stored topic codes back into topics */
  public ArticleStore(Database db, TopicCatalog catalog) {
    this.db = db;
    this.catalog = catalog;
  }

  /** The article stored from identical bytes, if any. */
  public Optional<Long> findByHash(Connection c, String contentHash) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT id FROM article WHERE content_hash = ?")) {
      s.setString(1, contentHash);
      try (ResultSet rows = s.executeQuery()) {
        return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
      }
    }
  }

  /**
   * Articles in the same language, news within {@code window} of {@code newsAt}, whose headline
   * or lead share words with {@code words}, best full-text matches first.
   *
   * @param words significant words of the new article, lower case
   */
  public List<Candidate> similar(Connection c, String language, List<String> words, Instant newsAt,
                                 java.time.Duration window, int limit)
      throws SQLException {
    if (words.isEmpty()) {
      return List.of();
    }
    String match = "{headline lead} : (" + words.stream().map(w -> "\"" + w.replace("\"", "\"\"") + "\"")
        .collect(Collectors.joining(" OR ")) + ")";
    String sql = "SELECT a.id, a.story_id, a.headline, a.lead, substr(a.body, 1, 2000), a.source "
        + "FROM article_text t JOIN article a ON a.id = t.rowid "
        + "WHERE article_text MATCH ? AND a.language = ? AND a.news_at BETWEEN ? AND ? "
        + "ORDER BY bm25(article_text) LIMIT ?";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, match);
      s.setString(2, language);
      s.setLong(3, newsAt.minus(window).toEpochMilli());
      s.setLong(4, newsAt.plus(window).toEpochMilli());
      s.setInt(5, limit);
      List<Candidate> candidates = new ArrayList<>();
      try (ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          candidates.add(new Candidate(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4),
              rows.getString(5), rows.getString(6)));
        }
      }
      return candidates;
    }
  }

  /**
   * Stores a parsed article in a story: a new one when {@code storyId} is empty. Returns the
   * article's id.
   */
  public long insert(Connection c, Article article, String contentHash, Instant firstSeen,
                     Optional<Long> storyId) throws SQLException {
    Instant newsAt = newsAt(article.published(), firstSeen);
    long story = storyId.isPresent() ? storyId.get() : newStory(c, article.language(), firstSeen, newsAt);
    long id;
    try (PreparedStatement s = c.prepareStatement("INSERT INTO article (content_hash, file, headline, published, "
        + "lead, body, source, url, language, section, first_seen_at, news_at, story_id) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
      s.setString(1, contentHash);
      s.setString(2, article.file().toString());
      s.setString(3, article.headline());
      s.setString(4, article.published().map(Published::toString).orElse(null));
      s.setString(5, article.lead());
      s.setString(6, String.join("\n\n", article.body()));
      s.setString(7, article.source());
      s.setString(8, article.url());
      s.setString(9, article.language());
      s.setString(10, article.section());
      s.setLong(11, firstSeen.toEpochMilli());
      s.setLong(12, newsAt.toEpochMilli());
      s.setLong(13, story);
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        id = rows.getLong(1);
      }
    }
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO article_topic (article_id, topic, rank, score) VALUES (?, ?, ?, ?)")) {
      List<Topic> topics = article.topics();
      for (int rank = 0; rank < topics.size(); rank++) {
        s.setLong(1, id);
        s.setString(2, topics.get(rank).code());
        s.setInt(3, rank);
        s.setDouble(4, salience(rank));
        s.addBatch();
      }
      s.executeBatch();
    }
    refreshStory(c, story);
    return id;
  }

  private static long newStory(Connection c, String language, Instant firstSeen, Instant newsAt) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO story (language, first_seen_at, news_at) VALUES (?, ?, ?) RETURNING id")) {
      s.setString(1, language);
      s.setLong(2, firstSeen.toEpochMilli());
      s.setLong(3, newsAt.toEpochMilli());
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /**
   * Recomputes a story from its articles: counts, newest news time, topics, and its best entry
   * (a known date, a URL and a full lead win; then the earliest seen).
   */
  private static void refreshStory(Connection c, long story) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("UPDATE story SET "
        + "articles = (SELECT count(*) FROM article WHERE story_id = ?1), "
        + "sources = (SELECT count(DISTINCT lower(source)) FROM article WHERE story_id = ?1), "
        + "news_at = (SELECT max(news_at) FROM article WHERE story_id = ?1), "
        + "best_article_id = (SELECT id FROM article WHERE story_id = ?1 ORDER BY "
        + "  (published IS NOT NULL) + (url <> '') + (length(lead) BETWEEN 60 AND 700) DESC, first_seen_at, id "
        + "  LIMIT 1) "
        + "WHERE id = ?1")) {
      s.setLong(1, story);
      s.executeUpdate();
    }
    try (PreparedStatement s = c.prepareStatement("DELETE FROM story_topic WHERE story_id = ?")) {
      s.setLong(1, story);
      s.executeUpdate();
    }
    try (PreparedStatement s = c.prepareStatement("INSERT INTO story_topic (topic, story_id, news_at, score) "
        + "SELECT t.topic, ?1, (SELECT news_at FROM story WHERE id = ?1), max(t.score) "
        + "FROM article_topic t JOIN article a ON a.id = t.article_id WHERE a.story_id = ?1 GROUP BY t.topic")) {
      s.setLong(1, story);
      s.executeUpdate();
    }
  }

  /** A topic's weight by its rank in the article, most salient (rank 0) highest. */
  static double salience(int rank) {
    return 1.0 / (1 + rank);
  }

  /**
   * When an article is news: its publication time when the page says and it is not in the
   * future; a date alone counts from its noon in UTC; else when it was first seen.
   */
  public static Instant newsAt(Optional<Published> published, Instant firstSeen) {
    if (published.isEmpty()) {
      return firstSeen;
    }
    Instant at = published.get().approximateInstant();
    return at.isAfter(firstSeen) ? firstSeen : at;
  }

  /** The latest stories, one entry per story, on a topic when given. */
  public List<StoryEntry> latest(Optional<Topic> topic, int limit) {
    return db.read(c -> {
      String sql = topic.isPresent()
          ? "SELECT " + ENTRY_COLUMNS + " FROM story_topic st JOIN story s ON s.id = st.story_id "
              + "JOIN article a ON a.id = s.best_article_id WHERE st.topic = ? ORDER BY st.news_at DESC, s.id DESC LIMIT ?"
          : "SELECT " + ENTRY_COLUMNS + " FROM story s JOIN article a ON a.id = s.best_article_id "
              + "ORDER BY s.news_at DESC, s.id DESC LIMIT ?";
      try (PreparedStatement s = c.prepareStatement(sql)) {
        int i = 1;
        if (topic.isPresent()) {
          s.setString(i++, topic.get().code());
        }
        s.setInt(i, limit);
        return entries(c, s);
      }
    });
  }

  /** The latest stories on any of several topics, newest first, one entry per story. */
  public List<StoryEntry> latestOn(java.util.Collection<Topic> topics, int limit) {
    if (topics.isEmpty()) {
      return latest(Optional.empty(), limit);
    }
    return db.read(c -> {
      // Each topic's newest stories come from its index range; the union is merged by time.
      String perTopic = "SELECT * FROM (SELECT story_id, news_at FROM story_topic WHERE topic = ? "
          + "ORDER BY news_at DESC LIMIT ?)";
      String union = String.join(" UNION ALL ", java.util.Collections.nCopies(topics.size(), perTopic));
      String sql = "SELECT " + ENTRY_COLUMNS + " FROM (SELECT story_id, max(news_at) AS news_at FROM (" + union
          + ") GROUP BY story_id ORDER BY news_at DESC, story_id DESC LIMIT ?) m "
          + "JOIN story s ON s.id = m.story_id JOIN article a ON a.id = s.best_article_id "
          + "ORDER BY m.news_at DESC, s.id DESC";
      try (PreparedStatement s = c.prepareStatement(sql)) {
        int i = 1;
        for (Topic topic : topics) {
          s.setString(i++, topic.code());
          s.setInt(i++, limit);
        }
        s.setInt(i, limit);
        return entries(c, s);
      }
    });
  }

  /** A story a reader's digest may carry, with how much it is about the reader's topics. */
  public record Scored(StoryEntry story, double salience) {}

  /**
   * Stories for one reader's digest: first seen after {@code since}, on any of {@code topics}
   * (any story when there are none), never one already delivered to the chat; newest first, at
   * most {@code limit}, each with its salience for the reader (the summed weight of its matching
   * topics; the number of its sources when the reader follows everything).
   */
  public List<Scored> forDigest(long chatId, java.util.Collection<Topic> topics, Instant since, int limit) {
    return db.read(c -> {
      String notDelivered = "NOT EXISTS (SELECT 1 FROM delivery_item di WHERE di.chat_id = ? AND di.story_id = s.id)";
      String sql = topics.isEmpty()
          ? "SELECT s.id, s.sources FROM story s WHERE s.first_seen_at > ? AND " + notDelivered
              + " ORDER BY s.news_at DESC LIMIT ?"
          : "SELECT s.id, sum(st.score) FROM story_topic st JOIN story s ON s.id = st.story_id WHERE st.topic IN ("
              + String.join(",", java.util.Collections.nCopies(topics.size(), "?")) + ") AND s.first_seen_at > ? AND "
              + notDelivered + " GROUP BY s.id ORDER BY s.news_at DESC LIMIT ?";
      Map<Long, Double> salience = new LinkedHashMap<>();
      try (PreparedStatement s = c.prepareStatement(sql)) {
        int i = 1;
        for (Topic topic : topics) {
          s.setString(i++, topic.code());
        }
        s.setLong(i++, since.toEpochMilli());
        s.setLong(i++, chatId);
        s.setInt(i, limit);
        try (ResultSet rows = s.executeQuery()) {
          while (rows.next()) {
            salience.put(rows.getLong(1), rows.getDouble(2));
          }
        }
      }
      List<Scored> scored = new ArrayList<>();
      for (StoryEntry entry : stories(c, salience.keySet())) {
        scored.add(new Scored(entry, salience.get(entry.storyId())));
      }
      return scored;
    });
  }

  /** Stories by id, each with its best entry, in the order of the ids given; unknown ids left out. */
  public List<StoryEntry> stories(java.util.Collection<Long> storyIds) {
    return db.read(c -> stories(c, storyIds));
  }

  private List<StoryEntry> stories(Connection c, java.util.Collection<Long> storyIds) throws SQLException {
    if (storyIds.isEmpty()) {
      return List.of();
    }
    String ids = storyIds.stream().map(String::valueOf).collect(Collectors.joining(","));
    try (PreparedStatement s = c.prepareStatement("SELECT " + ENTRY_COLUMNS + " FROM story s "
        + "JOIN article a ON a.id = s.best_article_id WHERE s.id IN (" + ids + ")")) {
      Map<Long, StoryEntry> byId = new LinkedHashMap<>();
      entries(c, s).forEach(e -> byId.put(e.storyId(), e));
      return storyIds.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }
  }

  /**
   * Stories matching a full-text query over headline, lead and body, best matches first, recent
   * ones favoured; one entry per story. Words are matched as typed (prefixes with a trailing
   * {@code *}); the query syntax of FTS5 is not exposed.
   */
  public List<StoryEntry> search(String query, int limit) {
    String match = ftsQuery(query);
    if (match.isEmpty()) {
      return List.of();
    }
    return db.read(c -> {
      // Ranking every match of a common word costs time in proportion to the store; readers want
      // recent stories, so the newest articles are searched first and the rest only if they fall short.
      long newestId = newestArticleId(c);
      List<StoryEntry> recent = search(c, match, limit, newestId - RECENT_ARTICLES);
      return recent.size() >= limit || newestId <= RECENT_ARTICLES ? recent : search(c, match, limit, 0);
    });
  }

  private List<StoryEntry> search(Connection c, String match, int limit, long fromArticleId) throws SQLException {
    // bm25 is negative, better matches more negative; a year of age adds about one point. The
    // best few hundred matching articles are ranked, then grouped by story.
    String sql = "SELECT " + ENTRY_COLUMNS + " FROM ("
        + "  SELECT story_id, min(rank) AS rank FROM ("
        + "    SELECT a.story_id AS story_id, bm25(article_text, 10.0, 4.0, 1.0) "
        + "      + (? - a.news_at) / 31536000000.0 AS rank "
        + "    FROM article_text JOIN article a ON a.id = article_text.rowid "
        + "    WHERE article_text MATCH ? AND article_text.rowid > ? ORDER BY rank LIMIT 500) "
        + "  GROUP BY story_id ORDER BY rank LIMIT ?) m "
        + "JOIN story s ON s.id = m.story_id JOIN article a ON a.id = s.best_article_id ORDER BY m.rank";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, System.currentTimeMillis());
      s.setString(2, match);
      s.setLong(3, fromArticleId);
      s.setInt(4, limit);
      return entries(c, s);
    }
  }

  private static long newestArticleId(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT coalesce(max(id), 0) FROM article");
         ResultSet rows = s.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** A reader's words as an FTS5 query: each word quoted, all required; {@code word*} a prefix. */
  static String ftsQuery(String query) {
    List<String> terms = new ArrayList<>();
    for (String word : query.strip().split("\\s+")) {
      boolean prefix = word.endsWith("*");
      String bare = word.replaceAll("[\\p{Punct}&&[^'\\-]]", " ").strip();
      for (String part : bare.split("\\s+")) {
        if (!part.isEmpty()) {
          terms.add("\"" + part.replace("\"", "\"\"") + "\"" + (prefix ? "*" : ""));
        }
      }
    }
    return String.join(" ", terms);
  }

  /** Number of stored articles. */
  public long articleCount() {
    return db.read(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM article");
           ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    });
  }

  private List<StoryEntry> entries(Connection c, PreparedStatement s) throws SQLException {
    Map<Long, Object[]> rowsById = new LinkedHashMap<>();
    try (ResultSet rows = s.executeQuery()) {
      while (rows.next()) {
        rowsById.put(rows.getLong(1), new Object[] {rows.getLong(2), rows.getString(3), rows.getString(4),
            rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getInt(9),
            rows.getLong(10)});
      }
    }
    Map<Long, List<Topic>> topics = storyTopics(c, rowsById.keySet());
    List<StoryEntry> entries = new ArrayList<>();
    rowsById.forEach((storyId, r) -> entries.add(new StoryEntry(storyId, (Long) r[0], (String) r[1],
        published((String) r[2]), (String) r[3], (String) r[4], (String) r[5], (String) r[6], (Integer) r[7],
        Instant.ofEpochMilli((Long) r[8]), topics.getOrDefault(storyId, List.of()))));
    return entries;
  }

  private Map<Long, List<Topic>> storyTopics(Connection c, java.util.Set<Long> stories) throws SQLException {
    Map<Long, List<Topic>> topics = new LinkedHashMap<>();
    if (stories.isEmpty()) {
      return topics;
    }
    String ids = stories.stream().map(String::valueOf).collect(Collectors.joining(","));
    try (PreparedStatement s = c.prepareStatement("SELECT story_id, topic FROM story_topic WHERE story_id IN ("
        + ids + ") ORDER BY story_id, score DESC, topic");
         ResultSet rows = s.executeQuery()) {
      while (rows.next()) {
        Optional<Topic> topic = catalog.find(rows.getString(2));
        if (topic.isPresent()) {
          topics.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>()).add(topic.get());
        }
      }
    }
    return topics;
  }

  /** A stored ISO 8601 publication back as a {@link Published}. */
  static Optional<Published> published(String iso) {
    if (iso == null) {
      return Optional.empty();
    }
    try {
      if (iso.length() == 10) {
        return Optional.of(Published.on(LocalDate.parse(iso)));
      }
      if (WITH_OFFSET.matcher(iso).find()) {
        return Optional.of(Published.at(OffsetDateTime.parse(iso)));
      }
      return Optional.of(Published.at(LocalDateTime.parse(iso)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

}
