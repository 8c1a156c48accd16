package io.tokligence.gateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** API keys: only the SHA-256 of a token is stored, so a token is shown once, when it is issued. */
public final class ApiKeyStore {

    private static final String COLUMNS =
            "id, uuid, user_id, key_prefix, scopes, created_at, expires_at, revoked_at, deleted_at";

    private final ConnectionPool pool;
    private final Dialect dialect;
    private final Clock clock;
    private final UserStore users;

    ApiKeyStore(ConnectionPool pool, Dialect dialect, Clock clock, UserStore users) {
        this.pool = pool;
        this.dialect = dialect;
        this.clock = clock;
        this.users = users;
    }

    /**
     * Issues a key for an existing user.
     *
     * @param scopes    free text kept with the key (null = none)
     * @param expiresAt null = never expires
     * @throws StoreException for an unknown or deleted user
     */
    public IssuedKey create(long userId, String scopes, Instant expiresAt) {
        return pool.transaction("creating an API key for user " + userId,
                connection -> insert(connection, userId, scopes, expiresAt));
    }

    /** Revokes the key and issues a new one for the same user and scopes, with the same lifetime. */
    public IssuedKey rotate(long keyId) {
        return pool.transaction("rotating API key " + keyId, connection -> {
            ApiKey old = find(connection, keyId).orElseThrow(() -> unknownKey(keyId));
            if (old.revokedAt() != null) {
                throw new StoreException("API key " + keyId + " is revoked and cannot be rotated; create a new key "
                        + "with `gateway key create --user EMAIL`");
            }
            Instant now = Instant.now(clock);
            markRevoked(connection, keyId, now);
            Instant expiresAt = old.expiresAt() == null ? null
                    : now.plus(Duration.between(old.createdAt(), old.expiresAt()));
            return insert(connection, old.userId(), old.scopes(), expiresAt);
        });
    }

    /** Revokes a key; revoking a revoked key is allowed and changes nothing. */
    public void revoke(long keyId) {
        pool.transaction("revoking API key " + keyId, connection -> {
            ApiKey key = find(connection, keyId).orElseThrow(() -> unknownKey(keyId));
            if (key.revokedAt() == null) {
                markRevoked(connection, keyId, Instant.now(clock));
            }
            return null;
        });
    }

    /** Every key, revoked ones included, oldest first; {@code userId} null means all users. */
    public List<ApiKey> list(Long userId) {
        return pool.call("listing API keys", connection -> {
            String sql = "SELECT " + COLUMNS + " FROM api_keys" + (userId == null ? "" : " WHERE user_id = ?")
                    + " ORDER BY id";
            List<ApiKey> keys = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                if (userId != null) {
                    select.setLong(1, userId);
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        keys.add(map(rows));
                    }
                }
            }
            return keys;
        });
    }

    public Optional<ApiKey> findById(long keyId) {
        return pool.call("looking up API key " + keyId, connection -> find(connection, keyId));
    }

    /** The key's owner when the token is an active key of an active, undeleted user; empty otherwise. */
    public Optional<Principal> authenticate(String token) {
        if (token == null || !token.startsWith(ApiTokens.TOKEN_PREFIX)) {
            return Optional.empty();
        }
        String hash = ApiTokens.hash(token.strip());
        return pool.call("authenticating an API key", connection -> {
            ApiKey key;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = ?")) {
                select.setString(1, hash);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    key = map(rows);
                }
            }
            if (!key.isActive(Instant.now(clock))) {
                return Optional.empty();
            }
            return users.find(connection, "id = ?", key.userId())
                    .filter(User::isActive)
                    .map(user -> new Principal(user, key));
        });
    }

    private IssuedKey insert(Connection connection, long userId, String scopes, Instant expiresAt)
            throws SQLException {
        users.find(connection, "id = ?", userId).orElseThrow(() -> UserStore.unknownUser(userId));
        String token = ApiTokens.generate();
        Instant now = Instant.now(clock);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO api_keys (uuid, user_id, key_hash,"
                + " key_prefix, scopes, expires_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                + " RETURNING id")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setLong(2, userId);
            insert.setString(3, ApiTokens.hash(token));
            insert.setString(4, ApiTokens.prefix(token));
            insert.setString(5, scopes == null ? "" : scopes);
            dialect.setInstant(insert, 6, expiresAt);
            dialect.setInstant(insert, 7, now);
            dialect.setInstant(insert, 8, now);
            try (ResultSet keys = insert.executeQuery()) {
                keys.next();
                return new IssuedKey(find(connection, keys.getLong(1)).orElseThrow(), token);
            }
        }
    }

    /** Sets deleted_at too: the Go gateway treats a key as gone when deleted_at is set. */
    private void markRevoked(Connection connection, long keyId, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE api_keys SET revoked_at = ?, deleted_at = ?, updated_at = ? WHERE id = ?")) {
            dialect.setInstant(update, 1, now);
            dialect.setInstant(update, 2, now);
            dialect.setInstant(update, 3, now);
            update.setLong(4, keyId);
            update.executeUpdate();
        }
    }

    private Optional<ApiKey> find(Connection connection, long keyId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM api_keys WHERE id = ?")) {
            select.setLong(1, keyId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(map(rows)) : Optional.empty();
            }
        }
    }

    /** A key the Go gateway deleted (deleted_at, no revoked_at) counts as revoked at that time. */
    private ApiKey map(ResultSet rows) throws SQLException {
        Instant revokedAt = dialect.getInstant(rows, "revoked_at");
        if (revokedAt == null) {
            revokedAt = dialect.getInstant(rows, "deleted_at");
        }
        String scopes = rows.getString("scopes");
        return new ApiKey(rows.getLong("id"), rows.getString("uuid"), rows.getLong("user_id"),
                rows.getString("key_prefix"), scopes == null ? "" : scopes, dialect.getInstant(rows, "created_at"),
                dialect.getInstant(rows, "expires_at"), revokedAt);
    }

    private static StoreException unknownKey(long keyId) {
        return new StoreException("no API key with id " + keyId + " (list them with `gateway key list`)");
    }
}
