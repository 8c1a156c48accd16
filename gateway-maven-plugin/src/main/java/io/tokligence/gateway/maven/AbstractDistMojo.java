package io.tokligence.gateway.maven;

import io.tokligence.gateway.dist.DistException;
import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every dist goal shares: the {@code dist/} root, {@code gateway.skip}, and the one place where the core's
 * errors become Maven's — {@link DistException} (the user can fix it: a bad parameter, a missing tool, a failing
 * npm build) fails the build with its one-line message; anything else is a bug or an I/O failure.
 *
 * @since 0.1.0
 */
abstract class AbstractDistMojo extends AbstractMojo {

    /**
     * The distribution root in the seed's layout; each goal replaces its own subdirectory ({@code native/},
     * {@code python/}, {@code frontend/}, {@code docker/}) as a whole and only when it is complete.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gateway.distDirectory", defaultValue = "${project.basedir}/dist", required = true)
    protected File distDirectory;

    /**
     * Skips every goal of this plugin.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gateway.skip", defaultValue = "false")
    private boolean skipAll;

    /** The goal's name, for log lines and unexpected-error messages. */
    protected abstract String goal();

    /** Whether the goal's own skip parameter is set. */
    protected abstract boolean skipGoal();

    /** The goal's own skip property, named when the goal is skipped. */
    protected abstract String skipProperty();

    /** Does the work through the plain-Java core; throws {@link DistException} for what the user can fix. */
    protected abstract void distribute() throws Exception;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skipGoal() || skipAll) {
            getLog().info(goal() + " skipped (" + (skipAll ? "gateway.skip" : skipProperty()) + "=true)");
            return;
        }
        try {
            distribute();
        } catch (DistException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (Exception e) {
            throw new MojoExecutionException(goal() + " failed: " + e.getMessage(), e);
        }
    }
}
