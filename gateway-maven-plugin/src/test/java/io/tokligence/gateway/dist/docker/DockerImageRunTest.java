package io.tokligence.gateway.dist.docker;

import static io.tokligence.gateway.dist.docker.ImageFixtures.blob;
import static io.tokligence.gateway.dist.docker.ImageFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokligence.gateway.dist.runtime.Architecture;
import io.tokligence.gateway.dist.runtime.ExecutableHeader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the image runs without a container engine: skopeo reads both archives, the host image's layers are unpacked
 * into a root file system and its entrypoint runs as the image's user in a chroot inside fresh mount and PID
 * namespaces; the arm64 image's runtime runs under qemu-user.
 */
class DockerImageRunTest {
    @TempDir
    static Path temp;
    static Path dist;
    static int port;

    @BeforeAll
    static void buildImages() throws IOException {
        ImageFixtures.skipUnlessApt();
        NativeTreeFixture.skipUnlessArm64JdkAvailable();
        dist = temp.resolve("dist");
        NativeTreeFixture.create(dist, ImageArch.AMD64);
        NativeTreeFixture.create(dist, ImageArch.ARM64);
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        new DockerImageBuilder(line -> { }).build(ImageFixtures.spec(dist, temp.resolve("work"),
                List.of(ImageArch.AMD64, ImageArch.ARM64), null, port, "ghcr.io/tokligence/gateway"));
    }

    @Test
    void skopeoReadsBothArchives() throws Exception {
        assumeTool("skopeo");
        JsonNode docker = json(run(List.of("skopeo", "inspect", "docker-archive:" + dist.resolve("docker/gateway.tar"))));
        assertThat(docker.get("Architecture").asText()).isEqualTo(ImageArch.host().ociName());
        assertThat(docker.get("Os").asText()).isEqualTo("linux");
        assertThat(docker.get("Layers")).hasSize(6);
        assertThat(docker.at("/Labels/org.opencontainers.image.title").asText()).isEqualTo("Tokligence Gateway");
        JsonNode config = json(run(List.of("skopeo", "inspect", "--config",
                "docker-archive:" + dist.resolve("docker/gateway.tar"))));
        assertThat(config.at("/config/User").asText()).isEqualTo("65532:65532");

        String oci = "oci-archive:" + dist.resolve("docker/gateway-oci.tar") + ":0.1.0-SNAPSHOT";
        JsonNode index = json(run(List.of("skopeo", "inspect", "--raw", oci)));
        assertThat(index.get("manifests")).extracting(m -> m.at("/platform/architecture").asText())
                .containsExactly("amd64", "arm64");
        for (String arch : List.of("amd64", "arm64")) {
            JsonNode image = json(run(List.of("skopeo", "--override-arch", arch, "inspect", oci)));
            assertThat(image.get("Architecture").asText()).isEqualTo(arch);
            assertThat(image.get("Created").asText()).startsWith("2026-11-25T00:00:00");
        }
    }

    @Test
    void theHostImageServesHealthAndTheConsoleAsUser65532() throws Exception {
        assumeNamespaces();
        Path root = temp.resolve("rootfs-host");
        Map<String, byte[]> archive = ImageFixtures.untar(dist.resolve("docker/gateway.tar"));
        JsonNode manifest = json(archive.get("manifest.json")).get(0);
        List<byte[]> layers = new ArrayList<>();
        manifest.get("Layers").forEach(l -> layers.add(archive.get(l.asText())));
        ImageRootfs.unpack(layers, root);
        JsonNode config = json(archive.get(manifest.get("Config").asText())).get("config");
        Files.createDirectories(root.resolve("proc"));

        Process daemon = inImage(root, config, config.get("Entrypoint").get(0).asText()).start();
        try {
            CompletableFuture<String> listening = CompletableFuture.supplyAsync(() -> firstLineContaining(daemon,
                    "gatewayd listening on"));
            assertThat(listening.get(60, TimeUnit.SECONDS)).isEqualTo("gatewayd listening on http://0.0.0.0:" + port);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/health")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(json(health.body().getBytes(StandardCharsets.UTF_8)).get("user").asText()).isEqualTo("nonroot");
            assertThat(json(health.body().getBytes(StandardCharsets.UTF_8)).get("config").asBoolean()).isTrue();
            HttpResponse<String> console = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(console.body()).contains("Tokligence Gateway web console");

            List<String> healthcheck = new ArrayList<>();
            config.at("/Healthcheck/Test").forEach(t -> healthcheck.add(t.asText()));
            assertThat(healthcheck.remove(0)).isEqualTo("CMD");
            Process probe = inImage(root, config, String.join(" ", healthcheck), false).start();
            assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String probeOutput = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(probe.exitValue()).as(probeOutput).isZero();

            Process cli = inImage(root, config, "gateway --version", false).start();
            assertThat(new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip())
                    .isEqualTo("gateway 0.1.0-SNAPSHOT");
            assertThat(cli.waitFor()).isZero();
        } finally {
            // As docker stop: SIGTERM to the image's PID 1 (unshare itself ignores SIGTERM); gatewayd exits 0.
            daemon.toHandle().children().forEach(ProcessHandle::destroy);
            assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(daemon.exitValue()).isZero();
        }
    }

