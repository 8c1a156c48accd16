package io.tokligence.gateway.store;

import java.time.Instant;
import java.util.Set;

/** A gateway user. Roles {@code root_admin|gateway_admin|gateway_user}; status {@code active|inactive}. */
public record User(long id, String uuid, String email, String role, String displayName, String status,
                   Instant createdAt) {

    public static final String ROOT_ADMIN = "root_admin";
    public static final String GATEWAY_ADMIN = "gateway_admin";
    public static final String GATEWAY_USER = "gateway_user";
    public static final Set<String> ROLES = Set.of(ROOT_ADMIN, GATEWAY_ADMIN, GATEWAY_USER);
    public static final String ACTIVE = "active";
    public static final String INACTIVE = "inactive";
    public static final Set<String> STATUSES = Set.of(ACTIVE, INACTIVE);

    public boolean isAdmin() {
        return ROOT_ADMIN.equals(role) || GATEWAY_ADMIN.equals(role);
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }
}
