package io.tokligence.gateway.dist.docker;

import io.tokligence.gateway.dist.BuildTimestamp;
import io.tokligence.gateway.dist.ProcessRunner;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The OCI annotation labels ({@code org.opencontainers.image.*}) every image carries. */
public final class ImageLabels {
    private static final String PREFIX = "org.opencontainers.image.";

    private ImageLabels() {
    }

    /**
     * @param revision the commit; blank asks git in {@code projectDirectory}, and the label is left out when that fails
     * @param licenses license names, joined as an SPDX {@code OR} expression
     */
    public static Map<String, String> of(String title, String version, String revision, Path projectDirectory,
            String source, List<String> licenses, BuildTimestamp timestamp) {
        Map<String, String> labels = new LinkedHashMap<>();
        put(labels, "title", title);
        put(labels, "version", version);
        put(labels, "revision", revision == null || revision.isBlank() ? gitCommit(projectDirectory) : revision);
        put(labels, "source", source);
        put(labels, "licenses", String.join(" OR ", licenses));
        put(labels, "created", timestamp.instant().toString());
        return labels;
    }

    private static void put(Map<String, String> labels, String key, String value) {
        if (value != null && !value.isBlank()) {
            labels.put(PREFIX + key, value.strip());
        }
    }

    private static String gitCommit(Path directory) {
        try {
            ProcessRunner.Result result = new ProcessRunner(line -> { })
                    .run(List.of("git", "rev-parse", "HEAD"), directory, Map.of());
            return result.succeeded() && !result.outputTail().isEmpty() ? result.outputTail().get(0) : null;
        } catch (RuntimeException e) {
            // No git, or not a checkout (a source archive): the image simply carries no revision label.
            return null;
        }
    }
}
