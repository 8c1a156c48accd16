package io.tokligence.gateway.dist.python;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One architecture slice of a Mach-O file: its CPU and the minimum macOS it declares in
 * {@code LC_BUILD_VERSION} (or the older {@code LC_VERSION_MIN_MACOSX}), which become the wheel's
 * {@code macosx_<major>_<minor>_<arch>} tag.
 *
 * @param minimumMacos the version as Mach-O encodes it ({@code xxxx.yy.zz} in nibbles: major in bits 16-31,
 *                     minor in bits 8-15), or -1 when the slice declares none
 */
public record MachOFile(int cpuType, int minimumMacos) {

    public static final int CPU_TYPE_X86_64 = 0x01000007;
    public static final int CPU_TYPE_ARM64 = 0x0100000c;

    private static final int MH_MAGIC_64 = 0xfeedfacf;
    private static final int MH_MAGIC = 0xfeedface;
    private static final int FAT_MAGIC = 0xcafebabe;
    /** Java class files share the fat magic; their next word (the class version) is far above any slice count. */
    private static final int MAX_FAT_SLICES = 20;
    private static final int LC_VERSION_MIN_MACOSX = 0x24;
    private static final int LC_BUILD_VERSION = 0x32;
    private static final int PLATFORM_MACOS = 1;

    public int majorVersion() {
        return minimumMacos >>> 16;
    }

    public int minorVersion() {
        return (minimumMacos >>> 8) & 0xff;
    }

    /** Reads every slice of {@code file}: one for a thin file, several for a universal one, none for other files. */
    public static List<MachOFile> read(Path file) throws IOException {
        byte[] magic = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(magic, 0, 4) < 4) {
                return List.of();
            }
        }
        int bigEndian = ByteBuffer.wrap(magic).order(ByteOrder.BIG_ENDIAN).getInt();
        int littleEndian = ByteBuffer.wrap(magic).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (bigEndian != FAT_MAGIC && !isThinMagic(littleEndian) && !isThinMagic(bigEndian)) {
            return List.of();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer data = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            if (bigEndian == FAT_MAGIC) {
                return fatSlices(data);
            }
            return slice(data, 0).map(List::of).orElse(List.of());
        } catch (IndexOutOfBoundsException e) {
            throw new IOException(file + " is a truncated or malformed Mach-O file", e);
        }
    }

    private static boolean isThinMagic(int magic) {
        return magic == MH_MAGIC_64 || magic == MH_MAGIC;
    }

    private static List<MachOFile> fatSlices(ByteBuffer data) {
        data.order(ByteOrder.BIG_ENDIAN);
        int count = data.getInt(4);
        if (count <= 0 || count > MAX_FAT_SLICES) {
            return List.of();
        }
        List<MachOFile> slices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int offset = data.getInt(8 + i * 20 + 8);
            slice(data, offset).ifPresent(slices::add);
        }
        return slices;
    }

    private static Optional<MachOFile> slice(ByteBuffer whole, int start) {
        ByteBuffer data = whole.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int magic = data.getInt(start);
        if (!isThinMagic(magic)) {
            data.order(ByteOrder.BIG_ENDIAN);
            magic = data.getInt(start);
            if (!isThinMagic(magic)) {
                return Optional.empty();
            }
        }
        int cpuType = data.getInt(start + 4);
        int commandCount = data.getInt(start + 16);
        int command = start + (magic == MH_MAGIC_64 ? 32 : 28);
        int minimum = -1;
        for (int i = 0; i < commandCount; i++) {
            int type = data.getInt(command);
            if (type == LC_BUILD_VERSION && data.getInt(command + 8) == PLATFORM_MACOS
                    || type == LC_VERSION_MIN_MACOSX) {
                int declared = type == LC_BUILD_VERSION ? data.getInt(command + 12) : data.getInt(command + 8);
                minimum = Math.max(minimum, declared);
            }
            command += data.getInt(command + 4);
        }
        return Optional.of(new MachOFile(cpuType, minimum));
    }
}
