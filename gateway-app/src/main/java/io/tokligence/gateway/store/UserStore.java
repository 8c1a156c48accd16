package io.tokligence.gateway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Users: created, listed, updated and soft-deleted (the row stays for the ledger's sake). */
public final class UserStore {

    private static final String COLUMNS = "id, uuid, email, role, display_name, status, created_at";

    private final ConnectionPool pool;
    private final Dialect dialect;
    private final Clock clock;

    UserStore(ConnectionPool pool, Dialect dialect, Clock clock) {
        this.pool = pool;
        this.dialect = dialect;
        this.clock = clock;
    }

    /**
     * Creates a user. The email is trimmed and lower-cased. A previously deleted user with the same email is
     * brought back (same id, so their ledger history stays theirs).
     *
     * @throws StoreException on an invalid email or role, or when an active user already has the email
     */
    public User create(String email, String role, String displayName) {
        String normalized = normalizeEmail(email);
        requireRole(role);
        String name = displayName == null ? "" : displayName.strip();
        return pool.transaction("creating user " + normalized, connection -> {
            Instant now = Instant.now(clock);
            Long deletedId = null;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, deleted_at FROM users WHERE email = ?")) {
                select.setString(1, normalized);
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        if (dialect.getInstant(rows, "deleted_at") == null) {
                            throw new StoreException("a user with email " + normalized + " already exists (id "
                                    + rows.getLong("id") + "); pick another email or update that user");
                        }
                        deletedId = rows.getLong("id");
                    }
                }
            }
            if (deletedId != null) {
                try (PreparedStatement revive = connection.prepareStatement("UPDATE users SET role = ?,"
                        + " display_name = ?, status = 'active', deleted_at = NULL, updated_at = ? WHERE id = ?")) {
                    revive.setString(1, role);
                    revive.setString(2, name);
                    dialect.setInstant(revive, 3, now);
                    revive.setLong(4, deletedId);
                    revive.executeUpdate();
                }
                return find(connection, "id = ?", deletedId).orElseThrow();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users (uuid, email, role,"
                    + " display_name, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'active', ?, ?)"
                    + " RETURNING id")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, normalized);
                insert.setString(3, role);
                insert.setString(4, name);
                dialect.setInstant(insert, 5, now);
                dialect.setInstant(insert, 6, now);
                try (ResultSet keys = insert.executeQuery()) {
                    keys.next();
                    return find(connection, "id = ?", keys.getLong(1)).orElseThrow();
                }
            }
        });
    }

    /** Users that are not deleted, oldest first. */
    public List<User> list() {
        return pool.call("listing users", connection -> {
            List<User> users = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM users WHERE deleted_at IS NULL ORDER BY id");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    users.add(map(rows));
                }
            }
            return users;
        });
    }

    public Optional<User> findById(long id) {
        return pool.call("looking up user " + id, connection -> find(connection, "id = ?", id));
    }

    public Optional<User> findByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        return pool.call("looking up user " + normalized, connection -> find(connection, "email = ?", normalized));
    }

    /**
     * Changes the given fields (null = keep).
     *
     * @throws StoreException for an unknown id or an invalid role or status
     */
    public User update(long id, String role, String displayName, String status) {
        if (role != null) {
            requireRole(role);
        }
        if (status != null && !User.STATUSES.contains(status)) {
            throw new StoreException("status must be one of " + String.join(", ", User.STATUSES.stream().sorted()
                    .toList()) + ", got '" + status + "'");
        }
        return pool.transaction("updating user " + id, connection -> {
            User current = find(connection, "id = ?", id).orElseThrow(() -> unknownUser(id));
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE users SET role = ?, display_name = ?, status = ?, updated_at = ? WHERE id = ?")) {
                update.setString(1, role != null ? role : current.role());
                update.setString(2, displayName != null ? displayName.strip() : current.displayName());
                update.setString(3, status != null ? status : current.status());
                dialect.setInstant(update, 4, Instant.now(clock));
                update.setLong(5, id);
                update.executeUpdate();
            }
            return find(connection, "id = ?", id).orElseThrow();
        });
    }

    /** Soft-deletes the user and revokes their keys. */
    public void delete(long id) {
        pool.transaction("deleting user " + id, connection -> {
            find(connection, "id = ?", id).orElseThrow(() -> unknownUser(id));
            Instant now = Instant.now(clock);
            try (PreparedStatement user = connection.prepareStatement(
                    "UPDATE users SET deleted_at = ?, updated_at = ? WHERE id = ?");
                 PreparedStatement keys = connection.prepareStatement("UPDATE api_keys SET revoked_at = ?,"
                         + " deleted_at = ?, updated_at = ? WHERE user_id = ? AND revoked_at IS NULL"
                         + " AND deleted_at IS NULL")) {
                dialect.setInstant(user, 1, now);
                dialect.setInstant(user, 2, now);
                user.setLong(3, id);
                user.executeUpdate();
                dialect.setInstant(keys, 1, now);
                dialect.setInstant(keys, 2, now);
                dialect.setInstant(keys, 3, now);
                keys.setLong(4, id);
                keys.executeUpdate();
            }
            return null;
        });
    }

    /** The root admin with this email: created when missing, promoted and reactivated when it exists. */
    public User ensureRootAdmin(String email) {
        Optional<User> existing = findByEmail(normalizeEmail(email));
        if (existing.isEmpty()) {
            return create(email, User.ROOT_ADMIN, "Root Admin");
        }
        User user = existing.get();
        if (user.role().equals(User.ROOT_ADMIN) && user.isActive()) {
            return user;
        }
        return update(user.id(), User.ROOT_ADMIN, null, User.ACTIVE);
    }

    static StoreException unknownUser(long id) {
        return new StoreException("no user with id " + id + " (list them with `gateway user list`)");
    }

    Optional<User> find(Connection connection, String condition, Object value) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM users WHERE " + condition + " AND deleted_at IS NULL")) {
            select.setObject(1, value);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(map(rows)) : Optional.empty();
            }
        }
    }

    User map(ResultSet rows) throws SQLException {
        String displayName = rows.getString("display_name");
        return new User(rows.getLong("id"), rows.getString("uuid"), rows.getString("email"), rows.getString("role"),
                displayName == null ? "" : displayName, rows.getString("status"),
                dialect.getInstant(rows, "created_at"));
    }

    private static String normalizeEmail(String email) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        int at = normalized.indexOf('@');
        if (at <= 0 || at == normalized.length() - 1 || normalized.chars().anyMatch(Character::isWhitespace)) {
            throw new StoreException("email must look like name@example.com, got '" + (email == null ? "" : email)
                    + "'");
        }
        return normalized;
    }

    private static void requireRole(String role) {
        if (role == null || !User.ROLES.contains(role)) {
            throw new StoreException("role must be one of gateway_user, gateway_admin, root_admin, got '" + role
                    + "'");
        }
    }
}
