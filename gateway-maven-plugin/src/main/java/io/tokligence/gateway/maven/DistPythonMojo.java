package io.tokligence.gateway.maven;

import io.tokligence.gateway.dist.BuildTimestamp;
import io.tokligence.gateway.dist.python.PythonDistBuilder;
import io.tokligence.gateway.dist.python.PythonDistSpec;
import java.io.File;
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
public class DistPythonMojo extends AbstractDistMojo {

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "gateway.python.skip", defaultValue = "false")
    private boolean skip;



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
    protected String goal() {
        return "dist-python";
    }

    @Override
    protected boolean skipGoal() {
        return skip;
    }

    @Override
    protected String skipProperty() {
        return "gateway.python.skip";
    }

    @Override
    protected void distribute() throws Exception {
        PythonDistSpec spec = new PythonDistSpec(distDirectory.toPath(), packageDirectory.toPath(),
                licenseFile.toPath(), projectVersion, BuildTimestamp.parse(outputTimestamp),
                sbomFile == null ? null : sbomFile.toPath());
        PythonDistBuilder.Result result = new PythonDistBuilder(getLog()::info, getLog()::warn).build(spec);
        getLog().info("Python distributions: " + result.wheels().size() + " wheel(s) in "
                + spec.wheelDirectory() + ", sdist " + result.sdist());
    }
}
