package io.tokligence.gateway.dist.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.stream.Collectors;

/** Writes a {@code SHA256SUMS} file in the format {@code sha256sum -c} checks. */
public final class Sha256Sums {

    private Sha256Sums() {
    }

    /** Writes one {@code <hex>  <file name>} line per file, sorted by name, into {@code sumsFile}. */
    public static void write(Path sumsFile, Collection<Path> files) {
        String text = files.stream()
                .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                .map(f -> sha256(f) + "  " + f.getFileName() + "\n")
                .collect(Collectors.joining());
        try {
            Files.writeString(sumsFile, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + sumsFile, e);
        }
    }

    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
