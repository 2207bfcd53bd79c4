package warta.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date: the scripts listed in {@code db/migrations.txt}, named
 * {@code NNN-what.sql}, run in order from {@code PRAGMA user_version + 1}, each in its own
 * transaction together with the version bump, so a failing script leaves the database as it was.
 */
final class Migrations {

  private static final Logger log = LoggerFactory.getLogger(Migrations.class);
  private static final String INDEX = "/db/migrations.txt";
  private static final Pattern NAME = Pattern.compile("(\\d{3})-[a-z0-9-]+\\.sql");

  private Migrations() {}

  /** A script and the schema version it brings the database to. */
  record Script(int version, String name, String sql) {}

  static void apply(Connection connection, Path file) throws SQLException {
    apply(connection, file, bundled());
  }

  static void apply(Connection connection, Path file, List<Script> scripts) throws SQLException {
    int current = userVersion(connection);
    int latest = scripts.isEmpty() ? 0 : scripts.get(scripts.size() - 1).version();
    if (current > latest) {
      throw new StorageException(file + " has schema version " + current + ", newer than this Warta knows ("
          + latest + "): use a newer Warta or restore an older database");
    }
    for (Script script : scripts) {
      if (script.version() <= current) {
        continue;
      }
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate(script.sql());
        statement.executeUpdate("PRAGMA user_version = " + script.version());
        connection.commit();
        log.info("Database {}: applied {}", file.getFileName(), script.name());
      } catch (SQLException e) {
        connection.rollback();
        throw new StorageException("migration " + script.name() + " failed on " + file
            + " (the database is unchanged at version " + userVersion(connection) + "): " + e.getMessage(), e);
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  static int userVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
      return rows.next() ? rows.getInt(1) : 0;
    }
  }

  /** The scripts bundled with Warta, in version order. */
  static List<Script> bundled() {
    List<Script> scripts = new ArrayList<>();
    for (String name : resource(INDEX).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
      Matcher m = NAME.matcher(name);
      if (!m.matches()) {
        throw new StorageException(INDEX + ": " + name + " is not named NNN-what.sql");
      }
      int version = Integer.parseInt(m.group(1));
      if (version != scripts.size() + 1) {
        throw new StorageException(INDEX + ": " + name + " should be version " + (scripts.size() + 1));
      }
      scripts.add(new Script(version, name, resource("/db/" + name)));
    }
    return scripts;
  }

  private static String resource(String path) {
    try (InputStream in = Migrations.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new StorageException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StorageException("cannot read resource " + path, e);
    }
  }
}
