package io.tokligence.gateway.store;

import java.math.BigDecimal;

/** Ledger totals for one user and model. */
public record UsageSummaryRow(long userId, String email, String model, long requests, long promptTokens,
                              long completionTokens, BigDecimal cost) {
}
