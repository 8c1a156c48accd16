package io.tokligence.gateway.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A fixed set of connections shared by the daemon's request threads. SQLite gets one (it has one writer anyway,
 * and one connection avoids lock contention between our own threads); PostgreSQL gets a few.
 */
final class ConnectionPool implements AutoCloseable {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DatabaseTarget target;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();
    private volatile boolean closed;

    ConnectionPool(DatabaseTarget target, int size) {
        this.target = target;
        this.idle = new ArrayBlockingQueue<>(size);
        try {
            for (int i = 0; i < size; i++) {
                Connection connection = connect();
                all.add(connection);
                idle.add(connection);
            }
        } catch (SQLException e) {
            close();
            throw new StoreException("cannot open the database " + DatabaseTarget.redact(target.jdbcUrl()) + ": "
                    + e.getMessage() + " (check ledger_path, the server and its credentials)", e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(target.jdbcUrl(), target.properties());
    }

    /** Runs work on a connection in auto-commit mode. */
    <T> T call(String what, Work<T> work) {
        Connection connection = take();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw translate(what, e);
        } finally {
            idle.add(connection);
        }
    }

    /** Runs work in one transaction, rolled back when it throws. */
    <T> T transaction(String what, Work<T> work) {
        return call(what, connection -> {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }

    private Connection take() {
        if (closed) {
            throw new IllegalStateException("the database is closed");
        }
        Connection connection;
        try {
            connection = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a database connection", e);
        }
        return replaceIfBroken(connection);
    }

    /** A PostgreSQL server restart breaks pooled connections; reconnect instead of failing every later call. */
    private Connection replaceIfBroken(Connection connection) {
        try {
            if (target.dialect() == Dialect.POSTGRESQL && !connection.isValid(2)) {
                Connection fresh = connect();
                synchronized (all) {
                    all.remove(connection);
                    all.add(fresh);
                }
                closeQuietly(connection);
                return fresh;
            }
            return connection;
        } catch (SQLException e) {
            idle.add(connection);
            throw new DatabaseException("cannot reconnect to " + DatabaseTarget.redact(target.jdbcUrl()), e);
        }
    }

    private static RuntimeException translate(String what, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (state.equals("23505") || message.contains("UNIQUE constraint failed")) {
            return new StoreException(what + " failed: that value is already taken", e);
        }
        if (state.equals("23503") || message.contains("FOREIGN KEY constraint failed")) {
            return new StoreException(what + " failed: it refers to a user or key that does not exist", e);
        }
        return new DatabaseException(what + " failed", e);
    }

    @Override
    public void close() {
        closed = true;
        synchronized (all) {
            all.forEach(ConnectionPool::closeQuietly);
            all.clear();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing on shutdown: nothing useful to do with a failure here.
        }
    }
}
