package io.tokligence.gateway.dist.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Text files shipped in distributions (launchers, units), kept as resources so they read as what they are. */
final class Templates {

    private Templates() {
    }

    /** Loads resource {@code name} next to this class and replaces each {@code {{KEY}}} with its value. */
    static String render(String name, Map<String, String> values) {
        String text;
        try (InputStream in = Templates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Template " + name + " is missing from the plugin jar");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read template " + name, e);
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        return text;
    }
}
