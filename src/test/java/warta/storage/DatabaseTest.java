package warta.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

  @TempDir
  Path dir;

  @Test
  void openCreatesTheFileAndItsFolderWithTheLatestSchema() throws Exception {
    Path file = dir.resolve("nested/warta.db");

    try (Database db = Database.open(file)) {
      int version = db.read(c -> Migrations.userVersion(c));
      assertEquals(Migrations.bundled().size(), version);
      assertEquals("wal", db.read(c -> text(c, "PRAGMA journal_mode")));
      assertEquals("1", db.read(c -> text(c, "PRAGMA foreign_keys")));
      assertEquals("1", db.read(c -> text(c, "PRAGMA synchronous")), "NORMAL");
    }
    assertThat(file).exists();
  }

  @Test
  void committedWritesSurviveReopening() {
    Path file = dir.resolve("warta.db");
    try (Database db = Database.open(file)) {
      db.write(c -> update(c, "INSERT INTO job_run (job, started_at) VALUES ('ingest', 42)"));
    }

    try (Database again = Database.open(file)) {
      assertEquals("ingest", again.read(c -> text(c, "SELECT job FROM job_run WHERE started_at = 42")));
    }
  }

  @Test
  void failedWriteIsRolledBackWhole() {
    try (Database db = Database.open(dir.resolve("warta.db"))) {
      assertThatThrownBy(() -> db.write(c -> {
        update(c, "INSERT INTO job_run (job, started_at) VALUES ('ingest', 1)");
        throw new IllegalStateException("crash in the middle");
      })).hasMessage("crash in the middle");

      assertEquals("0", db.read(c -> text(c, "SELECT count(*) FROM job_run")));
      db.write(c -> update(c, "INSERT INTO job_run (job, started_at) VALUES ('ingest', 2)"));
      assertEquals("1", db.read(c -> text(c, "SELECT count(*) FROM job_run")));
    }
  }

  @Test
  void failingMigrationLeavesTheDatabaseAsItWas() throws Exception {
    Path file = dir.resolve("warta.db");
    try (Database db = Database.open(file)) {
      db.write(c -> update(c, "INSERT INTO job_run (job, started_at) VALUES ('kept', 7)"));
    }
    int bundled = Migrations.bundled().size();
    List<Migrations.Script> withBroken = new java.util.ArrayList<>(Migrations.bundled());
    withBroken.add(new Migrations.Script(bundled + 1, "999-broken.sql",
        "CREATE TABLE half_done (x INTEGER); DROP TABLE job_run; INSERT INTO no_such_table VALUES (1);"));

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      assertThatThrownBy(() -> Migrations.apply(c, file, withBroken))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("migration 999-broken.sql failed")
          .hasMessageContaining("unchanged at version " + bundled);
    }

    try (Database db = Database.open(file)) {
      assertEquals("kept", db.read(c -> text(c, "SELECT job FROM job_run")));
      assertEquals("0", db.read(c -> text(c, "SELECT count(*) FROM sqlite_master WHERE name = 'half_done'")));
      assertEquals(bundled, (int) db.read(Migrations::userVersion));
    }
  }

  @Test
  void databaseFromANewerWartaIsRefused() throws Exception {
    Path file = dir.resolve("warta.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      s.executeUpdate("PRAGMA user_version = 999");
    }

    assertThatThrownBy(() -> Database.open(file))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("has schema version 999, newer than this Warta knows");
  }

  @Test
  void readersSeeCommittedDataWhileAWriteIsOpen() throws Exception {
    try (Database db = Database.open(dir.resolve("warta.db"))) {
      db.write(c -> update(c, "INSERT INTO job_run (job, started_at) VALUES ('before', 1)"));

      String seenDuringWrite = db.write(c -> {
        update(c, "INSERT INTO job_run (job, started_at) VALUES ('uncommitted', 2)");
        return db.read(r -> text(r, "SELECT group_concat(job) FROM job_run"));
      });

      assertEquals("before", seenDuringWrite);
    }
  }

  private static String text(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
      return rows.next() ? rows.getString(1) : null;
    }
  }

  private static int update(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      return s.executeUpdate(sql);
    }
  }
}
