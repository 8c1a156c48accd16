package io.tokligence.gateway.maven;

import io.tokligence.gateway.dist.DistException;
import io.tokligence.gateway.dist.runtime.RuntimeSource;
import io.tokligence.gateway.dist.runtime.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Finds each target's Java runtime the Maven way, in this order: the build's own JDK (host target only), a toolchain
 * with matching {@code os}/{@code arch}, then the target's {@code <runtime>}: {@code jdkHome}, {@code jdkArtifact},
 * {@code runtimeImage}. Everything after this is plain core code.
 */
final class TargetRuntimeLocator {

    private final MavenSession session;
    private final MavenProject project;
    private final ToolchainManager toolchains;
    private final RepositorySystem repositories;

    TargetRuntimeLocator(MavenSession session, MavenProject project, ToolchainManager toolchains,
            RepositorySystem repositories) {
        this.session = session;
        this.project = project;
        this.toolchains = toolchains;
        this.repositories = repositories;
    }

    /** The JDK that runs jlink and jdeps: the {@code jdk} toolchain if maven-toolchains-plugin chose one, else Maven's. */
    Path linkingJdk() {
        Toolchain toolchain = toolchains.getToolchainFromBuildContext("jdk", session);
        return toolchain != null ? homeOf(toolchain) : Path.of(System.getProperty("java.home"));
    }

    /** The runtime source for {@code target}, or null when none of the ways supplies one. */
    RuntimeSource locate(Target target, List<TargetRuntime> runtimes) {
        if (target.equals(Target.host())) {
            Toolchain toolchain = toolchains.getToolchainFromBuildContext("jdk", session);
            return toolchain != null ? new RuntimeSource.Jdk(homeOf(toolchain), "the jdk toolchain")
                    : new RuntimeSource.Jdk(Path.of(System.getProperty("java.home")), "the JDK running Maven");
        }
        List<Toolchain> matching = toolchains.getToolchains(session, "jdk",
                Map.of("os", target.os().id(), "arch", target.arch().id()));
        if (!matching.isEmpty()) {
            return new RuntimeSource.Jdk(homeOf(matching.get(0)),
                    "toolchain jdk[os=" + target.os().id() + ",arch=" + target.arch().id() + "]");
        }
        TargetRuntime runtime = runtimes.stream().filter(r -> target.id().equals(r.getTarget())).findFirst().orElse(null);
        if (runtime == null) {
            return null;
        }
        if (runtime.getJdkHome() != null) {
            return new RuntimeSource.Jdk(runtime.getJdkHome().toPath().toAbsolutePath(), "<jdkHome>");
        }
        if (runtime.getJdkArtifact() != null && !runtime.getJdkArtifact().isBlank()) {
            return new RuntimeSource.Archive(resolve(target, runtime.getJdkArtifact().trim()),
                    "<jdkArtifact> " + runtime.getJdkArtifact().trim());
        }
        if (runtime.getRuntimeImage() != null) {
            return new RuntimeSource.Image(runtime.getRuntimeImage().toPath().toAbsolutePath(), "<runtimeImage>");
        }
        return null;
    }

    private Path resolve(Target target, String coordinates) {
        String[] parts = coordinates.split(":");
        if (parts.length < 4 || parts.length > 5) {
            throw new DistException("Target " + target.id() + ": <jdkArtifact> '" + coordinates
                    + "' is not groupId:artifactId:version:type[:classifier], e.g. com.acme.jdk:temurin:17.0.13:tar.gz:linux-aarch64");
        }
        DefaultArtifact artifact = new DefaultArtifact(parts[0], parts[1], parts.length == 5 ? parts[4] : "", parts[3], parts[2]);
        try {
            return repositories.resolveArtifact(session.getRepositorySession(),
                    new ArtifactRequest(artifact, project.getRemoteProjectRepositories(), null)).getArtifact().getFile().toPath();
        } catch (ArtifactResolutionException e) {
            throw new DistException("Target " + target.id() + ": <jdkArtifact> " + coordinates + " cannot be resolved ("
                    + e.getMessage() + "): deploy it to a repository of your settings.xml or install it locally with"
                    + " mvn install:install-file", e);
        }
    }

    /** Toolchains only expose tools; the home is two levels above bin/java. */
    private static Path homeOf(Toolchain toolchain) {
        String java = toolchain.findTool("java");
        if (java == null) {
            throw new DistException("The jdk toolchain " + toolchain + " has no bin/java: fix its <jdkHome> in toolchains.xml");
        }
        return Path.of(java).toAbsolutePath().getParent().getParent();
    }
}
