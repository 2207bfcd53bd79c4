package warta.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import warta.storage.Database;

/** What ingestion knows of every stored file it has looked at: size, time, hash, and its article or why none. */
final class FileIndex {

  /** One file as last seen. */
  record Entry(String path, long size, long modifiedAt, String contentHash, Optional<Long> articleId,
               Optional<String> rejected) {}

  private final Database db;

  FileIndex(Database db) {
    this.db = db;
  }

  /** Every known file by path, read once at the start of a scan. */
  Map<String, Entry> all() {
    return db.read(c -> {
      Map<String, Entry> entries = new HashMap<>();
      try (PreparedStatement s = c.prepareStatement(
          "SELECT path, size, modified_at, content_hash, article_id, rejected FROM stored_file");
           ResultSet rows = s.executeQuery()) {
        while (rows.next()) {
          long article = rows.getLong(5);
          Optional<Long> articleId = rows.wasNull() ? Optional.empty() : Optional.of(article);
          entries.put(rows.getString(1), new Entry(rows.getString(1), rows.getLong(2), rows.getLong(3),
              rows.getString(4), articleId, Optional.ofNullable(rows.getString(6))));
        }
      }
      return entries;
    });
  }

  /** Records a file as seen now, inside the caller's write transaction. */
  void record(Connection c, Entry entry, Instant checkedAt) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO stored_file "
        + "(path, size, modified_at, content_hash, article_id, rejected, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
        + "ON CONFLICT (path) DO UPDATE SET size = excluded.size, modified_at = excluded.modified_at, "
        + "content_hash = excluded.content_hash, article_id = excluded.article_id, rejected = excluded.rejected, "
        + "checked_at = excluded.checked_at")) {
      s.setString(1, entry.path());
      s.setLong(2, entry.size());
      s.setLong(3, entry.modifiedAt());
      s.setString(4, entry.contentHash());
      if (entry.articleId().isPresent()) {
        s.setLong(5, entry.articleId().get());
      } else {
        s.setNull(5, java.sql.Types.INTEGER);
      }
      s.setString(6, entry.rejected().orElse(null));
      s.setLong(7, checkedAt.toEpochMilli());
      s.executeUpdate();
    }
  }
}
