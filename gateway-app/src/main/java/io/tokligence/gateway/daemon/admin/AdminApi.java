package io.tokligence.gateway.daemon.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokligence.gateway.config.ConfigValue;
import io.tokligence.gateway.config.GatewayConfig;
import io.tokligence.gateway.daemon.ApiViews.ApiKeyView;
import io.tokligence.gateway.daemon.ApiViews.UserView;
import io.tokligence.gateway.daemon.Authenticator;
import io.tokligence.gateway.daemon.LedgerQueries;
import io.tokligence.gateway.daemon.http.ApiException;
import io.tokligence.gateway.daemon.http.HttpCall;
import io.tokligence.gateway.daemon.http.Json;
import io.tokligence.gateway.daemon.http.Router;
import io.tokligence.gateway.store.ApiKey;
import io.tokligence.gateway.store.ApiKeyStore;
import io.tokligence.gateway.store.IssuedKey;
import io.tokligence.gateway.store.LedgerStore;
import io.tokligence.gateway.store.Principal;
import io.tokligence.gateway.store.StoreException;
import io.tokligence.gateway.store.User;
import io.tokligence.gateway.store.UserStore;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code /api/v1/admin/...}: users, API keys, ledger queries and the effective configuration; admins only. */
public final class AdminApi {
    private static final Set<String> ASSIGNABLE_ROLES = Set.of("gateway_admin", "gateway_user");
    private static final Set<String> STATUSES = Set.of("active", "inactive");

    private final Authenticator auth;
    private final UserStore users;
    private final ApiKeyStore keys;
    private final LedgerStore ledger;
    private final GatewayConfig config;

    public AdminApi(Authenticator auth, UserStore users, ApiKeyStore keys, LedgerStore ledger, GatewayConfig config) {
        this.auth = auth;
        this.users = users;
        this.keys = keys;
        this.ledger = ledger;
        this.config = config;
    }

    public void register(Router router) {
        router.add("GET", "/api/v1/admin/users", this::listUsers);
        router.add("POST", "/api/v1/admin/users", this::createUser);
        router.add("PATCH", "/api/v1/admin/users/{id}", this::updateUser);
        router.add("DELETE", "/api/v1/admin/users/{id}", this::deleteUser);
        router.add("GET", "/api/v1/admin/users/{id}/api-keys", this::listKeys);
        router.add("POST", "/api/v1/admin/users/{id}/api-keys", this::createKey);
        router.add("POST", "/api/v1/admin/api-keys/{id}/rotate", this::rotateKey);
        router.add("DELETE", "/api/v1/admin/api-keys/{id}", this::revokeKey);
        router.add("GET", "/api/v1/admin/ledger/entries", this::ledgerEntries);
        router.add("GET", "/api/v1/admin/ledger/summary", this::ledgerSummary);
        router.add("GET", "/api/v1/admin/config", this::effectiveConfig);
    }

    private void listUsers(HttpCall call) throws IOException {
        auth.requireAdmin(call);
        call.sendJson(200, Map.of("users", users.list().stream().map(UserView::of).toList()));
    }

    private void createUser(HttpCall call) throws IOException {
        auth.requireAdmin(call);
        ObjectNode body = call.jsonBody();
        String email = requiredText(body, "email");
        String role = optionalText(body, "role", "gateway_user");
        checkRole(role);
        String displayName = optionalText(body, "display_name", "");
        User user = store(() -> users.create(email, role, displayName));
        call.sendJson(201, Map.of("user", UserView.of(user)));
    }

