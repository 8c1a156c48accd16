package io.tokligence.gateway.dist.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokligence.gateway.dist.BuildTimestamp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Assumptions;

/** Specs and archive readers shared by the image tests. */
final class ImageFixtures {
    static final ObjectMapper JSON = new ObjectMapper();
    static final BuildTimestamp TIMESTAMP = BuildTimestamp.parse("2026-11-25T00:00:00Z");
    /** Shared across tests and runs so apt-get download runs once per `mvn clean`. */
    static final Path BASE_CACHE = Path.of("target", "docker-base-cache").toAbsolutePath();

    private ImageFixtures() {
    }

    static void skipUnlessApt() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/apt-get"))
                && Files.isExecutable(Path.of("/usr/bin/dpkg-deb")),
                "the default base is assembled from Debian packages: needs apt-get and dpkg-deb");
    }

    static DockerImageSpec spec(Path dist, Path work, List<ImageArch> arches, String baseImage, int port,
            String imageName) {
        Map<String, String> labels = ImageLabels.of("Tokligence Gateway", "0.1.0-SNAPSHOT",
                "0123456789abcdef0123456789abcdef01234567", dist, "https://github.com/tokligence/gateway-java",
                List.of("Apache-2.0"), TIMESTAMP);
        return new DockerImageSpec(dist, work, ImageNaming.of(imageName, "0.1.0-SNAPSHOT", List.of()),
                "0.1.0-SNAPSHOT", arches, baseImage,
                new DebianBaseImage.Settings(DebianBaseImage.DEFAULT_PACKAGES, BASE_CACHE),
                DockerImageSpec.DEFAULT_LAUNCHERS, port, labels, TIMESTAMP,
                ImageArch.host());
    }

    /** Every regular file of a tar, by name. */
    static Map<String, byte[]> untar(InputStream in) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        TarArchiveInputStream tar = new TarArchiveInputStream(in);
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            if (entry.isFile()) {
                files.put(entry.getName(), tar.readAllBytes());
            }
        }
        return files;
    }

    static Map<String, byte[]> untar(Path tar) throws IOException {
        try (InputStream in = Files.newInputStream(tar)) {
            return untar(in);
        }
    }

    static Map<String, byte[]> untarGzip(byte[] gzip) throws IOException {
        return untar(new GZIPInputStream(new java.io.ByteArrayInputStream(gzip)));
    }

    static JsonNode json(byte[] bytes) throws IOException {
        return JSON.readTree(bytes);
    }

    static byte[] blob(Map<String, byte[]> layout, String digest) {
        return layout.get("blobs/sha256/" + digest.substring("sha256:".length()));
    }
}
