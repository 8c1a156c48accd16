package io.tokligence.gateway.daemon;

import io.tokligence.gateway.store.ApiKey;
import io.tokligence.gateway.store.UsageEntry;
import io.tokligence.gateway.store.UsageSummaryRow;
import io.tokligence.gateway.store.User;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** The JSON shapes of the HTTP API (snake_case through the shared mapper); timestamps are ISO-8601 UTC strings. */
public final class ApiViews {
    private ApiViews() {
    }

    public record UserView(long id, String uuid, String email, String role, String displayName, String status, String createdAt) {
        public static UserView of(User user) {
            return new UserView(user.id(), user.uuid(), user.email(), user.role(), user.displayName(), user.status(),
                    iso(user.createdAt()));
        }
    }

    public record ProfileView(long id, String email, String role, String displayName, String status) {
        public static ProfileView of(User user) {
            return new ProfileView(user.id(), user.email(), user.role(), user.displayName(), user.status());
        }
    }

    public record ApiKeyView(long id, long userId, String prefix, String scopes, String status, String createdAt,
                             String expiresAt, String revokedAt) {
        public static ApiKeyView of(ApiKey key) {
            return new ApiKeyView(key.id(), key.userId(), key.prefix(), key.scopes(),
                    key.isActive(Instant.now()) ? "active" : "revoked",
                    iso(key.createdAt()), iso(key.expiresAt()), iso(key.revokedAt()));
        }
    }

    public record EntryView(long id, long userId, String email, Long apiKeyId, String model, int promptTokens,
                            int completionTokens, BigDecimal cost, int status, long latencyMs, String createdAt) {
        public static EntryView of(UsageEntry entry) {
            return new EntryView(entry.id(), entry.userId(), entry.email(), entry.apiKeyId(), entry.model(),
                    entry.promptTokens(), entry.completionTokens(), money(entry.cost()), entry.status(), entry.latencyMs(),
                    iso(entry.createdAt()));
        }
    }

    public record SummaryRowView(long userId, String email, String model, long requests, long promptTokens,
                                 long completionTokens, BigDecimal cost) {
        public static SummaryRowView of(UsageSummaryRow row) {
            return new SummaryRowView(row.userId(), row.email(), row.model(), row.requests(), row.promptTokens(),
                    row.completionTokens(), money(row.cost()));
        }
    }

    /** Costs always carry the ledger's six decimals, whatever the database's sum returned. */
    public static BigDecimal money(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(6, RoundingMode.HALF_UP);
    }

    static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
