package io.tokligence.gateway.daemon.market;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** One thing a user can buy tokens of, from the exchange or from this gateway's own routes. */
public record Offering(String id, String name, String provider, String modelFamily, @JsonProperty("price_per_1k") BigDecimal pricePer1k,
                        String description) {
}
