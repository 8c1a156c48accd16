package io.tokligence.gateway.dist.runtime;

import io.tokligence.gateway.dist.DistException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Refuses a config directory whose {@code *.ini} files the gateway would reject at start-up, so a malformed line
 * fails the build that ships it rather than the operator who runs it. The rules and wording mirror gateway-app's
 * {@code io.tokligence.gateway.config.IniFile} (which the plugin must not depend on): {@code key=value} lines,
 * {@code #} and {@code ;} comments, blank lines and {@code [section]} headers.
 */
public final class ConfigTemplateCheck {

    private static final Pattern KEY = Pattern.compile("[a-z0-9_.-]+");

    private ConfigTemplateCheck() {
    }

    /**
     * Checks every {@code *.ini} under {@code configDirectory}, in path order.
     *
     * @throws DistException {@code <file>:<line>: <what is wrong> (<how to fix it>)} for the first malformed line
     */
    public static void check(Path configDirectory) {
        for (Path file : iniFiles(configDirectory)) {
            checkLines(file, readLines(file));
        }
    }

    /** Checks lines already read; {@code file} only names the file in the error. */
    static void checkLines(Path file, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String problem = problem(line.strip());
            if (problem != null) {
                throw new DistException(file + ":" + (i + 1) + ": " + problem);
            }
        }
    }

    private static String problem(String trimmed) {
        if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
            return null;
        }
        if (trimmed.startsWith("[")) {
            return trimmed.endsWith("]") ? null
                    : "unterminated section header '" + trimmed + "' (close it with ] or comment it out with #)";
        }
        int eq = trimmed.indexOf('=');
        if (eq < 0) {
            return "expected key=value, got '" + trimmed + "' (fix the line or comment it out with #)";
        }
        String key = trimmed.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        if (key.isEmpty()) {
            return "missing key before '=' in '" + trimmed + "' (write key=value or comment the line out with #)";
        }
        if (!KEY.matcher(key).matches()) {
            return "invalid key '" + key + "' (keys use letters, digits, '_', '.' and '-')";
        }
        return null;
    }

    private static List<Path> iniFiles(Path configDirectory) {
        try (Stream<Path> files = Files.walk(configDirectory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".ini") && Files.isRegularFile(f))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + configDirectory, e);
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new DistException(file + ": not UTF-8 text (" + e.getMessage()
                    + "): save it as UTF-8, which the gateway reads its config in");
        } catch (IOException e) {
            throw new DistException("Cannot read " + file + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "): make it a readable file or remove it from the config directory", e);
        }
    }
}
