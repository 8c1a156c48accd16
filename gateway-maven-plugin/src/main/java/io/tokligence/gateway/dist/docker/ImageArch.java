package io.tokligence.gateway.dist.docker;

import io.tokligence.gateway.dist.DistException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A linux CPU architecture the image is built for, with the names each tool in the chain uses for it. */
public enum ImageArch {
    AMD64("amd64", "linux-x64", "amd64", "x86_64"),
    ARM64("arm64", "linux-aarch64", "arm64", "aarch64");

    private final String ociName;
    private final String nativeTarget;
    private final String debianArch;
    private final String jvmArch;

    ImageArch(String ociName, String nativeTarget, String debianArch, String jvmArch) {
        this.ociName = ociName;
        this.nativeTarget = nativeTarget;
        this.debianArch = debianArch;
        this.jvmArch = jvmArch;
    }

    /** The OCI platform architecture ({@code amd64}, {@code arm64}). */
    public String ociName() {
        return ociName;
    }

    /** The dist-native target id whose tree this arch's image is made from. */
    public String nativeTarget() {
        return nativeTarget;
    }

    public String debianArch() {
        return debianArch;
    }

    /**
     * Parses an OCI arch name, also accepting the dist-native and JVM spellings.
     *
     * @throws DistException naming the parameter when the arch is not one we build
     */
    public static ImageArch parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (ImageArch arch : values()) {
            if (arch.ociName.equals(wanted) || arch.nativeTarget.equals(wanted) || arch.jvmArch.equals(wanted)
                    || ("linux/" + arch.ociName).equals(wanted)) {
                return arch;
            }
        }
        throw new DistException("architectures: '" + name + "' is not a supported image architecture; use "
                + Arrays.stream(values()).map(ImageArch::ociName).collect(Collectors.joining(" or ")));
    }

    /**
     * The arch of the running JVM (on any OS: a Mac with Apple silicon loads arm64 images), or {@code null} when it
     * is none we build.
     */
    public static ImageArch host() {
        return switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> AMD64;
            case "aarch64", "arm64" -> ARM64;
            default -> null;
        };
    }
}
