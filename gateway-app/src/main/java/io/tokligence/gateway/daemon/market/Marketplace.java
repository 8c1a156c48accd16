package io.tokligence.gateway.daemon.market;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokligence.gateway.daemon.http.Json;
import io.tokligence.gateway.daemon.route.ModelRoute;
import io.tokligence.gateway.daemon.route.ModelRoutes;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Offerings from the token exchange at {@code base_url} ({@code /services}, else {@code /providers}); when it is not
 * configured or does not answer, a local catalogue of this gateway's own routes, so the console always shows something
 * true.
 */
public final class Marketplace {
    private static final Logger LOG = Logger.getLogger(Marketplace.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    /** What the offerings endpoint returns: {@code source} is {@code exchange} or {@code local}. */
    public record Listing(String source, List<Offering> offerings) {
    }

    private final Optional<String> baseUrl;
    private final ModelRoutes routes;
    private final Set<String> availableAdapters;
    private final BigDecimal pricePer1k;
    /** Only built when an exchange is configured: creating a client loads the TLS trust store, which is slow. */
    private final Optional<HttpClient> http;

    public Marketplace(Optional<String> baseUrl, ModelRoutes routes, Set<String> availableAdapters, BigDecimal pricePer1k) {
        this.baseUrl = baseUrl.map(url -> url.trim().replaceAll("/+$", "")).filter(url -> !url.isEmpty());
        this.routes = routes;
        this.availableAdapters = Set.copyOf(availableAdapters);
        this.pricePer1k = pricePer1k;
        this.http = this.baseUrl.map(url -> HttpClient.newBuilder().connectTimeout(TIMEOUT).build());
    }

    public Listing offerings() {
        if (baseUrl.isPresent() && http.isPresent()) {
            List<String> failures = new ArrayList<>();
            for (String path : List.of("/services", "/providers")) {
                Optional<List<Offering>> found = fetch(baseUrl.get() + path, failures);
                if (found.isPresent()) {
                    return new Listing("exchange", found.get());
                }
            }
            LOG.warning("token exchange at " + baseUrl.get() + " unavailable (" + String.join("; ", failures)
                    + "); showing the local catalogue (check base_url / TOKEN_EXCHANGE_BASE_URL)");
        }
        return new Listing("local", localCatalogue());
    }

    private Optional<List<Offering>> fetch(String url, List<String> failures) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Accept", "application/json").GET().build();
            HttpResponse<byte[]> response = http.get().send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                failures.add(url + " answered HTTP " + response.statusCode());
                return Optional.empty();
            }
            return Optional.of(map(Json.MAPPER.readTree(response.body())));
        } catch (IOException | IllegalArgumentException e) {
            failures.add(url + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * The exchange answers a bare array or wraps it in {@code services}/{@code providers}/{@code data}; field names
     * vary between its versions, so the common spellings are accepted.
     */
    static List<Offering> map(JsonNode body) {
        JsonNode items = body;
        for (String wrapper : List.of("services", "providers", "offerings", "data")) {
            if (body.path(wrapper).isArray()) {
                items = body.path(wrapper);
                break;
            }
        }
        List<Offering> offerings = new ArrayList<>();
        for (JsonNode item : items) {
            String id = first(item, "id", "service_id", "provider_id", "name");
            String name = first(item, "name", "display_name", "publish_name", "id");
            String provider = first(item, "provider", "provider_name", "owner", "vendor");
            String family = first(item, "model_family", "family", "model");
            String description = first(item, "description", "summary");
            offerings.add(new Offering(id, name, provider, family, price(item), description));
        }
        return offerings;
    }

    private static String first(JsonNode item, String... names) {
        for (String name : names) {
            JsonNode value = item.get(name);
            if (value != null && !value.isNull() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return "";
    }

    private static BigDecimal price(JsonNode item) {
        for (String name : List.of("price_per_1k", "price_per_1k_tokens", "price")) {
            JsonNode value = item.get(name);
            if (value != null && (value.isNumber() || value.isTextual())) {
                try {
                    return new BigDecimal(value.asText().trim());
                } catch (NumberFormatException ignored) {
                    // try the next spelling
                }
            }
        }
        return BigDecimal.ZERO;
    }

    private List<Offering> localCatalogue() {
        List<Offering> offerings = new ArrayList<>();
        for (ModelRoute route : routes.all()) {
            if (!availableAdapters.contains(route.adapter())) {
                continue;
            }
            offerings.add(new Offering(route.glob(), route.glob(), route.adapter(), route.glob().replace("*", ""),
                    pricePer1k, "models matching '" + route.glob() + "' served by the " + route.adapter() + " adapter of this gateway"));
        }
        if (offerings.stream().noneMatch(offering -> offering.provider().equals("loopback"))) {
            offerings.add(new Offering("loopback", "loopback", "loopback", "loopback", pricePer1k,
                    "built-in offline echo model of this gateway"));
        }
        return offerings;
    }
}
