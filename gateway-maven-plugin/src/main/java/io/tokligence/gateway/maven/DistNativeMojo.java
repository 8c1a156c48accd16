package io.tokligence.gateway.maven;

import io.tokligence.gateway.dist.BuildTimestamp;
import io.tokligence.gateway.dist.DistException;
import io.tokligence.gateway.dist.ProcessRunner;
import io.tokligence.gateway.dist.runtime.Launcher;
import io.tokligence.gateway.dist.runtime.NativeDistributionBuilder;
import io.tokligence.gateway.dist.runtime.NativeDistributionSpec;
import io.tokligence.gateway.dist.runtime.Target;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.inject.Inject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

/**
 * Writes {@code dist/native/}: per target a tree {@code gateway-<target>/} (jlink runtime, {@code lib/}, launchers,
 * {@code config/}, systemd unit on linux, LICENSE, README), an archive {@code gateway-<version>-<target>.tar.gz}
 * ({@code .zip} for windows), and {@code SHA256SUMS}.
 *
 * @since 0.1.0
 */
@Mojo(name = "dist-native", defaultPhase = LifecyclePhase.PACKAGE, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class DistNativeMojo extends AbstractDistMojo {

    /** Target ids to build: {@code linux-x64, linux-aarch64, macos-x64, macos-aarch64, windows-x64}; default the build machine's. @since 0.1.0 */
    @Parameter(property = "gateway.native.targets")
    private List<String> targets;

    /** Where non-host targets get their Java runtime when no toolchain matches; see {@link TargetRuntime}. @since 0.1.0 */
    @Parameter
    private List<TargetRuntime> runtimes;

    /** JDK modules to link in addition to those jdeps finds (e.g. {@code jdk.crypto.ec} for TLS, {@code jdk.localedata}). @since 0.1.0 */
    @Parameter(property = "gateway.native.modules")
    private List<String> modules;

    /**
     * JDK modules jdeps finds but the application never loads, left out of the image to keep it small (e.g.
     * {@code java.desktop}, which PostgreSQL's driver references only for {@code PGpoint(java.awt.Point)}).
     * @since 0.1.0
     */
    @Parameter(property = "gateway.native.excludeModules")
    private List<String> excludeModules;

    /** Commands in {@code bin/} and the main class each runs; default gateway (GatewayCli) and gatewayd (GatewayDaemon). @since 0.1.0 */
    @Parameter
    private Map<String, String> launchers;

    /** The configuration shipped as {@code config/}: {@code setting.ini} plus environment overlays. @since 0.1.0 */
    @Parameter(property = "gateway.configDirectory", defaultValue = "${project.basedir}/config")
    private File configDirectory;

    /** Built consoles ({@code web/}, {@code h5/}) shipped as {@code frontend/} when present; default {@code <distDirectory>/frontend}. @since 0.1.0 */
    @Parameter(property = "gateway.native.frontendDirectory")
    private File frontendDirectory;

    /** Shipped as {@code LICENSE}. @since 0.1.0 */
    @Parameter(property = "gateway.native.licenseFile", defaultValue = "${project.basedir}/LICENSE")
    private File licenseFile;


    /** Skips this goal. @since 0.1.0 */
    @Parameter(property = "gateway.native.skip", defaultValue = "false")
    private boolean skip;


    /** Warn and skip a target that has no runtime source, instead of failing. @since 0.1.0 */
    @Parameter(property = "gateway.native.skipUnavailableTargets", defaultValue = "false")
    private boolean skipUnavailableTargets;

    /** How many targets link at once; 0 means one per processor. @since 0.1.0 */
    @Parameter(property = "gateway.native.parallelism", defaultValue = "0")
    private int parallelism;

    /** Drop sqlite-jdbc's native libraries for other platforms from each target's {@code lib/} (about 12 MB less). @since 0.1.0 */
    @Parameter(property = "gateway.native.pruneForeignNativeLibraries", defaultValue = "false")
    private boolean pruneForeignNativeLibraries;

    /**
     * jlink's {@code --compress}; empty means the strongest the JDK knows ({@code zip-9} on 21+, {@code 2} on 17).
     * {@code 0} gives a bigger unpacked runtime but a smaller tar.gz, since gzip then compresses the whole module image.
     * @since 0.1.0
     */
    @Parameter(property = "gateway.native.jlinkCompression")
    private String jlinkCompression;

    /** Stamped on every archive entry, for byte-identical builds. @since 0.1.0 */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    @Parameter(defaultValue = "${project.build.directory}/gateway-native", readonly = true)
    private File workDirectory;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    private final ToolchainManager toolchainManager;
    private final RepositorySystem repositorySystem;

    @Inject
    public DistNativeMojo(ToolchainManager toolchainManager, RepositorySystem repositorySystem) {
        this.toolchainManager = toolchainManager;
        this.repositorySystem = repositorySystem;
    }

    @Override
    protected String goal() {
        return "dist-native";
    }

    @Override
    protected boolean skipGoal() {
        return skip;
    }

    @Override
    protected String skipProperty() {
        return "gateway.native.skip";
    }

    @Override
    protected void distribute() {
        NativeDistributionBuilder.Result result = new NativeDistributionBuilder(
                new ProcessRunner(getLog()::info), getLog()::info, getLog()::warn).build(spec());
        result.archives().forEach(a -> getLog().info("Wrote " + a));
        getLog().info("Wrote " + result.checksums());
    }

    private NativeDistributionSpec spec() {
        TargetRuntimeLocator locator = new TargetRuntimeLocator(session, project, toolchainManager, repositorySystem);
        List<String> ids = targets == null || targets.isEmpty() ? List.of(Target.host().id()) : targets;
        List<NativeDistributionSpec.TargetRequest> requests = new ArrayList<>();
        for (String id : ids) {
            Target target = Target.parse(id);
            requests.add(new NativeDistributionSpec.TargetRequest(target,
                    locator.locate(target, runtimes == null ? List.of() : runtimes)));
        }
        List<Launcher> commands = launchers == null || launchers.isEmpty() ? Launcher.GATEWAY
                : new TreeMap<>(launchers).entrySet().stream().map(e -> new Launcher(e.getKey(), e.getValue())).toList();
        List<Artifact> runtimeArtifacts = project.getArtifacts().stream()
                .filter(a -> a.getArtifactHandler().isAddedToClasspath() && a.getFile() != null)
                .filter(a -> !Artifact.SCOPE_TEST.equals(a.getScope()) && !Artifact.SCOPE_PROVIDED.equals(a.getScope()))
                .toList();
        Path applicationJar = applicationJar(runtimeArtifacts);
        List<Path> dependencies = runtimeArtifacts.stream().map(a -> a.getFile().toPath())
                .filter(jar -> !jar.equals(applicationJar)).toList();
        Path dist = distDirectory.toPath().toAbsolutePath();
        return new NativeDistributionSpec(project.getVersion(), applicationJar, dependencies, requests,
                modules == null ? List.of() : modules, excludeModules == null ? List.of() : excludeModules,
                commands,
                configDirectory.toPath().toAbsolutePath(),
                frontendDirectory != null ? frontendDirectory.toPath().toAbsolutePath() : dist.resolve("frontend"),
                licenseFile.toPath().toAbsolutePath(), dist, workDirectory.toPath(), locator.linkingJdk(),
                BuildTimestamp.parse(outputTimestamp),
                skipUnavailableTargets, parallelism > 0 ? parallelism : Runtime.getRuntime().availableProcessors(),
                pruneForeignNativeLibraries, jlinkCompression);
    }

    /**
     * The project's own jar; for a project without one (packaging {@code pom}, such as a deployment site that only
     * depends on gateway-app) the first direct runtime dependency, so the application comes from the dependencies.
     */
    private Path applicationJar(List<Artifact> runtimeArtifacts) {
        if (!"jar".equals(project.getArtifact().getArtifactHandler().getExtension())) {
            List<String> direct = project.getDependencies().stream()
                    .map(d -> d.getGroupId() + ":" + d.getArtifactId()).toList();
            return runtimeArtifacts.stream().filter(a -> direct.contains(a.getGroupId() + ":" + a.getArtifactId()))
                    .map(a -> a.getFile().toPath()).findFirst()
                    .orElseThrow(() -> new DistException("Project " + project.getArtifactId() + " has packaging "
                            + project.getPackaging() + " and no runtime dependency to ship: add a dependency on"
                            + " io.tokligence.gateway:gateway-app (or use packaging jar)"));
        }
        File file = project.getArtifact().getFile();
        return file != null ? file.toPath()
                : Path.of(project.getBuild().getDirectory(), project.getBuild().getFinalName() + ".jar");
    }
}
