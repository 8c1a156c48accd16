package io.tokligence.gateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The few places SQLite and PostgreSQL differ: DDL types, how timestamps are stored, migration locking. */
enum Dialect {

    SQLITE("sqlite", "INTEGER PRIMARY KEY AUTOINCREMENT", "INTEGER", "TEXT", "NUMERIC") {
        // Fixed-width UTC text sorts chronologically, so date filters can compare strings; it is also what the
        // Go gateway's driver writes, so databases move between the two.
        private static final DateTimeFormatter FORMAT =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

        @Override
        void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
            if (instant == null) {
                statement.setNull(index, Types.VARCHAR);
            } else {
                statement.setString(index, FORMAT.format(instant));
            }
        }

        @Override
        Instant getInstant(ResultSet rows, String column) throws SQLException {
            String text = rows.getString(column);
            if (text == null || text.isBlank()) {
                return null;
            }
            String iso = text.strip().replace(' ', 'T');
            try {
                return OffsetDateTime.parse(iso).toInstant();
            } catch (DateTimeParseException withoutOffset) {
                try {
                    return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notIso) {
                    throw new StoreException("column " + column + " holds '" + text
                            + "', which is not a timestamp this gateway can read");
                }
            }
        }

        @Override
        void lockForMigration(Connection connection) {
            // The connection runs in IMMEDIATE transaction mode: the migration transaction holds the write lock.
        }
    },

    POSTGRESQL("postgresql", "BIGSERIAL PRIMARY KEY", "BIGINT", "TIMESTAMPTZ", "NUMERIC(20,6)") {
        @Override
        void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
            if (instant == null) {
                statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            }
        }

        @Override
        Instant getInstant(ResultSet rows, String column) throws SQLException {
            OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }

        @Override
        void lockForMigration(Connection connection) throws SQLException {
            // Several gatewayd instances may start together against one database; one migrates, the others wait.
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(7468656761746577)");
            }
        }
    };

    private final String kind;
    final String idColumn;
    final String bigint;
    final String timestamp;
    final String decimal;

    Dialect(String kind, String idColumn, String bigint, String timestamp, String decimal) {
        this.kind = kind;
        this.idColumn = idColumn;
        this.bigint = bigint;
        this.timestamp = timestamp;
        this.decimal = decimal;
    }

    String kind() {
        return kind;
    }

    abstract void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException;

    abstract Instant getInstant(ResultSet rows, String column) throws SQLException;

    abstract void lockForMigration(Connection connection) throws SQLException;

    /** Replaces {@code {id} {bigint} {timestamp} {decimal}} in portable DDL. */
    String ddl(String template) {
        return template.replace("{id}", idColumn).replace("{bigint}", bigint)
                .replace("{timestamp}", timestamp).replace("{decimal}", decimal);
    }
}
