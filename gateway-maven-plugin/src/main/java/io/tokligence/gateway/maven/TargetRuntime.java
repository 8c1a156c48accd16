package io.tokligence.gateway.maven;

import java.io.File;

/**
 * One {@code <runtime>} element of dist-native's {@code <runtimes>}: where a target's Java runtime comes from when
 * neither the build's own JDK (host target) nor a matching toolchain supplies it. Set one of the three sources.
 *
 * <pre>{@code
 * <runtime>
 *   <target>linux-aarch64</target>
 *   <jdkHome>/opt/jdks/jdk-17-aarch64</jdkHome>                          <!-- a JDK home with jmods/ -->
 *   <jdkArtifact>com.acme.jdk:temurin:17.0.13:tar.gz:linux-aarch64</jdkArtifact>  <!-- from a Maven repository -->
 *   <runtimeImage>/opt/runtimes/linux-aarch64</runtimeImage>            <!-- a finished runtime, used as-is -->
 * </runtime>
 * }</pre>
 *
 * @since 0.1.0
 */
public class TargetRuntime {

    /** The target id this runtime is for, e.g. {@code linux-aarch64}. */
    private String target;

    /** A JDK home for the target, with {@code jmods/}; linked with the build's jlink (same feature release). */
    private File jdkHome;

    /** A JDK (or runtime) archive as Maven coordinates {@code groupId:artifactId:version:type:classifier}. */
    private String jdkArtifact;

    /** A finished runtime image for the target (has {@code lib/modules}); copied as-is, not relinked. */
    private File runtimeImage;

    public String getTarget() {
        return target;
    }

    public File getJdkHome() {
        return jdkHome;
    }

    public String getJdkArtifact() {
        return jdkArtifact;
    }

    public File getRuntimeImage() {
        return runtimeImage;
    }
}
