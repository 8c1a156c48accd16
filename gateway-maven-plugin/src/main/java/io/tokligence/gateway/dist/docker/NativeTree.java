package io.tokligence.gateway.dist.docker;

import io.tokligence.gateway.dist.DistException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks that the dist-native tree of an arch is there and really is that arch, before anything is built:
 * an amd64 runtime in an arm64 image would only fail when a user runs it.
 */
final class NativeTree {
    private NativeTree() {
    }

    static void check(DockerImageSpec spec, ImageArch arch) {
        Path tree = spec.nativeTree(arch);
        String fix = "run goal dist-native with linux-" + arch.nativeTarget().substring("linux-".length())
                + " in gateway.native.targets first, or drop " + arch.ociName()
                + " from <architectures> (-Dgateway.docker.architectures)";
        for (String required : new String[] {"runtime/bin/java", "lib"}) {
            if (!Files.exists(tree.resolve(required))) {
                throw new DistException("Missing native tree for linux/" + arch.ociName() + ": " + tree.resolve(required)
                        + " does not exist; " + fix);
            }
        }
        int machine = elfMachine(tree.resolve("runtime/bin/java"));
        if (machine != arch.elfMachine()) {
            throw new DistException("Native tree " + tree + " holds a runtime for ELF machine " + machine
                    + ", not linux/" + arch.ociName() + " (" + arch.elfMachine() + "); rebuild it with dist-native");
        }
    }

    /** {@code e_machine} of an ELF file, or -1 when the file is not ELF. */
    static int elfMachine(Path file) {
        byte[] header = new byte[20];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(header, 0, header.length) < header.length
                    || header[0] != 0x7f || header[1] != 'E' || header[2] != 'L' || header[3] != 'F') {
                return -1;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        boolean littleEndian = header[5] == 1;
        int low = header[littleEndian ? 18 : 19] & 0xff;
        int high = header[littleEndian ? 19 : 18] & 0xff;
        return high << 8 | low;
    }

    /** The web/H5 bundles for an arch's image: the tree's own copy, else {@code dist/frontend}, else none. */
    static Path frontend(DockerImageSpec spec, ImageArch arch) {
        for (Path candidate : new Path[] {spec.nativeTree(arch).resolve("frontend"),
                spec.distDirectory().resolve("frontend")}) {
            if (Files.isDirectory(candidate.resolve("web")) || Files.isDirectory(candidate.resolve("h5"))) {
                return candidate;
            }
        }
        return null;
    }
}
