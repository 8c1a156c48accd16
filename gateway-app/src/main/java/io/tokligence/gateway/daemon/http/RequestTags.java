package io.tokligence.gateway.daemon.http;

/**
 * Facts a handler learns about its request (caller, model) for the access log. Kept per thread because the JDK
 * server's exchange attributes are shared by the whole context, not per exchange; filters and the handler run on
 * the same worker thread.
 */
final class RequestTags {
    private static final ThreadLocal<RequestTags> CURRENT = new ThreadLocal<>();

    Long userId;
    String model;

    static RequestTags begin() {
        RequestTags tags = new RequestTags();
        CURRENT.set(tags);
        return tags;
    }

    static void end() {
        CURRENT.remove();
    }

    static void userId(long id) {
        RequestTags tags = CURRENT.get();
        if (tags != null) {
            tags.userId = id;
        }
    }

    static void model(String name) {
        RequestTags tags = CURRENT.get();
        if (tags != null) {
            tags.model = name;
        }
    }
}
