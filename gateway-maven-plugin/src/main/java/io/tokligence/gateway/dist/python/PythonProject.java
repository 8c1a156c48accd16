package io.tokligence.gateway.dist.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.tokligence.gateway.dist.DistException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code [project]} table of {@code python-package/pyproject.toml}: the one source of the package's name,
 * summary, licence, URLs, scripts and README, so the wheel's METADATA and the sdist's PKG-INFO say what a
 * Python user reading pyproject.toml expects. The version is not there: it comes from Maven.
 *
 * @param readme the README text (the long description), read from the file {@code readme} names
 */
public record PythonProject(Path directory, String name, String summary, String requiresPython,
        String licenseExpression, List<String> keywords, List<String> classifiers,
        Map<String, String> urls, Map<String, String> scripts, String readmeFile, String readme) {

    /**
     * Reads {@code directory/pyproject.toml} and the README it names.
     *
     * @throws DistException naming the file and the missing or wrong key
     */
    public static PythonProject read(Path directory) {
        Path pyproject = directory.resolve("pyproject.toml");
        if (!Files.isRegularFile(pyproject)) {
            throw new DistException("Python package sources not found: " + pyproject + " does not exist; set "
                    + "<pythonPackageDirectory> (-Dgateway.python.packageDirectory) to the python-package/ directory");
        }
        JsonNode project;
        try {
            project = new TomlMapper().readTree(pyproject.toFile()).path("project");
        } catch (IOException e) {
            throw new DistException(pyproject + " is not valid TOML: " + e.getMessage(), e);
        }
        String readmeFile = required(pyproject, project, "readme");
        Path readmePath = directory.resolve(readmeFile);
        String readme;
        try {
            readme = Files.readString(readmePath, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DistException(pyproject + " names readme '" + readmeFile + "' but " + readmePath
                    + " cannot be read: " + e.getMessage(), e);
        }
        return new PythonProject(directory, required(pyproject, project, "name"),
                required(pyproject, project, "description"), required(pyproject, project, "requires-python"),
                required(pyproject, project, "license"), strings(project.path("keywords")),
                strings(project.path("classifiers")), table(project.path("urls")),
                table(project.path("scripts")), readmeFile, readme);
    }

    /** The name as it appears in file names (PEP 427 / PEP 625): normalised, with underscores. */
    public String distributionName() {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[-_.]+", "_");
    }

    private static String required(Path pyproject, JsonNode project, String key) {
        JsonNode value = project.path(key);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new DistException(pyproject + ": [project] " + key + " is missing or not a string; add it");
        }
        return value.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.asText()));
        return List.copyOf(values);
    }

    private static Map<String, String> table(JsonNode table) {
        Map<String, String> values = new LinkedHashMap<>();
        table.fields().forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue().asText()));
        return java.util.Collections.unmodifiableMap(values);
    }
}
