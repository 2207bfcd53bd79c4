package warta.storage;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on one connection: inside a write transaction or on an autocommit reader. */
@FunctionalInterface
public interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