    private void updateUser(HttpCall call) throws IOException {
        Principal caller = auth.requireAdmin(call);
        User target = user(call.pathId("id"));
        ObjectNode body = call.jsonBody();
        String role = optionalText(body, "role", null);
        String status = optionalText(body, "status", null);
        String displayName = optionalText(body, "display_name", null);
        if (role != null) {
            checkRole(role);
        }
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badRequest("invalid_status", "status must be active or inactive, got '" + status + "'");
        }
        if (target.role().equals("root_admin") && (role != null || "inactive".equals(status))) {
            throw ApiException.badRequest("root_admin_protected", "the root admin's role and status cannot be changed");
        }
        if (target.id() == caller.user().id() && "inactive".equals(status)) {
            throw ApiException.badRequest("self_lockout", "you cannot deactivate your own user");
        }
        User updated = store(() -> users.update(target.id(), role, displayName, status));
        call.sendJson(200, Map.of("user", UserView.of(updated)));
    }

    private void deleteUser(HttpCall call) throws IOException {
        Principal caller = auth.requireAdmin(call);
        User target = user(call.pathId("id"));
        if (target.role().equals("root_admin") || target.id() == caller.user().id()) {
            throw ApiException.badRequest("user_protected", "the root admin and your own user cannot be deleted");
        }
        store(() -> {
            users.delete(target.id());
            return null;
        });
        call.sendJson(200, Map.of("deleted", true, "id", target.id()));
    }

    private void listKeys(HttpCall call) throws IOException {
        auth.requireAdmin(call);
        User owner = user(call.pathId("id"));
        List<ApiKeyView> views = keys.list(owner.id()).stream().map(ApiKeyView::of).toList();
        call.sendJson(200, Map.of("api_keys", views));
    }

    private void createKey(HttpCall call) throws IOException {
        auth.requireAdmin(call);
        User owner = user(call.pathId("id"));
        if (!owner.status().equals("active")) {
            throw ApiException.badRequest("user_inactive", "user " + owner.email() + " is inactive; activate it before issuing keys");
        }
        ObjectNode body = call.optionalJsonBody();
        String scopes = optionalText(body, "scopes", null);
        Instant expiresAt = optionalInstant(body, "expires_at");
        call.sendJson(201, issued(store(() -> keys.create(owner.id(), scopes, expiresAt))));
    }

    private void rotateKey(HttpCall call) throws IOException {
        auth.requireAdmin(call);
        ApiKey key = key(call.pathId("id"));
        call.sendJson(200, issued(store(() -> keys.rotate(key.id()))));
    }

    private void revokeKey(HttpCall call) throws IOException {
        auth.requireAdmin(call);
        ApiKey key = key(call.pathId("id"));
        store(() -> {
            keys.revoke(key.id());
            return null;
        });
        call.sendJson(200, Map.of("api_key", ApiKeyView.of(key(key.id()))));
    }

    private void ledgerEntries(HttpCall call) throws IOException {
        auth.requireAdmin(call);
        call.sendJson(200, LedgerQueries.entriesBody(ledger, LedgerQueries.from(call, null)));
    }

    private void ledgerSummary(HttpCall call) throws IOException {
        auth.requireAdmin(call);
        call.sendJson(200, LedgerQueries.summaryBody(ledger, LedgerQueries.from(call, null)));
    }

    private void effectiveConfig(HttpCall call) throws IOException {
        auth.requireAdmin(call);
        List<Map<String, String>> values = config.maskedValues().stream().map(AdminApi::configEntry).toList();
        call.sendJson(200, Map.of("values", values));
    }

    private static Map<String, String> configEntry(ConfigValue value) {
        return Map.of("key", value.key(), "value", value.value(),
                "source", value.source().name().toLowerCase(Locale.ROOT), "origin", value.origin());
    }

    private static ObjectNode issued(IssuedKey issued) {
        ObjectNode body = Json.object();
        body.set("api_key", Json.MAPPER.valueToTree(ApiKeyView.of(issued.apiKey())));
        body.put("token", issued.token());
        return body;
    }

    private User user(long id) {
        return users.findById(id).orElseThrow(() -> ApiException.notFound("user_not_found", "no user with id " + id));
    }

    private ApiKey key(long id) {
        return keys.findById(id).orElseThrow(() -> ApiException.notFound("api_key_not_found", "no API key with id " + id));
    }

    private static void checkRole(String role) {
        if (!ASSIGNABLE_ROLES.contains(role)) {
            throw ApiException.badRequest("invalid_role", "role must be gateway_admin or gateway_user, got '" + role + "'");
        }
    }

    private static String requiredText(ObjectNode body, String field) {
        String value = optionalText(body, field, null);
        if (value == null) {
            throw ApiException.badRequest("missing_field", "field '" + field + "' is required");
        }
        return value;
    }

    private static String optionalText(ObjectNode body, String field, String fallback) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("invalid_field", "field '" + field + "' must be a string");
        }
        String text = value.asText().trim();
        return text.isEmpty() ? fallback : text;
    }

    private static Instant optionalInstant(ObjectNode body, String field) {
        String text = optionalText(body, field, null);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_field", "field '" + field + "' must be an instant like 2027-01-01T00:00:00Z, got '" + text + "'");
        }
    }

    /** Store rule violations (duplicate email, bad address) are the caller's to fix: 400 with the store's words. */
    private static <T> T store(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (StoreException e) {
            throw ApiException.badRequest("invalid_request", e.getMessage());
        }
    }
}
