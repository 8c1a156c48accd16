package io.tokligence.gateway.daemon.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The ordered routing table from {@code model_provider_routes}: the first glob that matches a model wins. */
public final class ModelRoutes {
    private final List<ModelRoute> routes;

    private ModelRoutes(List<ModelRoute> routes) {
        this.routes = List.copyOf(routes);
    }

    /**
     * Parses {@code gpt*=openai,claude*=anthropic,loopback=loopback}. A malformed pair is a configuration error
     * whose message names the key and the bad pair.
     */
    public static ModelRoutes parse(String spec) {
        List<ModelRoute> routes = new ArrayList<>();
        if (spec != null) {
            for (String pair : spec.split(",")) {
                String trimmed = pair.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                int eq = trimmed.indexOf('=');
                if (eq <= 0 || eq == trimmed.length() - 1) {
                    throw new IllegalArgumentException("model_provider_routes: expected glob=adapter, got '" + trimmed
                            + "' (example: gpt*=openai,claude*=anthropic,loopback=loopback)");
                }
                routes.add(new ModelRoute(trimmed.substring(0, eq).trim(), trimmed.substring(eq + 1).trim().toLowerCase()));
            }
        }
        return new ModelRoutes(routes);
    }

    public Optional<ModelRoute> find(String model) {
        return routes.stream().filter(route -> route.matches(model)).findFirst();
    }

    public List<ModelRoute> all() {
        return routes;
    }
}
