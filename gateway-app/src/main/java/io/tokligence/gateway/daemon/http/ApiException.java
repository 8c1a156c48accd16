package io.tokligence.gateway.daemon.http;

/**
 * A request that ends in an OpenAI-style error object. Handlers throw it; {@link Router} turns it into the
 * response, so every endpoint reports errors the same way.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String type;
    private final String code;

    public ApiException(int status, String type, String code, String message) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, "invalid_request_error", code, message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "authentication_error", "invalid_api_key", message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "permission_error", "insufficient_role", message);
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(404, "not_found_error", code, message);
    }

    public static ApiException upstream(String message) {
        return new ApiException(502, "upstream_error", "upstream_failed", message);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String code() {
        return code;
    }
}
