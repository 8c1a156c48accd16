package io.tokligence.gateway.maven;

import io.tokligence.gateway.dist.ProcessRunner;
import io.tokligence.gateway.dist.frontend.FrontendBuild;
import io.tokligence.gateway.dist.frontend.FrontendSpec;
import io.tokligence.gateway.dist.frontend.NodeLocator;
import java.io.File;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds the web and H5 consoles with npm and Vite and copies them to {@code dist/frontend/web} and
 * {@code dist/frontend/h5}. A bundle whose inputs (sources, lockfile, env files, Node version) did not change
 * since the last build is not rebuilt; {@code npm ci} runs only when package-lock.json changed or node_modules
 * is missing, offline when Maven is.
 *
 * @since 0.1.0
 */
@Mojo(name = "dist-frontend", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class DistFrontendMojo extends AbstractDistMojo {

    /**
     * The console's npm project: package.json, package-lock.json and a Vite config writing {@code dist/<target>}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gateway.frontend.directory", defaultValue = "${project.basedir}/fe", required = true)
    private File frontendDirectory;

    /**
     * The bundles to build, as Vite modes: {@code web} runs npm script {@code build}, any other target
     * {@code t} runs {@code build:t}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gateway.frontend.targets", defaultValue = "web,h5")
    private List<String> targets;

    /**
     * A Node.js installation to use instead of the {@code node}/{@code npm} on PATH; its version must
     * satisfy {@code engines.node} of package.json.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gateway.frontend.nodeHome")
    private File nodeHome;


    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gateway.frontend.skip", defaultValue = "false")
    private boolean skip;


    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Override
    protected String goal() {
        return "dist-frontend";
    }

    @Override
    protected boolean skipGoal() {
        return skip;
    }

    @Override
    protected String skipProperty() {
        return "gateway.frontend.skip";
    }

    @Override
    protected void distribute() {
        FrontendSpec spec = new FrontendSpec(frontendDirectory.toPath(), targets,
                nodeHome == null ? null : nodeHome.toPath(), distDirectory.toPath(), session.isOffline());
        ProcessRunner runner = new ProcessRunner(getLog()::info);
        NodeLocator locator = new NodeLocator(new ProcessRunner(getLog()::debug), System.getenv("PATH"));
        new FrontendBuild(runner, locator, getLog()::info, System.getenv("PATH")).build(spec);
    }
}
