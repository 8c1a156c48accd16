package io.tokligence.gateway.maven;

import io.tokligence.gateway.dist.BuildTimestamp;
import io.tokligence.gateway.dist.docker.DebianBaseImage;
import io.tokligence.gateway.dist.docker.DockerImageBuilder;
import io.tokligence.gateway.dist.docker.DockerImageSpec;
import io.tokligence.gateway.dist.docker.ImageArch;
import io.tokligence.gateway.dist.docker.ImageLabels;
import io.tokligence.gateway.dist.docker.ImageNaming;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.model.License;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Writes {@code dist/docker/}: {@code gateway-oci.tar} (OCI image layout, one image per arch under an index),
 * {@code gateway.tar} (docker-archive of the build machine's arch, for {@code docker load}) and {@code image.json},
 * from the dist-native linux trees, with jib-core and no container engine or registry.
 *
 * @since 0.1.0
 */
@Mojo(name = "dist-docker", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class DistDockerMojo extends AbstractDistMojo {

    /** Image name without tag. @since 0.1.0 */
    @Parameter(property = "gateway.docker.imageName", defaultValue = "ghcr.io/tokligence/gateway")
    private String imageName;

    /** Tags besides {@code <version>} (always) and {@code latest} (releases only). @since 0.1.0 */
    @Parameter(property = "gateway.docker.tags")
    private List<String> tags;

    /**
     * Linux archs in the OCI index ({@code amd64}, {@code arm64}); each needs its dist-native tree. Default: every
     * arch whose tree dist-native wrote (both with {@code -Dgateway.native.targets=linux-x64,linux-aarch64}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "gateway.docker.architectures")
    private List<String> architectures;

    /**
     * Base image as a Jib reference: {@code registry/name@sha256:...} (online), {@code docker://name},
     * {@code tar:///path/docker-save.tar}; {@code {arch}} is replaced per arch. Empty: a base assembled from Debian
     * packages with {@code apt-get download}, which needs no container registry.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gateway.docker.baseImage")
    private String baseImage;

    /** Debian packages of the default base: glibc and what the jlink runtime links, plus dash for the launchers. @since 0.1.0 */
    @Parameter(property = "gateway.docker.basePackages", defaultValue = "libc6,libgcc-s1,libstdc++6,zlib1g,dash")
    private List<String> basePackages;

    /** Where assembled Debian bases are cached between builds; default {@code ~/.cache/tokligence-gateway/docker-base}. @since 0.1.0 */
    @Parameter(property = "gateway.docker.baseCacheDirectory")
    private File baseCacheDirectory;

    /** Commands in the image's {@code /app/bin} (on PATH) and their main classes; {@code gatewayd} is the entrypoint. @since 0.1.0 */
    @Parameter
    private Map<String, String> launchers;

    /** Port gatewayd listens on (0.0.0.0) inside the image, exposed and health-checked. @since 0.1.0 */
    @Parameter(property = "gateway.docker.port", defaultValue = "8081")
    private int port;

    /** Value of the {@code org.opencontainers.image.revision} label; default the git commit of the project. @since 0.1.0 */
    @Parameter(property = "gateway.docker.revision")
    private String revision;


    /** Skips this goal. @since 0.1.0 */
    @Parameter(property = "gateway.docker.skip", defaultValue = "false")
    private boolean skip;


    /** Image creation time and every file's time, for identical digests across builds. @since 0.1.0 */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    @Parameter(defaultValue = "${project.build.directory}/gateway-docker", readonly = true)
    private File workDirectory;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Override
    protected String goal() {
        return "dist-docker";
    }

    @Override
    protected boolean skipGoal() {
        return skip;
    }

    @Override
    protected String skipProperty() {
        return "gateway.docker.skip";
    }

    @Override
    protected void distribute() {
        DockerImageBuilder.Result result = new DockerImageBuilder(getLog()::info).build(spec());
        getLog().info("Wrote " + result.outputDirectory() + ": index " + result.indexDigest() + ", "
                + result.manifestDigests());
    }

    private DockerImageSpec spec() {
        BuildTimestamp timestamp = BuildTimestamp.parse(outputTimestamp);
        String version = project.getVersion();
        String source = project.getScm() != null && project.getScm().getUrl() != null ? project.getScm().getUrl()
                : project.getUrl();
        List<String> licenses = project.getLicenses().stream().map(License::getName).toList();
        Path dist = distDirectory.toPath().toAbsolutePath();
        // Parameters first, inputs second: a wrong name fails the same way whatever dist/ holds.
        ImageNaming naming = ImageNaming.of(imageName, version, tags == null ? List.of() : tags);
        List<ImageArch> archs = architectures == null || architectures.isEmpty()
                ? DockerImageSpec.availableArchitectures(dist) : architectures.stream().map(ImageArch::parse).toList();
        getLog().info("Image architectures: " + archs.stream().map(ImageArch::ociName).toList());
        return new DockerImageSpec(dist, workDirectory.toPath().toAbsolutePath(),
                naming, version,
                archs, baseImage,
                new DebianBaseImage.Settings(basePackages, baseCacheDirectory == null
                        ? DebianBaseImage.Settings.defaultCacheDirectory() : baseCacheDirectory.toPath()),
                launchers == null || launchers.isEmpty() ? DockerImageSpec.DEFAULT_LAUNCHERS : launchers, port,
                ImageLabels.of(project.getName(), version, revision, project.getBasedir().toPath(), source, licenses,
                        timestamp),
                timestamp, ImageArch.host());
    }
}
