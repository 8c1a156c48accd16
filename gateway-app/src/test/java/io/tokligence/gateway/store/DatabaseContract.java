package io.tokligence.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same behaviour on every database kind; subclasses say how to open a fresh, empty database. */
abstract class DatabaseContract {

    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    final MutableClock clock = new MutableClock(START);
    Database db;

    /** A fresh, empty database's ledger_path. */
    abstract String freshLedgerPath() throws Exception;

    abstract String expectedKind();

    @BeforeEach
    void openDatabase() throws Exception {
        db = Database.open(freshLedgerPath(), clock);
    }

    @AfterEach
    void closeDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void reportsItsKind() {
        assertThat(db.kind()).isEqualTo(expectedKind());
    }

    @Test
    void createsListsUpdatesAndDeletesUsers() {
        User ada = db.users().create("  Ada@Example.COM ", User.GATEWAY_ADMIN, "Ada");
        User bob = db.users().create("bob@example.com", User.GATEWAY_USER, null);

        assertThat(ada.email()).isEqualTo("ada@example.com");
        assertThat(ada.uuid()).hasSize(36);
        assertThat(ada.status()).isEqualTo(User.ACTIVE);
        assertThat(ada.createdAt()).isEqualTo(START);
        assertThat(ada.isAdmin()).isTrue();
        assertThat(bob.isAdmin()).isFalse();
        assertThat(bob.displayName()).isEmpty();
        assertThat(db.users().list()).containsExactly(ada, bob);
        assertThat(db.users().findByEmail("ADA@example.com")).contains(ada);
        assertThat(db.users().findById(bob.id())).contains(bob);

        User updated = db.users().update(bob.id(), User.GATEWAY_ADMIN, "Bob", User.INACTIVE);
        assertThat(updated).extracting(User::role, User::displayName, User::status)
                .containsExactly(User.GATEWAY_ADMIN, "Bob", User.INACTIVE);
        assertThat(db.users().update(bob.id(), null, null, null)).isEqualTo(updated);

        db.users().delete(bob.id());
        assertThat(db.users().list()).containsExactly(ada);
        assertThat(db.users().findById(bob.id())).isEmpty();
    }

