package io.tokligence.gateway.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The repository's {@code config/} files, packaged into the jar, and the line edits {@code gateway init} makes to
 * them: a key's line keeps its place and comments, only its value changes.
 */
final class ConfigTemplates {

    private static final String ROOT = "/io/tokligence/gateway/config/templates/";
    /** Environments without their own template start from this one's overlay. */
    static final String FALLBACK_ENVIRONMENT = "dev";

    private ConfigTemplates() {
    }

    static String settingFile() {
        return read(ROOT + "setting.ini");
    }

    /** The environment's own overlay template, or the dev one adjusted to name this environment. */
    static String overlayFile(String environment) {
        String own = readIfPresent(ROOT + environment + "/gateway.ini");
        if (own != null) {
            return own;
        }
        String dev = read(ROOT + FALLBACK_ENVIRONMENT + "/gateway.ini");
        String renamed = dev.replace("environment=" + FALLBACK_ENVIRONMENT, "environment=" + environment);
        return withValues(renamed, Map.of(
                "ledger_path", "~/.tokligence/" + environment + "/ledger.db",
                "identity_path", "~/.tokligence/" + environment + "/identity.db"));
    }

    /**
     * Sets each key's value on its first active {@code key=} line, or appends {@code key=value} when the template
     * has no such line. Values must not contain line breaks (the caller validates).
     */
    static String withValues(String template, Map<String, String> values) {
        List<String> lines = new ArrayList<>(template.lines().toList());
        values.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            String line = entry.getKey() + "=" + entry.getValue();
            int index = indexOfKey(lines, entry.getKey());
            if (index >= 0) {
                lines.set(index, line);
            } else {
                lines.add(line);
            }
        });
        return String.join("\n", lines) + "\n";
    }

    private static int indexOfKey(List<String> lines, String key) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#") && !line.startsWith(";")
                    && line.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static String read(String resource) {
        String text = readIfPresent(resource);
        if (text == null) {
            throw new IllegalStateException(resource + " is missing from the gateway jar; rebuild it with Maven");
        }
        return text;
    }

    private static String readIfPresent(String resource) {
        try (InputStream in = ConfigTemplates.class.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the gateway jar", e);
        }
    }
}
