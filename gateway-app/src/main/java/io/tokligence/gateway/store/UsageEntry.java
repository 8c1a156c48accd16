package io.tokligence.gateway.store;

import java.math.BigDecimal;
import java.time.Instant;

/** A ledger row, with the user's email joined in. Rows written by the Go gateway have a blank model. */
public record UsageEntry(long id, String uuid, long userId, String email, Long apiKeyId, String model,
                         int promptTokens, int completionTokens, BigDecimal cost, int status, long latencyMs,
                         String direction, String memo, Instant createdAt) {
}
