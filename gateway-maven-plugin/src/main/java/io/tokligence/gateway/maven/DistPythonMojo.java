package io.tokligence.gateway.maven;

import io.tokligence.gateway.dist.BuildTimestamp;
import io.tokligence.gateway.dist.DistException;
import io.tokligence.gateway.dist.python.PythonDistBuilder;
import io.tokligence.gateway.dist.python.PythonDistSpec;
import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the Python distributions: one platform wheel per native tree in
 * {@code <distDirectory>/native/gateway-<target>/} into {@code <distDirectory>/python/wheels/}, and the sdist
 * into {@code <distDirectory>/python/sdist/}. Needs no Python: wheels are zips written by the plugin.
 * Run it after {@code dist-native}.
 *
 * @since 0.1.0
 */
@Mojo(name = "dist-python", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class DistPythonMojo extends AbstractMojo {

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gateway.python.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Skips every gateway goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gateway.skip", defaultValue = "false")
    private boolean skipAll;

    /**
     * Root of all distributions: native trees are read from {@code native/}, Python files written to {@code python/}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gateway.distDirectory", defaultValue = "${project.basedir}/dist", required = true)
    private File distDirectory;

    /**
     * The Python package sources: {@code pyproject.toml} (name, summary, licence, URLs, scripts), the README it
     * names and {@code src/<package>/}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gateway.python.packageDirectory",
            defaultValue = "${maven.multiModuleProjectDirectory}/python-package", required = true)
    private File packageDirectory;

    /**
     * The licence text shipped in the wheel's {@code .dist-info/licenses/} and at the sdist root.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gateway.python.licenseFile",
            defaultValue = "${maven.multiModuleProjectDirectory}/LICENSE", required = true)
    private File licenseFile;

    /**
     * A CycloneDX SBOM to ship under {@code .dist-info/sboms/} of every wheel; ignored when the file does not exist.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gateway.python.sbomFile", defaultValue = "${project.build.directory}/bom.json")
    private File sbomFile;

    /**
     * The version to map to PEP 440 ({@code 1.2.0-SNAPSHOT} becomes {@code 1.2.0.dev0}).
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.version}", readonly = true)
    private String projectVersion;

    /**
     * Timestamp of every wheel and sdist entry, for byte-identical rebuilds.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    private String outputTimestamp;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipAll) {
            getLog().info("Skipping dist-python (" + (skip ? "gateway.python.skip" : "gateway.skip") + "=true)");
            return;
        }
        try {
            PythonDistSpec spec = new PythonDistSpec(distDirectory.toPath(), packageDirectory.toPath(),
                    licenseFile.toPath(), projectVersion, BuildTimestamp.parse(outputTimestamp),
                    sbomFile == null ? null : sbomFile.toPath());
            PythonDistBuilder.Result result = new PythonDistBuilder(getLog()::info, getLog()::warn).build(spec);
            getLog().info("Python distributions: " + result.wheels().size() + " wheel(s) in "
                    + spec.wheelDirectory() + ", sdist " + result.sdist());
        } catch (DistException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (Exception e) {
            throw new MojoExecutionException("dist-python failed: " + e.getMessage(), e);
        }
    }
}
