package io.tokligence.gateway.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StaticConsolesTest {
    private static final String SECRET = "TOP-SECRET-OUTSIDE-THE-BUNDLE";

    @TempDir
    static Path dir;
    static TestGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        Path web = dir.resolve("frontend/web");
        Files.createDirectories(web.resolve("assets"));
        Files.writeString(web.resolve("index.html"), "<!doctype html><title>web console</title>");
        Files.writeString(web.resolve("assets/index-3f9a1c.js"), "console.log('web')");
        Files.writeString(web.resolve("assets/index-77e0b2.css"), "body{margin:0}");
        Files.writeString(web.resolve("favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
        Path h5 = dir.resolve("frontend/h5");
        Files.createDirectories(h5.resolve("assets"));
        Files.writeString(h5.resolve("index.html"), "<!doctype html><title>h5 console</title>");
        Files.writeString(h5.resolve("assets/main-aa11.js"), "console.log('h5')");
        Files.writeString(dir.resolve("frontend/secret.txt"), SECRET);
        Files.writeString(dir.resolve("secret.txt"), SECRET);
        gateway = TestGateway.start(dir, Map.of());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void indexIsServedAsHtmlWithoutLongCaching() throws Exception {
        HttpResponse<String> response = gateway.get("/", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("web console");
        assertThat(response.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-cache");
    }

    @Test
    void hashedAssetsGetTheirTypeAndAYearOfCaching() throws Exception {
        HttpResponse<String> js = gateway.get("/assets/index-3f9a1c.js", null);
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.body()).isEqualTo("console.log('web')");
        assertThat(js.headers().firstValue("Content-Type")).contains("text/javascript; charset=utf-8");
        assertThat(js.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
        assertThat(gateway.get("/assets/index-77e0b2.css", null).headers().firstValue("Content-Type")).contains("text/css; charset=utf-8");
        assertThat(gateway.get("/favicon.svg", null).headers().firstValue("Content-Type")).contains("image/svg+xml");
    }

    @Test
    void clientRoutesFallBackToIndexButMissingFilesAre404() throws Exception {
        HttpResponse<String> route = gateway.get("/usage/ledger", null);
        assertThat(route.statusCode()).isEqualTo(200);
        assertThat(route.body()).contains("web console");
        assertThat(gateway.get("/assets/missing-123.js", null).statusCode()).isEqualTo(404);
    }

    @Test
    void h5BundleIsServedUnderItsPrefix() throws Exception {
        assertThat(gateway.get("/h5/", null).body()).contains("h5 console");
        assertThat(gateway.get("/h5/settings/profile", null).body()).contains("h5 console");
        HttpResponse<String> asset = gateway.get("/h5/assets/main-aa11.js", null);
        assertThat(asset.body()).isEqualTo("console.log('h5')");
        assertThat(asset.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
        HttpResponse<String> bare = gateway.get("/h5", null);
        assertThat(bare.statusCode()).isEqualTo(308);
        assertThat(bare.headers().firstValue("Location")).contains("/h5/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../secret.txt", "/h5/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2E%2E/secret.txt",
            "/assets/..%2f..%2fsecret.txt", "/..%5csecret.txt", "/..\\secret.txt", "//secret.txt",
            "/h5/..%2f..%2fsecret.txt", "/C:/secret.txt", "/./secret.txt"})
    void traversalIsRefused(String path) throws Exception {
        String response = rawGet(path);
        int status = Integer.parseInt(response.substring(9, 12));
        assertThat(status).as(path + " -> " + response).isIn(400, 404);
        assertThat(response).doesNotContain(SECRET);
    }

    @Test
    void absolutePathsStayInsideTheRoot() throws Exception {
        String response = rawGet("/etc/passwd");
        assertThat(response).doesNotContain("root:");
        assertThat(response).contains("web console");
    }

    @Test
    void apiPathsNeverFallBackToTheConsole() throws Exception {
        HttpResponse<String> response = gateway.get("/v1/unknown", null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
    }

    /** A hand-written request: HTTP clients normalise dot segments and encodings that an attacker would not. */
    private static String rawGet(String path) throws Exception {
        URI base = URI.create(gateway.server.url());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            }
        }
    }
}
