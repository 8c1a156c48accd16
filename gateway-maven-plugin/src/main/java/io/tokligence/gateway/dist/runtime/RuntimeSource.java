package io.tokligence.gateway.dist.runtime;

import java.nio.file.Path;

/**
 * Where a target's Java runtime comes from. {@code origin} says how it was chosen ("the JDK running Maven",
 * "toolchain jdk[os=linux,arch=aarch64]", "&lt;jdkHome&gt;", ...), so that every error can point at it.
 */
public sealed interface RuntimeSource {

    String origin();

    /** The JDK home, archive file or image directory. */
    Path path();

    /** A JDK home with {@code jmods/}: the image is linked from it. */
    record Jdk(Path path, String origin) implements RuntimeSource {
    }

    /** A JDK or runtime archive (tar.gz or zip), e.g. resolved from a Maven repository: extracted, then linked or used as-is. */
    record Archive(Path path, String origin) implements RuntimeSource {
    }

    /** A finished runtime image (has {@code lib/modules}, no {@code jmods/}): copied as-is. */
    record Image(Path path, String origin) implements RuntimeSource {
    }

    /** The one line that tells a user how to give a target a runtime. */
    static String howToSupply(Target target) {
        return "add a toolchain with <provides><os>" + target.os().id() + "</os><arch>" + target.arch().id()
                + "</arch></provides> to toolchains.xml, or set <jdkHome>, <jdkArtifact> (groupId:artifactId:version:type:classifier)"
                + " or <runtimeImage> in <runtimes><runtime><target>" + target.id() + "</target>";
    }
}
