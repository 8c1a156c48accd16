package io.tokligence.gateway.dist.python;

import io.tokligence.gateway.dist.BuildTimestamp;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What goal {@code dist-python} builds from: the native trees under {@code distDirectory/native/}, the Python
 * sources in {@code packageDirectory} (pyproject.toml, README, src/), the Maven version and timestamp.
 *
 * @param sbomFile a CycloneDX SBOM to ship under {@code .dist-info/sboms/}, or null when the build made none
 */
public record PythonDistSpec(Path distDirectory, Path packageDirectory, Path licenseFile, String mavenVersion,
        BuildTimestamp timestamp, Path sbomFile) {

    public PythonDistSpec {
        Objects.requireNonNull(distDirectory, "distDirectory");
        Objects.requireNonNull(packageDirectory, "packageDirectory");
        Objects.requireNonNull(licenseFile, "licenseFile");
        Objects.requireNonNull(mavenVersion, "mavenVersion");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    public Path nativeDirectory() {
        return distDirectory.resolve("native");
    }

    public Path wheelDirectory() {
        return distDirectory.resolve("python").resolve("wheels");
    }

    public Path sdistDirectory() {
        return distDirectory.resolve("python").resolve("sdist");
    }
}
