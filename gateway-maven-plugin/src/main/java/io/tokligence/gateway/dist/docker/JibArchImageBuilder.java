package io.tokligence.gateway.dist.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import com.google.cloud.tools.jib.api.buildplan.Port;
import io.tokligence.gateway.dist.DistException;
import io.tokligence.gateway.dist.StagedDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Builds one architecture's image with jib-core into a tar (offline when the base is local), then reads that tar
 * back as blobs. Jib can build only one platform into a tar (jib#4318), hence one call per arch; the multi-arch
 * index is written by {@link OciLayoutWriter}.
 */
final class JibArchImageBuilder {
    static final String PATH = "/app/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DockerImageSpec spec;
    private final Consumer<String> log;

    JibArchImageBuilder(DockerImageSpec spec, Consumer<String> log) {
        this.spec = spec;
        this.log = log;
    }

    /**
     * @param baseReference the Jib reference of the base for this arch
     * @param frontend the frontend directory or {@code null}
     */
    ArchImage build(ImageArch arch, String baseReference, Path frontend) throws IOException, InterruptedException {
        Path work = spec.workDirectory().resolve(arch.ociName());
        StagedDirectory.deleteRecursively(work);
        Files.createDirectories(work);
        JibContainerBuilder builder = from(baseReference, arch)
                .setFileEntriesLayers(new ImageLayerPlan(spec.timestamp(), spec.launchers()).layers(spec.nativeTree(arch), frontend,
                        work.resolve("probe")))
                .setEntrypoint("/app/bin/" + DockerImageSpec.ENTRYPOINT)
                .setProgramArguments(List.of())
                .setEnvironment(environment())
                .setExposedPorts(Set.of(Port.tcp(spec.port())))
                .setLabels(new LinkedHashMap<>(spec.labels()))
                .setUser(DebianBaseImage.USER_ID + ":" + DebianBaseImage.USER_ID)
                .setWorkingDirectory(ImageLayerPlan.APP_ROOT)
                .setCreationTime(spec.timestamp().instant())
                .setPlatforms(Set.of(new Platform(arch.ociName(), "linux")));
        Path tar = work.resolve("jib-image.tar");
        Containerizer containerizer = Containerizer.to(TarImage.at(tar).named(targetReference()))
                .setOfflineMode(!isRegistry(baseReference))
                .setBaseImageLayersCache(spec.workDirectory().resolve("jib-cache/base"))
                .setApplicationLayersCache(spec.workDirectory().resolve("jib-cache/application"))
                .setToolName("gateway-maven-plugin (jib-core)");
        try {
            builder.containerize(containerizer);
        } catch (ExecutionException | com.google.cloud.tools.jib.api.RegistryException
                 | com.google.cloud.tools.jib.api.CacheDirectoryCreationException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            // Matched by name: the exception lives in a Jib package outside its public API.
            if (cause.getClass().getSimpleName().equals("PlatformNotFoundInBaseImageException")) {
                throw wrongArch(baseReference, arch, oneLine(cause));
            }
            throw new DistException("baseImage '" + baseReference + "' cannot be read for linux/" + arch.ociName()
                    + " (" + oneLine(cause) + "): give a reachable registry reference pinned by digest, docker://name, "
                    + "or tar:///path/to/docker-save.tar (-Dgateway.docker.baseImage)", e);
        }
        return readBack(arch, tar, work.resolve("blobs"), baseReference);
    }

    private ImageReference targetReference() {
        try {
            return ImageReference.parse(spec.naming().references().get(0));
        } catch (InvalidImageReferenceException e) {
            throw new IllegalStateException("ImageNaming validated " + spec.naming() + " already", e);
        }
    }

    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", PATH);
        // Java 17 takes file.encoding from the locale; the C.UTF-8 locale is built into glibc.
        env.put("LANG", "C.UTF-8");
        // Inside a container the daemon must listen on every interface to be reachable through -p.
        env.put("TOKLIGENCE_LISTEN", "0.0.0.0:" + spec.port());
        return env;
    }

    private static JibContainerBuilder from(String reference, ImageArch arch) {
        try {
            if (reference.startsWith(Jib.TAR_IMAGE_PREFIX)) {
                return Jib.from(TarImage.at(checkReadable(reference)));
            }
            if (isRegistry(reference)) {
                String name = reference.startsWith(Jib.REGISTRY_IMAGE_PREFIX)
                        ? reference.substring(Jib.REGISTRY_IMAGE_PREFIX.length()) : reference;
                return Jib.from(RegistryImage.named(name));
            }
            return Jib.from(reference);
        } catch (InvalidImageReferenceException e) {
            throw new DistException("baseImage '" + reference + "' is not an image reference: use registry/name@sha256:..., "
                    + "docker://name or tar:///path/base.tar (-Dgateway.docker.baseImage)", e);
        }
    }

    /**
     * Fails early, before anything is built, when a {@code tar://} base is not a readable file.
     *
     * @return the tar file of a {@code tar://} reference, {@code null} for other kinds
     */
    static Path checkReadable(String reference) {
        if (!reference.startsWith(Jib.TAR_IMAGE_PREFIX)) {
            return null;
        }
        Path tar = Path.of(reference.substring(Jib.TAR_IMAGE_PREFIX.length()));
        if (!Files.isRegularFile(tar) || !Files.isReadable(tar)) {
            throw new DistException("baseImage '" + reference + "' cannot be read: " + tar
                    + " is not a readable file; give a docker-save tar (tar:///path/base.tar) "
                    + "or a registry reference (-Dgateway.docker.baseImage)");
        }
        return tar;
    }

    private static boolean isRegistry(String reference) {
        return !reference.startsWith(Jib.TAR_IMAGE_PREFIX) && !reference.startsWith(Jib.DOCKER_DAEMON_IMAGE_PREFIX);
    }

    /**
     * Reads Jib's docker-save tar: the config (with the HEALTHCHECK added, which Jib cannot set) and the layers.
     * Fails when the base was another arch than the image is labelled for, which would make an image that cannot run.
     */
    private ArchImage readBack(ImageArch arch, Path tar, Path blobs, String baseReference) throws IOException {
        Files.createDirectories(blobs);
        Map<String, Path> files = new HashMap<>();
        try (InputStream in = Files.newInputStream(tar); TarArchiveInputStream entries = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = entries.getNextEntry()) != null) {
                if (entry.isFile()) {
                    Path file = blobs.resolve(entry.getName().replace('/', '_'));
                    Files.copy(entries, file);
                    files.put(entry.getName(), file);
                }
            }
        }
        JsonNode manifest = JSON.readTree(files.get("manifest.json").toFile()).get(0);
        ObjectNode config = (ObjectNode) JSON.readTree(files.get(manifest.get("Config").asText()).toFile());
        String baseArch = config.path("architecture").asText();
        if (!arch.ociName().equals(baseArch)) {
            throw wrongArch(baseReference, arch, "it is linux/" + baseArch);
        }
        ((ObjectNode) config.path("config")).set("Healthcheck", healthcheck());
        List<ArchImage.Layer> layers = new ArrayList<>();
        for (JsonNode name : manifest.get("Layers")) {
            Path file = files.get(name.asText());
            layers.add(new ArchImage.Layer(file, Sha256.prefixed(file), Files.size(file)));
        }
        log.accept("Built linux/" + arch.ociName() + " image: " + layers.size() + " layers on " + baseReference);
        return new ArchImage(arch, JSON.writeValueAsBytes(config), layers);
    }

    private ObjectNode healthcheck() {
        ObjectNode check = JSON.createObjectNode();
        check.putArray("Test").add("CMD").add("/app/runtime/bin/java").add("-XX:TieredStopAtLevel=1")
                .add("-XX:-UsePerfData")
                .add("-cp").add(ImageLayerPlan.PROBE_DIRECTORY).add(ImageLayerPlan.PROBE_CLASS)
                .add("http://127.0.0.1:" + spec.port() + "/health");
        check.put("Interval", Duration.ofSeconds(30).toNanos());
        check.put("Timeout", Duration.ofSeconds(10).toNanos());
        check.put("StartPeriod", Duration.ofSeconds(20).toNanos());
        check.put("Retries", 3);
        return check;
    }

    private static DistException wrongArch(String baseReference, ImageArch arch, String detail) {
        return new DistException("baseImage '" + baseReference + "' has no linux/" + arch.ociName() + " image ("
                + detail + "): give a multi-arch reference, or one per arch with {arch} in it, e.g. "
                + "tar:///bases/base-{arch}.tar (-Dgateway.docker.baseImage)");
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        return (e.getClass().getSimpleName() + message).replaceAll("\\s+", " ").strip();
    }
}
