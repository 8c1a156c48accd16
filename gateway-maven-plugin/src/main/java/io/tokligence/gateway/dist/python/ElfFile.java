package io.tokligence.gateway.dist.python;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the wheel tag needs from an ELF file: its machine and the symbol versions it requires from other
 * libraries, read from the GNU version-needs section ({@code SHT_GNU_verneed}, {@code .gnu.version_r}) as
 * auditwheel does, so the manylinux tag claims exactly the glibc the bundled binaries need.
 */
public record ElfFile(int machine, Set<String> neededVersions) {

    public static final int EM_X86_64 = 62;
    public static final int EM_AARCH64 = 183;

    private static final int SHT_GNU_VERNEED = 0x6ffffffe;

    /** Reads {@code file}, or returns empty when it is not an ELF file. */
    public static Optional<ElfFile> read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() < 64) {
                return Optional.empty();
            }
            ByteBuffer data = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            if (data.getInt(0) != 0x7f454c46) {
                return Optional.empty();
            }
            boolean is64 = data.get(4) == 2;
            data.order(data.get(5) == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            int machine = Short.toUnsignedInt(data.getShort(18));
            return Optional.of(new ElfFile(machine, neededVersions(data, is64)));
        } catch (IndexOutOfBoundsException e) {
            throw new IOException(file + " is a truncated or malformed ELF file", e);
        }
    }

    private static Set<String> neededVersions(ByteBuffer data, boolean is64) {
        long sectionTable = is64 ? data.getLong(0x28) : Integer.toUnsignedLong(data.getInt(0x20));
        int entrySize = Short.toUnsignedInt(data.getShort(is64 ? 0x3a : 0x2e));
        int count = Short.toUnsignedInt(data.getShort(is64 ? 0x3c : 0x30));
        Set<String> versions = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            int header = Math.toIntExact(sectionTable + (long) i * entrySize);
            if (data.getInt(header + 4) != SHT_GNU_VERNEED) {
                continue;
            }
            long offset = sectionOffset(data, header, is64);
            int link = data.getInt(header + (is64 ? 0x28 : 0x18));
            int stringsHeader = Math.toIntExact(sectionTable + (long) link * entrySize);
            long strings = sectionOffset(data, stringsHeader, is64);
            int needCount = data.getInt(header + (is64 ? 0x2c : 0x1c));
            readNeeds(data, Math.toIntExact(offset), needCount, Math.toIntExact(strings), versions);
        }
        return versions;
    }

    private static long sectionOffset(ByteBuffer data, int header, boolean is64) {
        return is64 ? data.getLong(header + 0x18) : Integer.toUnsignedLong(data.getInt(header + 0x10));
    }

    /** Walks the Elf_Verneed chain (one per library) and each library's Elf_Vernaux chain (one per version). */
    private static void readNeeds(ByteBuffer data, int first, int needCount, int strings, Set<String> versions) {
        int need = first;
        for (int n = 0; n < needCount; n++) {
            int auxCount = Short.toUnsignedInt(data.getShort(need + 2));
            int aux = need + data.getInt(need + 8);
            for (int a = 0; a < auxCount; a++) {
                versions.add(cString(data, strings + data.getInt(aux + 8)));
                int nextAux = data.getInt(aux + 12);
                if (nextAux == 0) {
                    break;
                }
                aux += nextAux;
            }
            int next = data.getInt(need + 12);
            if (next == 0) {
                break;
            }
            need += next;
        }
    }

    private static String cString(ByteBuffer data, int offset) {
        int end = offset;
        while (data.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - offset];
        data.get(offset, bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
