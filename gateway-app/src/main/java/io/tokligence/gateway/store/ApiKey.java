package io.tokligence.gateway.store;

import java.time.Instant;

/** An API key's metadata; the plaintext token is never stored (see {@link IssuedKey}). */
public record ApiKey(long id, String uuid, long userId, String prefix, String scopes, Instant createdAt,
                     Instant expiresAt, Instant revokedAt) {

    /** Not revoked and not past its expiry. */
    public boolean isActive(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    /** {@code active} or {@code revoked}, as the HTTP API reports it (an expired key is not revoked). */
    public String status() {
        return revokedAt == null ? "active" : "revoked";
    }
}
