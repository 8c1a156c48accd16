package io.tokligence.gateway.dist.python;

import java.util.List;
import java.util.Map;

/**
 * Core Metadata 2.4 (the wheel's {@code METADATA} and the sdist's {@code PKG-INFO}): what pip, uv, twine and
 * PyPI read. 2.4 because it carries {@code License-Expression} and {@code License-File} (PEP 639); a licence
 * classifier is deliberately absent, since PyPI rejects one next to an expression.
 */
public final class CoreMetadata {

    private CoreMetadata() {
    }

    /**
     * Renders the metadata file.
     *
     * @param licenseFiles paths of the licence files relative to the {@code licenses/} folder of the
     *                     {@code .dist-info} (wheel) or to the sdist root
     */
    public static String render(PythonProject project, Pep440Version version, List<String> licenseFiles) {
        StringBuilder text = new StringBuilder();
        header(text, "Metadata-Version", "2.4");
        header(text, "Name", project.name());
        header(text, "Version", version.value());
        header(text, "Summary", project.summary());
        if (!project.keywords().isEmpty()) {
            header(text, "Keywords", String.join(",", project.keywords()));
        }
        for (Map.Entry<String, String> url : project.urls().entrySet()) {
            header(text, "Project-URL", url.getKey() + ", " + url.getValue());
        }
        header(text, "License-Expression", project.licenseExpression());
        for (String licenseFile : licenseFiles) {
            header(text, "License-File", licenseFile);
        }
        for (String classifier : project.classifiers()) {
            header(text, "Classifier", classifier);
        }
        header(text, "Requires-Python", project.requiresPython());
        header(text, "Description-Content-Type", contentType(project.readmeFile()));
        text.append('\n').append(project.readme());
        if (!project.readme().endsWith("\n")) {
            text.append('\n');
        }
        return text.toString();
    }

    private static String contentType(String readmeFile) {
        String lower = readmeFile.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".md")) {
            return "text/markdown; charset=UTF-8; variant=GFM";
        }
        if (lower.endsWith(".rst")) {
            return "text/x-rst; charset=UTF-8";
        }
        return "text/plain; charset=UTF-8";
    }

    private static void header(StringBuilder text, String name, String value) {
        text.append(name).append(": ").append(value).append('\n');
    }
}
