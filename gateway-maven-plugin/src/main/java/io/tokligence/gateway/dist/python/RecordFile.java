package io.tokligence.gateway.dist.python;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The wheel's {@code .dist-info/RECORD}: one CSV row per file with its urlsafe-base64 SHA-256 (no padding)
 * and size, which pip checks on install and uses to uninstall. RECORD lists itself without hash or size.
 */
public final class RecordFile {
    private final List<String> rows = new ArrayList<>();

    /** Adds a row for {@code path} with the raw SHA-256 {@code digest} of its {@code size} bytes. */
    public void add(String path, byte[] digest, long size) {
        rows.add(csv(path) + "," + hash(digest) + "," + size);
    }

    /** The value of a RECORD hash column: {@code sha256=<urlsafe base64 without padding>}. */
    public static String hash(byte[] digest) {
        return "sha256=" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /** The file's text, ending with the row for RECORD itself at {@code recordPath}. */
    public String render(String recordPath) {
        StringBuilder text = new StringBuilder();
        for (String row : rows) {
            text.append(row).append('\n');
        }
        return text.append(csv(recordPath)).append(",,\n").toString();
    }

    /** Quotes a path the way Python's csv module does, for the rare name with a comma or quote. */
    private static String csv(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
