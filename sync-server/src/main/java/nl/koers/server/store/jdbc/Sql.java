package nl.koers.server.store.jdbc;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Small helpers over a connection: statements prepared once per connection, parameters bound in
 * order, rows mapped by a function. Before every statement it tells its {@link Listener}, so
 * that work held back by the transaction (batched writes) goes out first.
 */
final class Sql {

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Told before each statement runs; batches ({@link #batch}) are not announced. */
    interface Listener {

        void beforeQuery();

        void beforeUpdate(String sql);
    }

    private final PooledConnection connection;
    private final Listener listener;

    Sql(PooledConnection connection, Listener listener) {
        this.connection = connection;
        this.listener = listener;
    }

    <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
        listener.beforeQuery();
        try {
            PreparedStatement statement = prepare(sql, params);
            try (ResultSet rs = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new SqlRuntimeException(e);
        }
    }

    <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = list(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    int update(String sql, Object... params) {
        listener.beforeUpdate(sql);
        try {
            return prepare(sql, params).executeUpdate();
        } catch (SQLException e) {
            throw new SqlRuntimeException(e);
        }
    }

    /** Runs one statement for each row of parameters as one JDBC batch. */
    void batch(String sql, List<Object[]> rows) {
        try {
            PreparedStatement statement = connection.prepared(sql);
            try {
                for (Object[] params : rows) {
                    bind(statement, params);
                    statement.addBatch();
                }
                statement.executeBatch();
            } finally {
                statement.clearBatch();
            }
        } catch (SQLException e) {
            throw new SqlRuntimeException(e);
        }
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepared(sql);
        bind(statement, params);
        return statement;
    }

    private static void bind(PreparedStatement statement, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            switch (p) {
                case null -> statement.setNull(i + 1, Types.NULL);
                case UUID id -> statement.setString(i + 1, id.toString());
                case Boolean b -> statement.setInt(i + 1, b ? 1 : 0);
                case Long l -> statement.setLong(i + 1, l);
                case Integer n -> statement.setInt(i + 1, n);
                case String s -> statement.setString(i + 1, s);
                case Array array -> statement.setArray(i + 1, array);
                default -> throw new IllegalArgumentException("unsupported SQL parameter type " + p.getClass());
            }
        }
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : UUID.fromString(value);
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** Carries an {@link SQLException} out of the store's functional work; unwrapped by the store. */
    static final class SqlRuntimeException extends RuntimeException {

        SqlRuntimeException(SQLException cause) {
            super(cause);
        }

        SQLException sqlCause() {
            return (SQLException) getCause();
        }
    }
}
