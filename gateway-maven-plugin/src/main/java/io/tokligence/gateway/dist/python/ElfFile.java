package io.tokligence.gateway.dist.python;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the wheel tag needs from an ELF file, read as auditwheel reads it: its machine, the libraries it links
 * ({@code DT_NEEDED} of the dynamic section) and the symbol versions it requires from them (the GNU
 * version-needs section, {@code SHT_GNU_verneed}, {@code .gnu.version_r}), so the manylinux tag claims exactly
 * the glibc the bundled binaries need and only system libraries manylinux promises.
 */
public record ElfFile(int machine, Set<String> neededLibraries, Set<String> neededVersions) {

    public static final int EM_X86_64 = 62;
    public static final int EM_AARCH64 = 183;

    private static final int SHT_DYNAMIC = 6;
    private static final int SHT_GNU_VERNEED = 0x6ffffffe;
    private static final int DT_NEEDED = 1;

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
            return Optional.of(new ElfFile(machine, neededLibraries(data, is64), neededVersions(data, is64)));
        } catch (IndexOutOfBoundsException e) {
            throw new IOException(file + " is a truncated or malformed ELF file", e);
        }
    }

    /** A section header: where the section's bytes start, their size, and the start of its linked string table. */
    private record Section(int header, int offset, long size, int strings) {
    }

    private static List<Section> sections(ByteBuffer data, boolean is64, int type) {
        long sectionTable = is64 ? data.getLong(0x28) : Integer.toUnsignedLong(data.getInt(0x20));
        int entrySize = Short.toUnsignedInt(data.getShort(is64 ? 0x3a : 0x2e));
        int count = Short.toUnsignedInt(data.getShort(is64 ? 0x3c : 0x30));
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int header = Math.toIntExact(sectionTable + (long) i * entrySize);
            if (data.getInt(header + 4) != type) {
                continue;
            }
            long size = is64 ? data.getLong(header + 0x20) : Integer.toUnsignedLong(data.getInt(header + 0x14));
            int link = data.getInt(header + (is64 ? 0x28 : 0x18));
            int strings = sectionOffset(data, Math.toIntExact(sectionTable + (long) link * entrySize), is64);
            sections.add(new Section(header, sectionOffset(data, header, is64), size, strings));
        }
        return sections;
    }

    private static Set<String> neededLibraries(ByteBuffer data, boolean is64) {
        Set<String> libraries = new TreeSet<>();
        int dynamicEntry = is64 ? 16 : 8;
        for (Section dynamic : sections(data, is64, SHT_DYNAMIC)) {
            for (int entry = dynamic.offset(); entry + dynamicEntry <= dynamic.offset() + dynamic.size();
                    entry += dynamicEntry) {
                long tag = is64 ? data.getLong(entry) : data.getInt(entry);
                if (tag == 0) {
                    break;
                }
                if (tag == DT_NEEDED) {
                    long value = is64 ? data.getLong(entry + 8) : Integer.toUnsignedLong(data.getInt(entry + 4));
                    libraries.add(cString(data, Math.toIntExact(dynamic.strings() + value)));
                }
            }
        }
        return libraries;
    }

    private static Set<String> neededVersions(ByteBuffer data, boolean is64) {
        Set<String> versions = new TreeSet<>();
        for (Section needs : sections(data, is64, SHT_GNU_VERNEED)) {
            int needCount = data.getInt(needs.header() + (is64 ? 0x2c : 0x1c));
            readNeeds(data, needs.offset(), needCount, needs.strings(), versions);
        }
        return versions;
    }

    private static int sectionOffset(ByteBuffer data, int header, boolean is64) {
        return Math.toIntExact(is64 ? data.getLong(header + 0x18) : Integer.toUnsignedLong(data.getInt(header + 0x10)));
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
