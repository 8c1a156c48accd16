package io.tokligence.gateway.dist.docker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The shared libraries a linux runtime needs from its base: the {@code DT_NEEDED} entries of every ELF file in it,
 * minus what the runtime ships itself. Read from the files rather than with {@code ldd}, so it works for a foreign
 * arch too (an arm64 runtime on an amd64 build machine).
 */
final class RuntimeLibraries {
    private static final int PT_LOAD = 1;
    private static final int PT_DYNAMIC = 2;
    private static final long DT_NEEDED = 1;
    private static final long DT_STRTAB = 5;

    private RuntimeLibraries() {
    }

    /**
     * The native code every JVM start loads (the launcher, the VM, java.base's libraries): a library these link must
     * be in the base. Other JDK libraries (AWT's, sound) load only when their module is used.
     */
    private static final Set<String> ALWAYS_LOADED = Set.of("java", "jspawnhelper", "libjvm.so", "libjli.so",
            "libjava.so", "libjimage.so", "libnet.so", "libnio.so", "libzip.so", "libverify.so", "libjsig.so",
            "libsyslookup.so");

    /** What a runtime links from outside itself, split by whether every start or only some modules need it. */
    record Needs(Set<String> always, java.util.Map<String, Set<String>> byOptionalLibrary) {
    }

    /** Sonames the runtime's ELF files need and the runtime does not contain itself. */
    static Needs neededFromBase(Path runtime) {
        Set<String> shipped = new TreeSet<>();
        java.util.Map<String, List<String>> needsByFile = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(runtime)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                List<String> entries = needed(file);
                if (entries != null) {
                    needsByFile.put(file.getFileName().toString(), entries);
                    shipped.add(file.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + runtime, e);
        }
        Set<String> always = new TreeSet<>();
        java.util.Map<String, Set<String>> optional = new java.util.TreeMap<>();
        needsByFile.forEach((file, entries) -> {
            for (String soname : entries) {
                if (shipped.contains(soname)) {
                    continue;
                }
                if (ALWAYS_LOADED.contains(file)) {
                    always.add(soname);
                } else {
                    optional.computeIfAbsent(file, f -> new TreeSet<>()).add(soname);
                }
            }
        });
        return new Needs(always, optional);
    }

    /** The {@code DT_NEEDED} sonames of a 64-bit little-endian ELF file, or {@code null} when it is not one. */
    static List<String> needed(Path file) throws IOException {
        byte[] bytes;
        try (var in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(6);
            if (magic.length < 6 || magic[0] != 0x7f || magic[1] != 'E' || magic[2] != 'L' || magic[3] != 'F'
                    || magic[4] != 2 || magic[5] != 1) {
                return null;
            }
        }
        bytes = Files.readAllBytes(file);
        ByteBuffer elf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long phoff = elf.getLong(0x20);
        int phentsize = Short.toUnsignedInt(elf.getShort(0x36));
        int phnum = Short.toUnsignedInt(elf.getShort(0x38));
        long dynamicOffset = -1;
        long dynamicSize = 0;
        List<long[]> loads = new ArrayList<>();
        for (int i = 0; i < phnum; i++) {
            int header = (int) (phoff + (long) i * phentsize);
            int type = elf.getInt(header);
            long offset = elf.getLong(header + 8);
            long vaddr = elf.getLong(header + 16);
            long filesz = elf.getLong(header + 32);
            if (type == PT_DYNAMIC) {
                dynamicOffset = offset;
                dynamicSize = filesz;
            } else if (type == PT_LOAD) {
                loads.add(new long[] {vaddr, offset, filesz});
            }
        }
        if (dynamicOffset < 0) {
            return List.of();
        }
        List<Long> neededOffsets = new ArrayList<>();
        long stringTable = -1;
        for (long entry = dynamicOffset; entry + 16 <= dynamicOffset + dynamicSize; entry += 16) {
            long tag = elf.getLong((int) entry);
            long value = elf.getLong((int) entry + 8);
            if (tag == 0) {
                break;
            } else if (tag == DT_NEEDED) {
                neededOffsets.add(value);
            } else if (tag == DT_STRTAB) {
                stringTable = fileOffset(loads, value);
            }
        }
        List<String> names = new ArrayList<>();
        for (long offset : neededOffsets) {
            int start = (int) (stringTable + offset);
            int end = start;
            while (bytes[end] != 0) {
                end++;
            }
            names.add(new String(bytes, start, end - start, StandardCharsets.US_ASCII));
        }
        return names;
    }

    /** Maps a virtual address to its file offset through the PT_LOAD segment holding it. */
    private static long fileOffset(List<long[]> loads, long address) {
        for (long[] load : loads) {
            if (address >= load[0] && address < load[0] + load[2]) {
                return address - load[0] + load[1];
            }
        }
        return address;
    }
}
