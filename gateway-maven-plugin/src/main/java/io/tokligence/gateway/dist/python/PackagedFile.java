package io.tokligence.gateway.dist.python;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One file going into a wheel or sdist: its path inside the archive, where its bytes come from (a file on
 * disk or generated text) and whether it is executable (mode 0755, else 0644).
 */
public record PackagedFile(String name, Path file, byte[] content, boolean executable) {

    public static PackagedFile ofFile(String name, Path file, boolean executable) {
        return new PackagedFile(name, file, null, executable);
    }

    public static PackagedFile ofText(String name, String text) {
        return new PackagedFile(name, null, text.getBytes(StandardCharsets.UTF_8), false);
    }

    public InputStream open() throws IOException {
        return file != null ? Files.newInputStream(file) : new ByteArrayInputStream(content);
    }

    public long size() throws IOException {
        return file != null ? Files.size(file) : content.length;
    }

    /** The Unix mode stored in the archive: file type bits plus 0755 or 0644. */
    public int unixMode() {
        return 0100000 | (executable ? 0755 : 0644);
    }
}