    @Test
    void theArm64ImageCarriesAnArm64RuntimeThatRunsUnderQemu() throws Exception {
        Map<String, byte[]> layout = ImageFixtures.untar(dist.resolve("docker/gateway-oci.tar"));
        JsonNode index = json(blob(layout, json(layout.get("index.json")).at("/manifests/0/digest").asText()));
        JsonNode arm64 = json(blob(layout, index.at("/manifests/1/digest").asText()));
        List<byte[]> layers = new ArrayList<>();
        arm64.get("layers").forEach(l -> layers.add(blob(layout, l.get("digest").asText())));
        Path root = temp.resolve("rootfs-arm64");
        ImageRootfs.unpack(layers, root);
        assertThat(ExecutableHeader.read(root.resolve("app/runtime/bin/java")).architectures())
                .containsExactly(Architecture.AARCH64);
        assertThat(ExecutableHeader.read(root.resolve("lib/aarch64-linux-gnu/libc.so.6")).architectures())
                .containsExactly(Architecture.AARCH64);

        Path qemu = Path.of("/usr/bin/qemu-aarch64-static");
        Assumptions.assumeTrue(Files.isExecutable(qemu), "qemu-aarch64-static is not installed (apt: qemu-user-static)");
        assumeNamespaces();
        Files.copy(qemu, root.resolve("qemu-aarch64-static"));
        Process cli = new ProcessBuilder("chroot", "--userspec=65532:65532", root.toString(), "/qemu-aarch64-static",
                "/app/runtime/bin/java", "-Dgateway.home=/app", "-cp", "/app/lib/*", "io.tokligence.gateway.cli.GatewayCli",
                "--version").redirectErrorStream(true).start();
        assertThat(cli.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip())
                .isEqualTo("gateway 0.1.0-SNAPSHOT");
    }

    /**
     * A process in the unpacked image: its own mount and PID namespaces with /proc mounted (the runtime finds its
     * libraries through /proc/self/exe), chrooted, as the image's user, with exactly the image's environment and
     * working directory; it shares the host network, so 127.0.0.1 reaches it.
     */
    private static ProcessBuilder inImage(Path root, JsonNode config, String command) {
        return inImage(root, config, command, true);
    }

    /** @param ownPidNamespace false for a second process beside the daemon, like {@code docker exec} (other PID) */
    private static ProcessBuilder inImage(Path root, JsonNode config, String command, boolean ownPidNamespace) {
        String script = "mount -t proc proc '" + root.resolve("proc") + "' && exec chroot --userspec="
                + config.get("User").asText() + " '" + root + "' /bin/sh -c 'cd " + config.get("WorkingDir").asText()
                + " && exec " + command + "'";
        List<String> unshare = new ArrayList<>(List.of("unshare", "--mount", "--fork", "--kill-child"));
        if (ownPidNamespace) {
            unshare.add("--pid");
        }
        unshare.addAll(List.of("/bin/sh", "-c", script));
        ProcessBuilder builder = new ProcessBuilder(unshare).redirectErrorStream(true);
        builder.environment().clear();
        config.get("Env").forEach(e -> {
            String[] pair = e.asText().split("=", 2);
            builder.environment().put(pair[0], pair[1]);
        });
        return builder;
    }

    private static String firstLineContaining(Process process, String text) {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.contains(text)) {
                    return line;
                }
                seen.append(line).append('\n');
            }
            return "exited without '" + text + "':\n" + seen;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
        return output;
    }

    private static void assumeTool(String tool) {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin", tool)), tool + " is not installed (apt: " + tool + ")");
    }

    private static void assumeNamespaces() throws IOException, InterruptedException {
        Process probe = new ProcessBuilder("unshare", "--mount", "--pid", "--fork", "true").redirectErrorStream(true)
                .start();
        Assumptions.assumeTrue(probe.waitFor() == 0, "unshare --mount --pid is not permitted here (needs root): "
                + new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    }
}
