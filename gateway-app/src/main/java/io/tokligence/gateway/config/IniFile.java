package io.tokligence.gateway.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Go gateway's INI dialect: {@code key=value} lines, {@code #} and {@code ;} comments, {@code [section]} headers
 * ignored, keys lower-cased, the last occurrence of a key wins. Values are taken verbatim (trimmed; one pair of
 * surrounding double quotes removed) because URLs and secrets may contain {@code #} or {@code ;}.
 */
public final class IniFile {

    private static final Pattern KEY = Pattern.compile("[a-z0-9_.-]+");

    /** A key's value and the 1-based line it was read from. */
    public record Entry(String key, String value, int line) {
    }

    private final Path path;
    private final Map<String, Entry> entries;

    private IniFile(Path path, Map<String, Entry> entries) {
        this.path = path;
        this.entries = entries;
    }

    /** Reads and parses a file; a malformed line throws {@link ConfigException} naming the file and line. */
    public static IniFile read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(path, "cannot read " + path + ": " + e.getMessage()
                    + " (check the file exists and is readable UTF-8 text)", e);
        }
        return parse(path, lines);
    }

    /** Parses lines already read; {@code path} is only used to name the file in errors and origins. */
    public static IniFile parse(Path path, List<String> lines) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = i + 1;
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
                continue;
            }
            if (trimmed.startsWith("[")) {
                if (!trimmed.endsWith("]")) {
                    throw new ConfigException(path, lineNumber, "unterminated section header '" + trimmed
                            + "' (close it with ] or comment it out with #)");
                }
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq < 0) {
                throw new ConfigException(path, lineNumber, "expected key=value, got '" + trimmed
                        + "' (fix the line or comment it out with #)");
            }
            String key = trimmed.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (key.isEmpty()) {
                throw new ConfigException(path, lineNumber, "missing key before '=' in '" + trimmed
                        + "' (write key=value or comment the line out with #)");
            }
            if (!KEY.matcher(key).matches()) {
                throw new ConfigException(path, lineNumber, "invalid key '" + key
                        + "' (keys use letters, digits, '_', '.' and '-')");
            }
            entries.put(key, new Entry(key, unquote(trimmed.substring(eq + 1).strip()), lineNumber));
        }
        return new IniFile(path, Map.copyOf(entries));
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    public Path path() {
        return path;
    }

    /** Every key and its entry; unordered. */
    public Map<String, Entry> entries() {
        return entries;
    }
}
