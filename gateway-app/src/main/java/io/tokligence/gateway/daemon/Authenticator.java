package io.tokligence.gateway.daemon;

import io.tokligence.gateway.daemon.http.ApiException;
import io.tokligence.gateway.daemon.http.HttpCall;
import io.tokligence.gateway.store.ApiKeyStore;
import io.tokligence.gateway.store.Principal;
import io.tokligence.gateway.store.User;
import io.tokligence.gateway.store.UserStore;
import java.util.Optional;

/**
 * Finds who is calling from {@code Authorization: Bearer tok_...} or {@code X-API-Key}. With {@code auth_disabled=true}
 * every request acts as the root admin, admin routes included (the Go gateway left those unusable).
 */
public final class Authenticator {
    private final ApiKeyStore keys;
    private final UserStore users;
    private final Optional<Long> anonymousAdminId;

    Authenticator(ApiKeyStore keys, UserStore users, Optional<User> authDisabledAdmin) {
        this.keys = keys;
        this.users = users;
        this.anonymousAdminId = authDisabledAdmin.map(User::id);
    }

    public Principal authenticate(HttpCall call) {
        Principal principal = resolve(call);
        call.tagUser(principal.user().id());
        return principal;
    }

    public Principal requireAdmin(HttpCall call) {
        Principal principal = authenticate(call);
        if (!principal.user().isAdmin()) {
            throw ApiException.forbidden("this route needs a root_admin or gateway_admin key; "
                    + principal.user().email() + " is " + principal.user().role());
        }
        return principal;
    }

    private Principal resolve(HttpCall call) {
        Optional<String> token = token(call);
        if (anonymousAdminId.isPresent() && token.isEmpty()) {
            User admin = users.findById(anonymousAdminId.get())
                    .orElseThrow(() -> ApiException.unauthorized("auth_disabled is set but the root admin user is gone; restart gatewayd"));
            return new Principal(admin, null);
        }
        if (token.isEmpty()) {
            throw ApiException.unauthorized("missing API key: send 'Authorization: Bearer tok_...' or 'X-API-Key: tok_...'");
        }
        return keys.authenticate(token.get())
                .orElseThrow(() -> ApiException.unauthorized("invalid, expired or revoked API key"));
    }

    private static Optional<String> token(HttpCall call) {
        Optional<String> authorization = call.header("Authorization");
        if (authorization.isPresent()) {
            String value = authorization.get();
            if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return Optional.of(value.substring(7).trim()).filter(t -> !t.isEmpty());
            }
            throw ApiException.unauthorized("Authorization header must be 'Bearer tok_...'");
        }
        return call.header("X-API-Key");
    }
}
