package io.tokligence.gateway.store;

/** Who a request authenticated as: an active user and the active key they presented. */
public record Principal(User user, ApiKey apiKey) {
}
