package io.tokligence.gateway.dist.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokligence.gateway.dist.BuildTimestamp;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;

/**
 * Writes the two archive formats from the per-arch blobs: a docker-archive ({@code docker load}) of one arch, and an
 * OCI image layout holding an image index over every arch, each blob stored once however many archs share it.
 */
final class ImageArchiveWriter {
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";
    private static final String REF_NAME = "org.opencontainers.image.ref.name";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A blob as the OCI layout addresses it. */
    record Descriptor(String mediaType, String digest, long size) {
    }

    /** What {@link #writeOciLayout} wrote: the index and each arch's manifest. */
    record OciLayout(Descriptor index, List<Descriptor> manifests) {
    }

    private final BuildTimestamp timestamp;

    ImageArchiveWriter(BuildTimestamp timestamp) {
        this.timestamp = timestamp;
    }

    /** The OCI manifest of one arch's image: the blob an index points to. */
    static byte[] ociManifest(ArchImage image) throws IOException {
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", OCI_MANIFEST);
        descriptor(manifest.putObject("config"), OCI_CONFIG, image.configDigest(), image.config().length);
        ArrayNode layers = manifest.putArray("layers");
        for (ArchImage.Layer layer : image.layers()) {
            descriptor(layers.addObject(), OCI_LAYER, layer.digest(), layer.size());
        }
        return JSON.writeValueAsBytes(manifest);
    }

    /**
     * Writes {@code oci-layout}, {@code index.json} (one entry per tag, all naming the image index) and every blob.
     */
    OciLayout writeOciLayout(List<ArchImage> images, List<String> tags, Path target) throws IOException {
        TreeMap<String, Object> blobs = new TreeMap<>();
        ObjectNode index = JSON.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", OCI_INDEX);
        ArrayNode entries = index.putArray("manifests");
        List<Descriptor> manifests = new java.util.ArrayList<>();
        for (ArchImage image : images) {
            byte[] manifest = ociManifest(image);
            Descriptor descriptor = new Descriptor(OCI_MANIFEST, Sha256.prefixed(manifest), manifest.length);
            manifests.add(descriptor);
            ObjectNode entry = descriptor(entries.addObject(), OCI_MANIFEST, descriptor.digest(), descriptor.size());
            ObjectNode platform = entry.putObject("platform");
            platform.put("architecture", image.arch().ociName());
            platform.put("os", "linux");
            blobs.put(descriptor.digest(), manifest);
            blobs.put(image.configDigest(), image.config());
            for (ArchImage.Layer layer : image.layers()) {
                blobs.put(layer.digest(), layer.file());
            }
        }
        byte[] indexBytes = JSON.writeValueAsBytes(index);
        Descriptor indexDescriptor = new Descriptor(OCI_INDEX, Sha256.prefixed(indexBytes), indexBytes.length);
        blobs.put(indexDescriptor.digest(), indexBytes);

        ObjectNode top = JSON.createObjectNode();
        top.put("schemaVersion", 2);
        top.put("mediaType", OCI_INDEX);
        ArrayNode refs = top.putArray("manifests");
        for (String tag : tags) {
            descriptor(refs.addObject(), OCI_INDEX, indexDescriptor.digest(), indexDescriptor.size())
                    .putObject("annotations").put(REF_NAME, tag);
        }
        try (OutputStream out = Files.newOutputStream(target); ReproducibleTar tar = new ReproducibleTar(out, timestamp)) {
            tar.directory("blobs", 0755, 0);
            tar.directory("blobs/sha256", 0755, 0);
            TreeMap<String, Object> named = new TreeMap<>();
            blobs.forEach((digest, content) -> named.put("blobs/sha256/" + digest.substring("sha256:".length()), content));
            writeAll(tar, named);
            tar.file("index.json", JSON.writeValueAsBytes(top), 0644);
            tar.file("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    0644);
        }
        return new OciLayout(indexDescriptor, List.copyOf(manifests));
    }

    /** Writes a docker-save tar of one image, tagged with every reference, the format {@code docker load} reads. */
    void writeDockerArchive(ArchImage image, List<String> references, Path target) throws IOException {
        String configName = image.configDigest().substring("sha256:".length()) + ".json";
        ArrayNode manifest = JSON.createArrayNode();
        ObjectNode entry = manifest.addObject();
        entry.put("Config", configName);
        ArrayNode repoTags = entry.putArray("RepoTags");
        references.forEach(repoTags::add);
        ArrayNode layers = entry.putArray("Layers");
        TreeMap<String, Path> layerFiles = new TreeMap<>();
        for (ArchImage.Layer layer : image.layers()) {
            String name = layer.hex() + ".tar.gz";
            layers.add(name);
            layerFiles.put(name, layer.file());
        }
        try (OutputStream out = Files.newOutputStream(target); ReproducibleTar tar = new ReproducibleTar(out, timestamp)) {
            TreeMap<String, Object> all = new TreeMap<>(layerFiles);
            all.put(configName, image.config());
            all.put("manifest.json", JSON.writeValueAsBytes(manifest));
            writeAll(tar, all);
        }
    }

    /** Writes name-sorted entries whose content is either a file ({@link Path}) or bytes. */
    private static void writeAll(ReproducibleTar tar, TreeMap<String, Object> entries) throws IOException {
        for (var entry : entries.entrySet()) {
            if (entry.getValue() instanceof Path file) {
                tar.file(entry.getKey(), file, 0644);
            } else {
                tar.file(entry.getKey(), (byte[]) entry.getValue(), 0644);
            }
        }
    }

    private static ObjectNode descriptor(ObjectNode node, String mediaType, String digest, long size) {
        node.put("mediaType", mediaType);
        node.put("digest", digest);
        node.put("size", size);
        return node;
    }
}
