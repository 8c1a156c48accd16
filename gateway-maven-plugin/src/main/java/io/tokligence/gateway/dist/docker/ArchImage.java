package io.tokligence.gateway.dist.docker;

import java.nio.file.Path;
import java.util.List;

/**
 * One architecture's finished image, as blobs ready to be written into either archive format.
 *
 * @param arch the architecture
 * @param config the image configuration JSON, exactly as it will be stored (its SHA-256 is the image id)
 * @param layers the gzip-compressed layers, base first
 */
record ArchImage(ImageArch arch, byte[] config, List<Layer> layers) {

    ArchImage {
        layers = List.copyOf(layers);
    }

    /** A compressed layer blob on disk with its digest ({@code sha256:...}) and size. */
    record Layer(Path file, String digest, long size) {
        String hex() {
            return digest.substring("sha256:".length());
        }
    }

    String configDigest() {
        return Sha256.prefixed(config);
    }
}
