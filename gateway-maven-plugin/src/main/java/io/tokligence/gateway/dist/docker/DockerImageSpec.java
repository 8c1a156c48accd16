package io.tokligence.gateway.dist.docker;

import io.tokligence.gateway.dist.BuildTimestamp;
import io.tokligence.gateway.dist.DistException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything {@link DockerImageBuilder} needs, validated when built.
 *
 * @param distDirectory the {@code dist/} root: reads {@code native/gateway-linux-*} and {@code frontend/}, writes {@code docker/}
 * @param workDirectory scratch space for Jib's per-arch tars and layer cache (e.g. {@code target/dist-docker})
 * @param naming image name and tags
 * @param version the project version, for the version label
 * @param architectures the linux archs to build, host arch included for the docker-archive
 * @param baseImage a Jib base reference ({@code registry/name@sha256:...}, {@code docker://...}, {@code tar://...});
 *        {@code null} selects the Debian base assembled by {@link DebianBaseImage}
 * @param debianBase how to assemble the default base when {@code baseImage} is null
 * @param launchers the commands written to {@code /app/bin} (on PATH), name to main class; {@code gatewayd} is the
 *        entrypoint
 * @param port the port gatewayd listens on inside the image (on 0.0.0.0) and that the image exposes
 * @param labels the OCI labels ({@code org.opencontainers.image.*}); {@code created} and {@code version} are added
 * @param timestamp image creation time and every file's modification time
 * @param hostArchitecture the arch whose image goes into the docker-archive; {@code null} writes none
 */
public record DockerImageSpec(
        Path distDirectory,
        Path workDirectory,
        ImageNaming naming,
        String version,
        List<ImageArch> architectures,
        String baseImage,
        DebianBaseImage.Settings debianBase,
        Map<String, String> launchers,
        int port,
        Map<String, String> labels,
        BuildTimestamp timestamp,
        ImageArch hostArchitecture) {

    /** The launcher the image runs. */
    public static final String ENTRYPOINT = "gatewayd";

    /** The launch contract's commands. */
    public static final Map<String, String> DEFAULT_LAUNCHERS = Map.of(
            "gateway", "io.tokligence.gateway.cli.GatewayCli",
            "gatewayd", "io.tokligence.gateway.daemon.GatewayDaemon");

    public DockerImageSpec {
        if (architectures.isEmpty()) {
            throw new DistException("architectures is empty: list at least one of amd64, arm64 "
                    + "(-Dgateway.docker.architectures=amd64,arm64)");
        }
        architectures = architectures.stream().distinct().sorted().toList();
        if (port < 1 || port > 65535) {
            throw new DistException("port " + port + " is not a TCP port: use 1-65535 (-Dgateway.docker.port)");
        }
        if (baseImage != null && baseImage.isBlank()) {
            baseImage = null;
        }
        labels = Map.copyOf(labels);
        launchers = Map.copyOf(launchers);
        if (!launchers.containsKey(ENTRYPOINT)) {
            throw new DistException("launchers has no '" + ENTRYPOINT + "' entry: the image's entrypoint runs it; "
                    + "add <gatewayd>io.tokligence.gateway.daemon.GatewayDaemon</gatewayd>");
        }
    }

    public Path outputDirectory() {
        return distDirectory.resolve("docker");
    }

    /**
     * The archs whose linux tree dist-native wrote into {@code distDirectory}: the default when the user names none,
     * so that a build of only the host's tree gives that arch's image.
     *
     * @throws DistException when there is no linux tree at all
     */
    public static List<ImageArch> availableArchitectures(Path distDirectory) {
        List<ImageArch> available = java.util.Arrays.stream(ImageArch.values())
                .filter(a -> Files.isRegularFile(nativeTree(distDirectory, a).resolve("runtime/bin/java"))).toList();
        if (available.isEmpty()) {
            throw new DistException("No linux native tree in " + distDirectory.resolve("native")
                    + " (gateway-linux-x64, gateway-linux-aarch64): run goal dist-native first (-Pdist-native,dist-docker"
                    + " -Dgateway.native.targets=linux-x64,linux-aarch64), or name <architectures>");
        }
        return available;
    }

    /** The dist-native tree an arch's image is made from. */
    public Path nativeTree(ImageArch arch) {
        return nativeTree(distDirectory, arch);
    }

    private static Path nativeTree(Path distDirectory, ImageArch arch) {
        return distDirectory.resolve("native").resolve("gateway-" + arch.nativeTarget());
    }
}
