package io.tokligence.gateway.dist.docker;

import io.tokligence.gateway.dist.DistException;
import io.tokligence.gateway.dist.runtime.ExecutableHeader;
import io.tokligence.gateway.dist.runtime.Target;
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
        Path java = tree.resolve("runtime/bin/java");
        ExecutableHeader header = ExecutableHeader.read(java);
        if (!header.matches(target(arch))) {
            throw new DistException("Native tree " + tree + " holds a runtime for " + header.describe()
                    + ", not linux/" + arch.ociName() + "; rebuild it with dist-native");
        }
    }

    /** The dist-native target whose tree an arch's image is made from. */
    static Target target(ImageArch arch) {
        return Target.parse(arch.nativeTarget());
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
