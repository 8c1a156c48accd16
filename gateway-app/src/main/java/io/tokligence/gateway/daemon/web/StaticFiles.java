package io.tokligence.gateway.daemon.web;

import io.tokligence.gateway.daemon.http.ApiException;
import io.tokligence.gateway.daemon.http.HttpCall;
import io.tokligence.gateway.daemon.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Serves the consoles: the web bundle at {@code /}, the H5 bundle at {@code /h5/}. Client-side routes (paths without
 * an extension) fall back to index.html; hashed files under {@code assets/} are cached for a year; nothing outside
 * the bundle root is ever read.
 */
public final class StaticFiles {
    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("map", "application/json; charset=utf-8"),
            Map.entry("webmanifest", "application/manifest+json; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("wasm", "application/wasm"));

    private final Path webRoot;
    private final Path h5Root;

    /** @param frontendDir the directory holding {@code web/} and {@code h5/} (either may be missing) */
    public StaticFiles(Path frontendDir) {
        Path base = frontendDir.toAbsolutePath().normalize();
        this.webRoot = base.resolve("web");
        this.h5Root = base.resolve("h5");
    }

    public void serve(HttpCall call) throws IOException {
        if (!call.method().equals("GET") && !call.method().equals("HEAD")) {
            throw ApiException.notFound("route_not_found", "no route for " + call.method() + " " + call.path());
        }
        String rawPath = call.rawPath();
        if (isApiPath(rawPath)) {
            throw ApiException.notFound("route_not_found", "no route for " + call.method() + " " + call.path());
        }
        if (!isSafe(rawPath)) {
            throw ApiException.badRequest("invalid_path", "path '" + rawPath + "' is not allowed");
        }
        boolean h5 = rawPath.equals("/h5") || rawPath.startsWith("/h5/");
        Path root = h5 ? h5Root : webRoot;
        String relative = h5 ? rawPath.substring(Math.min(rawPath.length(), 4)) : rawPath.substring(1);
        if (h5 && rawPath.equals("/h5")) {
            call.exchange().getResponseHeaders().set("Location", "/h5/");
            call.sendBytes(308, new byte[0]);
            return;
        }
        if (!Files.isRegularFile(root.resolve("index.html")) && !hasExtension(relative)) {
            noBundle(call, h5 ? "h5" : "web");
            return;
        }
        Optional<Path> file = resolve(root, relative);
        if (file.isEmpty()) {
            if (hasExtension(relative)) {
                throw ApiException.notFound("file_not_found", "no file " + call.path());
            }
            // A client-side route of the single-page app: the app itself decides what to show.
            file = Optional.of(root.resolve("index.html"));
        }
        send(call, file.get(), relative.startsWith("assets/"));
    }

    private static boolean isApiPath(String rawPath) {
        return rawPath.startsWith("/v1/") || rawPath.startsWith("/api/") || rawPath.startsWith("/anthropic/")
                || rawPath.equals("/v1") || rawPath.equals("/api");
    }

    /**
     * Refuses anything that could climb out of the root, in any spelling: dot segments (plain or percent-encoded),
     * encoded slashes, backslashes, NUL and drive-letter or doubled-slash absolute forms.
     */
    static boolean isSafe(String rawPath) {
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00")
                || lower.contains("\\") || lower.contains("//") || lower.contains(":")) {
            return false;
        }
        for (String segment : rawPath.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Path> resolve(Path root, String relative) {
        if (relative.isEmpty() || relative.endsWith("/")) {
            relative = relative + "index.html";
        }
        Path candidate = root.resolve(relative).normalize();
        if (!candidate.startsWith(root)) {
            return Optional.empty();
        }
        try {
            // Symbolic links inside the bundle must not point outside it either.
            if (Files.isRegularFile(candidate) && candidate.toRealPath().startsWith(root.toRealPath())) {
                return Optional.of(candidate);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean hasExtension(String relative) {
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        return name.lastIndexOf('.') > 0;
    }

    private static void send(HttpCall call, Path file, boolean hashedAsset) throws IOException {
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        var headers = call.exchange().getResponseHeaders();
        headers.set("Content-Type", CONTENT_TYPES.getOrDefault(extension, "application/octet-stream"));
        headers.set("X-Content-Type-Options", "nosniff");
        if (hashedAsset) {
            headers.set("Cache-Control", "public, max-age=31536000, immutable");
        } else {
            headers.set("Cache-Control", "no-cache");
        }
        long size = Files.size(file);
        boolean head = call.method().equals("HEAD");
        if (head) {
            headers.set("Content-Length", Long.toString(size));
        }
        try (OutputStream out = call.sendHeaders(200, head || size == 0 ? -1 : size)) {
            if (!head && size > 0) {
                try (InputStream in = Files.newInputStream(file)) {
                    in.transferTo(out);
                }
            }
        }
    }

    private void noBundle(HttpCall call, String which) throws IOException {
        var hint = Json.object();
        hint.put("service", "gatewayd");
        hint.put("message", "the " + which + " console is not installed here; build it with `./mvnw gateway:dist-frontend` "
                + "or point frontend_dir (or --frontend-dir) at a directory holding web/ and h5/");
        hint.put("api", "/v1/chat/completions, /v1/models, /api/v1/...; health at /health");
        call.sendJson(200, hint);
    }
}
