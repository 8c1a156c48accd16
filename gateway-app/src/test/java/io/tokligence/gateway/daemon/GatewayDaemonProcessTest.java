package io.tokligence.gateway.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokligence.gateway.store.Database;
import io.tokligence.gateway.store.UsageEntry;
import io.tokligence.gateway.store.LedgerQuery;
import io.tokligence.gateway.store.User;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gatewayd as a real child process: flags, exit codes, and a graceful stop on SIGTERM with a request in flight. */
class GatewayDaemonProcessTest {
    @TempDir
    Path dir;

    private static ProcessBuilder daemon(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        // Surefire runs tests through a manifest-only jar; this property carries the real class path.
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(GatewayDaemon.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private static String run(ProcessBuilder builder, int expectedExit) throws Exception {
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(expectedExit);
        return output;
    }

    @Test
    void versionAndUsageErrors() throws Exception {
        assertThat(run(daemon("--version"), 0).trim()).isEqualTo("gatewayd " + io.tokligence.gateway.Version.current());
        assertThat(run(daemon("--help"), 0)).contains("--listen").contains("--ledger-path").contains("--frontend-dir");
        assertThat(run(daemon("--no-such-flag"), 2)).contains("--no-such-flag");
    }

    @Test
    void badListenAddressIsAConfigError() throws Exception {
        Files.createDirectories(dir.resolve("config"));
        String output = run(daemon("--config-dir", dir.resolve("config").toString(), "--listen", "nonsense",
                "--ledger-path", dir.resolve("ledger.db").toString()), 3);
        assertThat(output).contains("listen").contains("'nonsense'");
    }

    @Test
    void sigtermLetsTheStreamingRequestFinishAndExitsZero() throws Exception {
        Path configDir = dir.resolve("config");
        Files.createDirectories(configDir);
        Path ledger = dir.resolve("data/ledger.db");
        Files.writeString(configDir.resolve("setting.ini"), String.join("\n",
                "environment=test", "admin_email=root@example.com", "price_per_1k=1.00",
                "log_file_daemon=" + dir.resolve("access.log"), "model_provider_routes=loopback=loopback",
                "loopback_stream_delay_ms=250", ""));
        String token;
        try (Database database = Database.open(ledger.toString())) {
            User admin = database.users().ensureRootAdmin("root@example.com");
            token = database.apiKeys().create(admin.id(), null, null).token();
        }

        Process process = daemon("--config-dir", configDir.toString(), "--listen", "127.0.0.1:0",
                "--ledger-path", ledger.toString()).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread pump = new Thread(() -> pump(process.getInputStream(), lines));
        pump.setDaemon(true);
        pump.start();
        try {
            String url = awaitListening(lines);
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(url + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);

            String words = "one two three four five six seven eight";
            HttpRequest chat = HttpRequest.newBuilder(URI.create(url + "/v1/chat/completions"))
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(TestGateway.chat("loopback", words, true))).build();
            HttpResponse<InputStream> streaming = client.send(chat, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(streaming.statusCode()).isEqualTo(200);
            BufferedReader reader = new BufferedReader(new InputStreamReader(streaming.body(), StandardCharsets.UTF_8));
            String first = reader.readLine();
            assertThat(first).startsWith("data: ");

            process.destroy(); // SIGTERM on Linux
            CompletableFuture<String> rest = CompletableFuture.supplyAsync(() -> readRest(reader));
            Thread.sleep(500);
            assertThat(process.isAlive()).as("daemon waits for the in-flight stream").isTrue();
            CompletableFuture<HttpResponse<String>> late = client.sendAsync(
                    HttpRequest.newBuilder(URI.create(url + "/health")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(late).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(Exception.class)
                    .withCauseInstanceOf(ConnectException.class);

            String body = first + "\n" + rest.get(30, TimeUnit.SECONDS);
            StringBuilder content = new StringBuilder();
            for (TestGateway.Event event : TestGateway.events(body)) {
                if (!event.data().equals("[DONE]")) {
                    io.tokligence.gateway.daemon.http.Json.MAPPER.readTree(event.data()).path("choices")
                            .forEach(choice -> content.append(choice.path("delta").path("content").asText("")));
                }
            }
            assertThat(content.toString()).isEqualTo("echo: " + words);
            assertThat(body).contains("data: [DONE]");

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
        } finally {
            process.destroyForcibly();
        }

        try (Database database = Database.open(ledger.toString())) {
            List<UsageEntry> entries = database.ledger().entries(new LedgerQuery(null, null, null, "loopback", 10, 0));
            assertThat(entries).hasSize(1);
            assertThat(entries.get(0).status()).isEqualTo(200);
            assertThat(entries.get(0).completionTokens()).isEqualTo(9);
            assertThat(entries.get(0).promptTokens()).isEqualTo(10);
            assertThat(entries.get(0).cost()).isEqualByComparingTo("0.019");
        }
    }

    private static String awaitListening(BlockingQueue<String> lines) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                continue;
            }
            seen.add(line);
            if (line.startsWith("gatewayd listening on http://")) {
                String url = line.substring("gatewayd listening on ".length()).trim();
                assertThat(url).matches("http://127\\.0\\.0\\.1:[1-9][0-9]*");
                return url;
            }
        }
        throw new AssertionError("gatewayd did not report listening within 60 s; output:\n" + String.join("\n", seen));
    }

    private static void pump(InputStream in, BlockingQueue<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException ignored) {
            // process ended
        }
    }

    private static String readRest(BufferedReader reader) {
        StringBuilder rest = new StringBuilder();
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                rest.append(line).append('\n');
            }
        } catch (IOException e) {
            rest.append("READ FAILED: ").append(e);
        }
        return rest.toString();
    }
}
