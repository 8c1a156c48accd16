package io.tokligence.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PricingTest {

    @Test
    void chargesPerThousandTokensAtScaleSix() {
        assertThat(Pricing.cost(new BigDecimal("0.50"), 1000, 1000)).isEqualTo(new BigDecimal("1.000000"));
        assertThat(Pricing.cost(new BigDecimal("0.50"), 10, 5)).isEqualTo(new BigDecimal("0.007500"));
        assertThat(Pricing.cost(new BigDecimal("0.002"), 1, 0)).isEqualTo(new BigDecimal("0.000002"));
    }

    @Test
    void roundsHalfUp() {
        assertThat(Pricing.cost(new BigDecimal("0.0015"), 1, 0)).isEqualTo(new BigDecimal("0.000002"));
        assertThat(Pricing.cost(new BigDecimal("0.0014"), 1, 0)).isEqualTo(new BigDecimal("0.000001"));
    }

    @Test
    void zeroAndMissingPricesCostNothing() {
        assertThat(Pricing.cost(BigDecimal.ZERO, 500, 500)).isEqualTo(new BigDecimal("0.000000"));
        assertThat(Pricing.cost(null, 500, 500)).isEqualTo(new BigDecimal("0.000000"));
        assertThat(Pricing.cost(new BigDecimal("3"), 0, 0)).isEqualTo(new BigDecimal("0.000000"));
    }

    @Test
    void largeTokenCountsDoNotOverflow() {
        assertThat(Pricing.cost(BigDecimal.ONE, Integer.MAX_VALUE, Integer.MAX_VALUE))
                .isEqualTo(new BigDecimal("4294967.294000"));
    }
}
