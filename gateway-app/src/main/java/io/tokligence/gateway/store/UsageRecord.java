package io.tokligence.gateway.store;

import java.math.BigDecimal;

/**
 * One request to record in the ledger.
 *
 * @param apiKeyId null when the request was not made with a key (auth disabled)
 * @param cost     null counts as zero
 * @param status   the HTTP status returned to the client
 */
public record UsageRecord(long userId, Long apiKeyId, String model, int promptTokens, int completionTokens,
                          BigDecimal cost, int status, long latencyMs, String memo) {
}