    @Test
    void rejectsDuplicateEmailsBadEmailsAndBadRoles() {
        db.users().create("ada@example.com", User.GATEWAY_USER, "Ada");

        assertThatThrownBy(() -> db.users().create("ADA@example.com", User.GATEWAY_USER, "Again"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("a user with email ada@example.com already exists");
        assertThatThrownBy(() -> db.users().create("not-an-email", User.GATEWAY_USER, "x"))
                .isInstanceOf(StoreException.class)
                .hasMessage("email must look like name@example.com, got 'not-an-email'");
        assertThatThrownBy(() -> db.users().create("c@example.com", "superuser", "x"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("role must be one of");
        assertThatThrownBy(() -> db.users().update(999, null, null, "gone"))
                .isInstanceOf(StoreException.class).hasMessageContaining("status must be one of");
        assertThatThrownBy(() -> db.users().update(999, null, "x", null))
                .isInstanceOf(StoreException.class).hasMessageStartingWith("no user with id 999");
        assertThatThrownBy(() -> db.users().delete(999)).isInstanceOf(StoreException.class);
    }

    @Test
    void deletedUserCanBeAddedAgainKeepingTheirId() {
        User ada = db.users().create("ada@example.com", User.GATEWAY_USER, "Ada");
        db.users().delete(ada.id());

        User again = db.users().create("ada@example.com", User.GATEWAY_ADMIN, "Ada II");

        assertThat(again.id()).isEqualTo(ada.id());
        assertThat(again.role()).isEqualTo(User.GATEWAY_ADMIN);
        assertThat(db.users().list()).containsExactly(again);
    }

    @Test
    void ensureRootAdminCreatesOrPromotes() {
        User root = db.users().ensureRootAdmin("admin@localhost");
        assertThat(root.role()).isEqualTo(User.ROOT_ADMIN);
        assertThat(db.users().ensureRootAdmin("admin@localhost")).isEqualTo(root);

        User bob = db.users().create("bob@example.com", User.GATEWAY_USER, "Bob");
        db.users().update(bob.id(), null, null, User.INACTIVE);
        User promoted = db.users().ensureRootAdmin("bob@example.com");
        assertThat(promoted.id()).isEqualTo(bob.id());
        assertThat(promoted.role()).isEqualTo(User.ROOT_ADMIN);
        assertThat(promoted.isActive()).isTrue();
    }

    @Test
    void issuedKeysAuthenticateByTokenOnly() {
        User ada = db.users().create("ada@example.com", User.GATEWAY_USER, "Ada");

        IssuedKey issued = db.apiKeys().create(ada.id(), "chat", null);

        assertThat(issued.token()).matches("tok_[A-Za-z0-9_-]{43}");
        assertThat(issued.apiKey().prefix()).isEqualTo(issued.token().substring(0, 12));
        assertThat(issued.apiKey().scopes()).isEqualTo("chat");
        assertThat(issued.apiKey().isActive(START)).isTrue();
        assertThat(issued.apiKey().status()).isEqualTo("active");
        assertThat(issued.toString()).doesNotContain(issued.token());
        Principal principal = db.apiKeys().authenticate(issued.token()).orElseThrow();
        assertThat(principal.user()).isEqualTo(ada);
        assertThat(principal.apiKey()).isEqualTo(issued.apiKey());
        assertThat(db.apiKeys().authenticate(issued.token() + "x")).isEmpty();
        assertThat(db.apiKeys().authenticate("sk-" + issued.token())).isEmpty();
        assertThat(db.apiKeys().authenticate(null)).isEmpty();
        assertThat(db.apiKeys().findById(issued.apiKey().id())).contains(issued.apiKey());
    }

    @Test
    void revokedExpiredAndInactiveUsersKeysDoNotAuthenticate() {
        User ada = db.users().create("ada@example.com", User.GATEWAY_USER, "Ada");
        User bob = db.users().create("bob@example.com", User.GATEWAY_USER, "Bob");
        IssuedKey revoked = db.apiKeys().create(ada.id(), null, null);
        IssuedKey expiring = db.apiKeys().create(ada.id(), null, START.plus(Duration.ofDays(1)));
        IssuedKey bobs = db.apiKeys().create(bob.id(), null, null);

        db.apiKeys().revoke(revoked.apiKey().id());
        db.apiKeys().revoke(revoked.apiKey().id());
        assertThat(db.apiKeys().authenticate(revoked.token())).isEmpty();
        ApiKey revokedKey = db.apiKeys().findById(revoked.apiKey().id()).orElseThrow();
        assertThat(revokedKey.revokedAt()).isEqualTo(START);
        assertThat(revokedKey.status()).isEqualTo("revoked");

        assertThat(db.apiKeys().authenticate(expiring.token())).isPresent();
        clock.advance(Duration.ofDays(2));
        assertThat(db.apiKeys().authenticate(expiring.token())).isEmpty();

        assertThat(db.apiKeys().authenticate(bobs.token())).isPresent();
        db.users().update(bob.id(), null, null, User.INACTIVE);
        assertThat(db.apiKeys().authenticate(bobs.token())).isEmpty();
        db.users().update(bob.id(), null, null, User.ACTIVE);
        assertThat(db.apiKeys().authenticate(bobs.token())).isPresent();
        db.users().delete(bob.id());
        assertThat(db.apiKeys().authenticate(bobs.token())).isEmpty();
        assertThat(db.apiKeys().findById(bobs.apiKey().id()).orElseThrow().revokedAt()).isNotNull();
    }

    @Test
    void rotationRevokesTheOldKeyAndKeepsUserScopesAndLifetime() {
        User ada = db.users().create("ada@example.com", User.GATEWAY_USER, "Ada");
        IssuedKey old = db.apiKeys().create(ada.id(), "chat,admin", START.plus(Duration.ofDays(30)));
        clock.advance(Duration.ofDays(10));

        IssuedKey rotated = db.apiKeys().rotate(old.apiKey().id());

        assertThat(rotated.token()).isNotEqualTo(old.token());
        assertThat(rotated.apiKey().userId()).isEqualTo(ada.id());
        assertThat(rotated.apiKey().scopes()).isEqualTo("chat,admin");
        assertThat(rotated.apiKey().expiresAt()).isEqualTo(START.plus(Duration.ofDays(40)));
        assertThat(db.apiKeys().authenticate(old.token())).isEmpty();
        assertThat(db.apiKeys().authenticate(rotated.token())).isPresent();
        assertThatThrownBy(() -> db.apiKeys().rotate(old.apiKey().id()))
                .isInstanceOf(StoreException.class).hasMessageContaining("is revoked and cannot be rotated");
        assertThatThrownBy(() -> db.apiKeys().rotate(12345))
                .isInstanceOf(StoreException.class).hasMessageStartingWith("no API key with id 12345");
        assertThat(db.apiKeys().list(ada.id())).extracting(ApiKey::id)
                .containsExactly(old.apiKey().id(), rotated.apiKey().id());
    }

    @Test
    void keysAreListedPerUserOrAll() {
        User ada = db.users().create("ada@example.com", User.GATEWAY_USER, "Ada");
        User bob = db.users().create("bob@example.com", User.GATEWAY_USER, "Bob");
        ApiKey a = db.apiKeys().create(ada.id(), null, null).apiKey();
        ApiKey b = db.apiKeys().create(bob.id(), null, null).apiKey();

        assertThat(db.apiKeys().list(null)).containsExactly(a, b);
        assertThat(db.apiKeys().list(bob.id())).containsExactly(b);
        assertThatThrownBy(() -> db.apiKeys().create(999, null, null))
                .isInstanceOf(StoreException.class).hasMessageStartingWith("no user with id 999");
    }

    @Test
    void ledgerRecordsAndFiltersByDateUserAndModel() {
        User ada = db.users().create("ada@example.com", User.GATEWAY_USER, "Ada");
        User bob = db.users().create("bob@example.com", User.GATEWAY_USER, "Bob");
        long adaKey = db.apiKeys().create(ada.id(), null, null).apiKey().id();

        clock.set(Instant.parse("2026-03-01T23:59:59Z"));
        UsageEntry first = db.ledger().record(new UsageRecord(ada.id(), adaKey, "loopback", 10, 5,
                new BigDecimal("0.0075"), 200, 12, "first"));
        clock.set(Instant.parse("2026-03-02T00:00:00Z"));
        db.ledger().record(new UsageRecord(ada.id(), adaKey, "gpt-4o", 1000, 1000, new BigDecimal("1.000000"),
                200, 300, null));
        clock.set(Instant.parse("2026-03-02T12:00:00Z"));
        db.ledger().record(new UsageRecord(bob.id(), null, "loopback", 3, 2, null, 502, 40, null));
        clock.set(Instant.parse("2026-03-03T08:00:00Z"));
        db.ledger().record(new UsageRecord(ada.id(), adaKey, "loopback", 20, 10, new BigDecimal("0.015"), 200, 8,
                null));

        assertThat(first).isEqualTo(new UsageEntry(first.id(), first.uuid(), ada.id(), "ada@example.com", adaKey,
                "loopback", 10, 5, new BigDecimal("0.007500"), 200, 12, "consume", "first",
                Instant.parse("2026-03-01T23:59:59Z")));

        LedgerQuery all = LedgerQuery.all();
        assertThat(db.ledger().count(all)).isEqualTo(4);
        List<UsageEntry> newestFirst = db.ledger().entries(all);
        assertThat(newestFirst).extracting(UsageEntry::createdAt).isSortedAccordingTo((x, y) -> y.compareTo(x));
        assertThat(newestFirst.get(1).apiKeyId()).isNull();
        assertThat(newestFirst.get(1).cost()).isEqualByComparingTo("0");

        LedgerQuery march2 = new LedgerQuery(LedgerDates.from("2026-03-02", "from"),
                LedgerDates.to("2026-03-02", "to"), null, null, 0, 0);
        assertThat(db.ledger().entries(march2)).extracting(UsageEntry::model).containsExactly("loopback", "gpt-4o");
        assertThat(db.ledger().count(march2)).isEqualTo(2);
        assertThat(db.ledger().count(new LedgerQuery(null, Instant.parse("2026-03-02T00:00:00Z"), null, null, 0,
                0))).isEqualTo(1);
        assertThat(db.ledger().count(new LedgerQuery(null, null, ada.id(), "loopback", 0, 0))).isEqualTo(2);

        LedgerQuery page = new LedgerQuery(null, null, null, null, 2, 1);
        assertThat(db.ledger().entries(page)).extracting(UsageEntry::createdAt)
                .containsExactly(Instant.parse("2026-03-02T12:00:00Z"), Instant.parse("2026-03-02T00:00:00Z"));
        assertThat(db.ledger().count(page)).isEqualTo(4);
    }

    @Test
    void summaryGroupsByUserAndModel() {
        User ada = db.users().create("ada@example.com", User.GATEWAY_USER, "Ada");
        User bob = db.users().create("bob@example.com", User.GATEWAY_USER, "Bob");
        BigDecimal price = new BigDecimal("0.50");
        db.ledger().record(usage(ada, "loopback", 10, 5, price));
        db.ledger().record(usage(ada, "loopback", 7, 3, price));
        db.ledger().record(usage(ada, "gpt-4o", 100, 900, price));
        clock.advance(Duration.ofDays(3));
        db.ledger().record(usage(bob, "loopback", 1, 1, price));

        assertThat(db.ledger().summary(LedgerQuery.all())).containsExactly(
                new UsageSummaryRow(ada.id(), "ada@example.com", "gpt-4o", 1, 100, 900, new BigDecimal("0.500000")),
                new UsageSummaryRow(ada.id(), "ada@example.com", "loopback", 2, 17, 8, new BigDecimal("0.012500")),
                new UsageSummaryRow(bob.id(), "bob@example.com", "loopback", 1, 1, 1, new BigDecimal("0.001000")));
        assertThat(db.ledger().summary(new LedgerQuery(START.plus(Duration.ofDays(1)), null, null, null, 0, 0)))
                .extracting(UsageSummaryRow::email).containsExactly("bob@example.com");
    }

    private static UsageRecord usage(User user, String model, int prompt, int completion, BigDecimal price) {
        return new UsageRecord(user.id(), null, model, prompt, completion, Pricing.cost(price, prompt, completion),
                200, 1, null);
    }

    @Test
    void concurrentWritersAllLand() throws Exception {
        User ada = db.users().create("ada@example.com", User.GATEWAY_USER, "Ada");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> {
                    for (int j = 0; j < 25; j++) {
                        db.ledger().record(new UsageRecord(ada.id(), null, "loopback", 1, 1, BigDecimal.ONE, 200,
                                1, null));
                    }
                    db.apiKeys().create(ada.id(), null, null);
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(db.ledger().count(LedgerQuery.all())).isEqualTo(200);
        assertThat(db.apiKeys().list(ada.id())).hasSize(8);
    }

    @Test
    void reopeningKeepsDataAndDoesNotRerunMigrations() throws Exception {
        User ada = db.users().create("ada@example.com", User.GATEWAY_USER, "Ada");
        String path = currentLedgerPath();
        db.close();

        db = Database.open(path, clock);

        assertThat(db.users().list()).containsExactly(ada);
    }

    /** The ledger_path the current database was opened with. */
    abstract String currentLedgerPath();
}
