package io.tokligence.gateway.store;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The ledger's cost arithmetic: one price per 1,000 tokens, prompt and completion alike. */
public final class Pricing {

    public static final int SCALE = 6;
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private Pricing() {
    }

    /** (prompt + completion) / 1000 × price, scale 6, HALF_UP; a null price costs nothing. */
    public static BigDecimal cost(BigDecimal pricePer1k, int promptTokens, int completionTokens) {
        if (pricePer1k == null) {
            return BigDecimal.ZERO.setScale(SCALE);
        }
        BigDecimal tokens = BigDecimal.valueOf((long) promptTokens + completionTokens);
        return tokens.multiply(pricePer1k).divide(THOUSAND, SCALE, RoundingMode.HALF_UP);
    }
}
