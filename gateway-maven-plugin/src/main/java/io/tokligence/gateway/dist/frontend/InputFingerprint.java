package io.tokligence.gateway.dist.frontend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A SHA-256 over everything a bundle is built from: the sources ({@code src/}, {@code public/}, {@code index.html}),
 * package.json, the lockfile, the Vite env files ({@code .env*}), the Vite and TypeScript configuration,
 * the Node version and the target. Files outside these (tests' screenshots, {@code e2e/}, {@code node_modules/},
 * the build output) do not change it.
 */
public final class InputFingerprint {
    private static final List<String> SOURCE_DIRECTORIES = List.of("src", "public");

    private InputFingerprint() {
    }

    /** @return lowercase hex SHA-256 */
    public static String compute(Path frontendDirectory, String nodeVersion, String target) {
        MessageDigest digest = sha256();
        update(digest, "target", target);
        update(digest, "node", nodeVersion);
        for (Path file : inputs(frontendDirectory)) {
            String relative = frontendDirectory.relativize(file).toString().replace('\\', '/');
            try {
                update(digest, "file", relative);
                byte[] content = Files.readAllBytes(file);
                digest.update(longBytes(content.length));
                digest.update(content);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The files that feed a build, sorted so the fingerprint does not depend on directory order. */
    static List<Path> inputs(Path frontendDirectory) {
        try (Stream<Path> top = Files.list(frontendDirectory)) {
            Stream<Path> topLevel = top.filter(Files::isRegularFile).filter(p -> isTopLevelInput(p.getFileName().toString()));
            Stream<Path> nested = SOURCE_DIRECTORIES.stream()
                    .map(frontendDirectory::resolve)
                    .filter(Files::isDirectory)
                    .flatMap(InputFingerprint::walk);
            return Stream.concat(topLevel, nested)
                    .sorted((a, b) -> a.toString().replace('\\', '/').compareTo(b.toString().replace('\\', '/')))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + frontendDirectory, e);
        }
    }

    /** Reads a fingerprint stored by {@link #store}, if any. */
    public static Optional<String> read(Path stampFile) {
        try {
            return Files.isRegularFile(stampFile) ? Optional.of(Files.readString(stampFile).trim()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + stampFile, e);
        }
    }

    public static void store(Path stampFile, String fingerprint) {
        try {
            Files.createDirectories(stampFile.getParent());
            Files.writeString(stampFile, fingerprint + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + stampFile, e);
        }
    }

    private static boolean isTopLevelInput(String name) {
        return name.equals("package.json")
                || name.equals("package-lock.json")
                || name.equals("index.html")
                || name.startsWith(".env")
                || name.startsWith("vite.config.")
                || (name.startsWith("tsconfig") && name.endsWith(".json"));
    }

    private static Stream<Path> walk(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    private static void update(MessageDigest digest, String kind, String value) {
        // Length-prefixed fields: no two different input sets can produce the same byte stream.
        byte[] bytes = (kind + ":" + value).getBytes(StandardCharsets.UTF_8);
        digest.update(longBytes(bytes.length));
        digest.update(bytes);
    }

    private static byte[] longBytes(long value) {
        byte[] bytes = new byte[8];
        for (int i = 7; i >= 0; i--) {
            bytes[i] = (byte) value;
            value >>>= 8;
        }
        return bytes;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
