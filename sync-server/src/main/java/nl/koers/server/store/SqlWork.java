package nl.koers.server.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Read-only SQL run by a module that owns its own queries (the report engine) on a connection the
 * store lends it inside one snapshot. The queries must be portable over the store's dialects.
 *
 * @param <T> what the work produces
 */
@FunctionalInterface
public interface SqlWork<T> {

    T apply(Connection connection) throws SQLException;
}
