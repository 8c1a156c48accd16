package io.tokligence.gateway.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The token ledger: one row per request, queried by date, user and model. */
public final class LedgerStore {

    private static final String ENTRY_COLUMNS = "e.id, e.uuid, e.user_id, u.email, e.api_key_id, e.model,"
            + " e.prompt_tokens, e.completion_tokens, e.cost, e.status, e.latency_ms, e.direction, e.memo,"
            + " e.created_at";
    private static final String FROM = " FROM usage_entries e LEFT JOIN users u ON u.id = e.user_id";

    private final ConnectionPool pool;
    private final Dialect dialect;
    private final Clock clock;

    LedgerStore(ConnectionPool pool, Dialect dialect, Clock clock) {
        this.pool = pool;
        this.dialect = dialect;
        this.clock = clock;
    }

    /** Records a request (direction {@code consume}). */
    public UsageEntry record(UsageRecord r) {
        return pool.call("recording usage for user " + r.userId(), connection -> {
            long id;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO usage_entries (uuid, user_id,"
                    + " api_key_id, prompt_tokens, completion_tokens, direction, memo, created_at, model, cost,"
                    + " status, latency_ms) VALUES (?, ?, ?, ?, ?, 'consume', ?, ?, ?, ?, ?, ?) RETURNING id")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setLong(2, r.userId());
                if (r.apiKeyId() == null) {
                    insert.setNull(3, Types.BIGINT);
                } else {
                    insert.setLong(3, r.apiKeyId());
                }
                insert.setLong(4, r.promptTokens());
                insert.setLong(5, r.completionTokens());
                insert.setString(6, r.memo() == null ? "" : r.memo());
                dialect.setInstant(insert, 7, Instant.now(clock));
                insert.setString(8, r.model() == null ? "" : r.model());
                insert.setBigDecimal(9, scaled(r.cost()));
                insert.setInt(10, r.status());
                insert.setLong(11, r.latencyMs());
                try (ResultSet keys = insert.executeQuery()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            return entry(connection, id);
        });
    }

    /** Matching entries, newest first, paged by the query's limit and offset. */
    public List<UsageEntry> entries(LedgerQuery q) {
        return pool.call("reading the ledger", connection -> {
            Filter filter = Filter.of(q);
            String sql = "SELECT " + ENTRY_COLUMNS + FROM + filter.where
                    + " ORDER BY e.created_at DESC, e.id DESC LIMIT ? OFFSET ?";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int next = filter.bind(select, dialect);
                select.setLong(next, q.limit() > 0 ? q.limit() : Long.MAX_VALUE);
                select.setLong(next + 1, q.offset());
                List<UsageEntry> entries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(map(rows));
                    }
                }
                return entries;
            }
        });
    }

    /** How many entries match, ignoring limit and offset. */
    public long count(LedgerQuery q) {
        return pool.call("counting ledger entries", connection -> {
            Filter filter = Filter.of(q);
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*)" + FROM + filter.where)) {
                filter.bind(select, dialect);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    /** Totals per user and model (limit and offset ignored), ordered by email then model. */
    public List<UsageSummaryRow> summary(LedgerQuery q) {
        return pool.call("summarising the ledger", connection -> {
            Filter filter = Filter.of(q);
            String sql = "SELECT e.user_id, u.email, COALESCE(e.model, '') AS model_name, COUNT(*) AS requests,"
                    + " SUM(e.prompt_tokens) AS prompt, SUM(e.completion_tokens) AS completion,"
                    + " SUM(e.cost) AS total_cost" + FROM + filter.where
                    + " GROUP BY e.user_id, u.email, COALESCE(e.model, '') ORDER BY u.email, model_name";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                filter.bind(select, dialect);
                List<UsageSummaryRow> rows = new ArrayList<>();
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        rows.add(new UsageSummaryRow(result.getLong("user_id"), emailOf(result),
                                result.getString("model_name"), result.getLong("requests"), result.getLong("prompt"),
                                result.getLong("completion"), decimal(result, "total_cost")));
                    }
                }
                return rows;
            }
        });
    }

    private UsageEntry entry(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + ENTRY_COLUMNS + FROM + " WHERE e.id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return map(rows);
            }
        }
    }

    private UsageEntry map(ResultSet rows) throws SQLException {
        long apiKeyId = rows.getLong("api_key_id");
        Long keyId = rows.wasNull() ? null : apiKeyId;
        String model = rows.getString("model");
        String memo = rows.getString("memo");
        return new UsageEntry(rows.getLong("id"), rows.getString("uuid"), rows.getLong("user_id"), emailOf(rows),
                keyId, model == null ? "" : model, rows.getInt("prompt_tokens"), rows.getInt("completion_tokens"),
                decimal(rows, "cost"), rows.getInt("status"), rows.getLong("latency_ms"), rows.getString("direction"),
                memo == null ? "" : memo, dialect.getInstant(rows, "created_at"));
    }

    private static String emailOf(ResultSet rows) throws SQLException {
        String email = rows.getString("email");
        return email == null ? "" : email;
    }

    /** Read as text: SQLite's NUMERIC comes back as REAL, and the ledger shows six decimals either way. */
    private static BigDecimal decimal(ResultSet rows, String column) throws SQLException {
        String text = rows.getString(column);
        return scaled(text == null ? null : new BigDecimal(text.strip()));
    }

    private static BigDecimal scaled(BigDecimal value) {
        return (value == null ? BigDecimal.ZERO : value).setScale(Pricing.SCALE, RoundingMode.HALF_UP);
    }

    /** The WHERE clause shared by entries, count and summary. */
    private record Filter(String where, LedgerQuery query) {

        static Filter of(LedgerQuery q) {
            List<String> conditions = new ArrayList<>();
            if (q.from() != null) {
                conditions.add("e.created_at >= ?");
            }
            if (q.to() != null) {
                conditions.add("e.created_at < ?");
            }
            if (q.userId() != null) {
                conditions.add("e.user_id = ?");
            }
            if (q.model() != null && !q.model().isBlank()) {
                conditions.add("e.model = ?");
            }
            return new Filter(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), q);
        }

        /** Binds the parameters and returns the next free index. */
        int bind(PreparedStatement statement, Dialect dialect) throws SQLException {
            int index = 1;
            if (query.from() != null) {
                dialect.setInstant(statement, index++, query.from());
            }
            if (query.to() != null) {
                dialect.setInstant(statement, index++, query.to());
            }
            if (query.userId() != null) {
                statement.setLong(index++, query.userId());
            }
            if (query.model() != null && !query.model().isBlank()) {
                statement.setString(index++, query.model().strip());
            }
            return index;
        }
    }
}
