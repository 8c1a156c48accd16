package io.tokligence.gateway.dist.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokligence.gateway.dist.DistException;
import io.tokligence.gateway.dist.ProcessRunner;
import io.tokligence.gateway.dist.StagedDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Goal dist-docker's engine: one image per arch with jib-core, then {@code dist/docker/gateway-oci.tar} (index over
 * all archs), {@code gateway.tar} (docker-archive of the host arch) and {@code image.json}, moved into place together
 * only when all three are complete.
 */
public final class DockerImageBuilder {
    public static final String OCI_ARCHIVE = "gateway-oci.tar";
    public static final String DOCKER_ARCHIVE = "gateway.tar";
    public static final String REPORT = "image.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Consumer<String> log;
    private final ProcessRunner runner;

    public DockerImageBuilder(Consumer<String> log) {
        this.log = log;
        this.runner = new ProcessRunner(log);
    }

    /** What was written, for the Mojo's log. */
    public record Result(Path outputDirectory, String indexDigest, Map<ImageArch, String> manifestDigests,
            boolean dockerArchiveWritten) {
    }

    public Result build(DockerImageSpec spec) {
        if (spec.baseImage() != null) {
            spec.architectures().forEach(a -> JibArchImageBuilder.checkReadable(spec.baseImage().replace("{arch}", a.ociName())));
        }
        spec.architectures().forEach(arch -> NativeTree.check(spec, arch));
        try {
            List<ArchImage> images = new ArrayList<>();
            Map<ImageArch, String> bases = new LinkedHashMap<>();
            for (ImageArch arch : spec.architectures()) {
                String base = baseFor(spec, arch, bases);
                images.add(new JibArchImageBuilder(spec, log).build(arch, base, NativeTree.frontend(spec, arch)));
            }
            ImageArchiveWriter writer = new ImageArchiveWriter(spec.timestamp());
            try (StagedDirectory staged = StagedDirectory.beside(spec.outputDirectory())) {
                ImageArchiveWriter.OciLayout layout = writer.writeOciLayout(images, spec.naming().tags(),
                        staged.path().resolve(OCI_ARCHIVE));
                ArchImage host = images.stream().filter(i -> i.arch() == spec.hostArchitecture()).findFirst()
                        .orElse(null);
                if (host != null) {
                    writer.writeDockerArchive(host, spec.naming().references(), staged.path().resolve(DOCKER_ARCHIVE));
                } else {
                    log.accept("No docker-archive written: the host architecture is not among " + spec.architectures());
                }
                writeReport(spec, images, layout, host, bases, staged.path());
                staged.commit();
                Map<ImageArch, String> digests = new LinkedHashMap<>();
                for (int i = 0; i < images.size(); i++) {
                    digests.put(images.get(i).arch(), layout.manifests().get(i).digest());
                }
                return new Result(spec.outputDirectory(), layout.index().digest(), digests, host != null);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot write the image into " + spec.workDirectory(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DistException("Interrupted while building the image", e);
        } finally {
            StagedDirectory.deleteRecursively(spec.workDirectory());
        }
    }

    /** The Jib base reference for an arch, recording in {@code bases} how the report should name it. */
    private String baseFor(DockerImageSpec spec, ImageArch arch, Map<ImageArch, String> bases) {
        if (spec.baseImage() != null) {
            String reference = spec.baseImage().replace("{arch}", arch.ociName());
            bases.put(arch, reference);
            return reference;
        }
        DebianBaseImage.Assembled base = new DebianBaseImage(spec.debianBase(), runner).assemble(arch, spec.timestamp());
        RuntimeLibraries.Needs needs = RuntimeLibraries.neededFromBase(spec.nativeTree(arch).resolve("runtime"));
        needs.byOptionalLibrary().forEach((library, sonames) -> {
            Set<String> lacking = new TreeSet<>(sonames);
            lacking.removeAll(base.fileNames());
            if (!lacking.isEmpty()) {
                log.accept("Note: in the linux/" + arch.ociName() + " image, the runtime's " + library + " cannot load ("
                        + "the base lacks " + String.join(", ", lacking) + "); only code using its JDK module needs it");
            }
        });
        Set<String> missing = new TreeSet<>(needs.always());
        missing.removeAll(base.fileNames());
        if (!missing.isEmpty()) {
            throw new DistException("The linux/" + arch.ociName() + " runtime links " + String.join(", ", missing)
                    + ", which the Debian base packages " + spec.debianBase().packages() + " do not provide: add the "
                    + "packages holding them to <basePackages> (-Dgateway.docker.basePackages), or set <baseImage>");
        }
        bases.put(arch, "debian:" + String.join(",", base.debianPackages()));
        return base.jibReference();
    }

    private static void writeReport(DockerImageSpec spec, List<ArchImage> images, ImageArchiveWriter.OciLayout layout,
            ArchImage host, Map<ImageArch, String> bases, Path directory) throws IOException {
        ObjectNode report = JSON.createObjectNode();
        report.put("name", spec.naming().repository());
        report.putPOJO("tags", spec.naming().tags());
        report.putPOJO("references", spec.naming().references());
        report.put("created", spec.timestamp().instant().toString());
        ObjectNode index = report.putObject("index");
        index.put("media_type", layout.index().mediaType());
        index.put("digest", layout.index().digest());
        index.put("size", layout.index().size());
        ArrayNode entries = report.putArray("images");
        for (int i = 0; i < images.size(); i++) {
            ArchImage image = images.get(i);
            ObjectNode entry = entries.addObject();
            entry.put("os", "linux");
            entry.put("architecture", image.arch().ociName());
            entry.put("manifest_digest", layout.manifests().get(i).digest());
            entry.put("manifest_size", layout.manifests().get(i).size());
            entry.put("config_digest", image.configDigest());
            entry.put("base", bases.get(image.arch()));
            long total = image.config().length + layout.manifests().get(i).size();
            ArrayNode layers = entry.putArray("layers");
            for (ArchImage.Layer layer : image.layers()) {
                layers.addObject().put("digest", layer.digest()).put("size", layer.size());
                total += layer.size();
            }
            entry.put("size", total);
        }
        ObjectNode archives = report.putObject("archives");
        archive(archives.putObject("oci"), directory.resolve(OCI_ARCHIVE)).put("format", "oci-archive");
        if (host != null) {
            archive(archives.putObject("docker"), directory.resolve(DOCKER_ARCHIVE)).put("format", "docker-archive")
                    .put("architecture", host.arch().ociName()).put("image_id", host.configDigest());
        }
        JSON.writeValue(directory.resolve(REPORT).toFile(), report);
    }

    private static ObjectNode archive(ObjectNode node, Path file) throws IOException {
        node.put("file", file.getFileName().toString());
        node.put("sha256", Sha256.of(file));
        node.put("size", Files.size(file));
        return node;
    }
}
