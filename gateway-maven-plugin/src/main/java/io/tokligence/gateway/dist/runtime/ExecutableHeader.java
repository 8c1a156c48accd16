package io.tokligence.gateway.dist.runtime;

import io.tokligence.gateway.dist.DistException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * The platform an executable was built for, read from its ELF, Mach-O or PE header.
 *
 * <p>jlink quietly links the host's own modules when the module path holds none for the target
 * (adoptium-support#1271), so a "linux-aarch64" image can come out as x86-64: reading the header of
 * {@code runtime/bin/java} after linking is the only reliable check.
 */
public record ExecutableHeader(String format, OperatingSystem os, Set<Architecture> architectures, String machine) {

    private static final int HEADER_BYTES = 4096;
    private static final int ELF_MACHINE_X86_64 = 0x3E;
    private static final int ELF_MACHINE_AARCH64 = 0xB7;
    private static final int MACHO_CPU_X86_64 = 0x01000007;
    private static final int MACHO_CPU_ARM64 = 0x0100000C;
    private static final int PE_MACHINE_AMD64 = 0x8664;
    private static final int PE_MACHINE_ARM64 = 0xAA64;

    /** Reads the header of {@code file}. */
    public static ExecutableHeader read(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(HEADER_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return parse(bytes, file.toString());
    }

    /** Parses the first bytes of an executable; {@code name} only labels the error. */
    public static ExecutableHeader parse(byte[] bytes, String name) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (bytes.length >= 20 && bytes[0] == 0x7F && bytes[1] == 'E' && bytes[2] == 'L' && bytes[3] == 'F') {
            return elf(buffer);
        }
        if (bytes.length >= 8) {
            int magicLe = buffer.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
            if (magicLe == 0xFEEDFACF || magicLe == 0xFEEDFACE) {
                int cpu = buffer.getInt(4);
                return new ExecutableHeader("Mach-O", OperatingSystem.MACOS, machO(cpu), "cputype 0x" + Integer.toHexString(cpu));
            }
            if (buffer.order(ByteOrder.BIG_ENDIAN).getInt(0) == 0xCAFEBABE) {
                return universalMachO(buffer);
            }
        }
        if (bytes.length >= 0x40 && bytes[0] == 'M' && bytes[1] == 'Z') {
            return pe(buffer, name);
        }
        throw new DistException(name + " is not an ELF, Mach-O or PE executable: the runtime image is damaged");
    }

    private static ExecutableHeader elf(ByteBuffer buffer) {
        int elfClass = buffer.get(4);
        buffer.order(buffer.get(5) == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int machine = Short.toUnsignedInt(buffer.getShort(18));
        Set<Architecture> archs = EnumSet.noneOf(Architecture.class);
        // A 32-bit ELF with a 64-bit e_machine does not exist; checking EI_CLASS catches a truncated or foreign file.
        if (elfClass == 2 && machine == ELF_MACHINE_X86_64) {
            archs.add(Architecture.X64);
        } else if (elfClass == 2 && machine == ELF_MACHINE_AARCH64) {
            archs.add(Architecture.AARCH64);
        }
        return new ExecutableHeader("ELF", OperatingSystem.LINUX, archs,
                (elfClass == 2 ? "ELF64" : "ELF32") + " e_machine 0x" + Integer.toHexString(machine));
    }

    private static Set<Architecture> machO(int cpu) {
        Set<Architecture> archs = EnumSet.noneOf(Architecture.class);
        if (cpu == MACHO_CPU_X86_64) {
            archs.add(Architecture.X64);
        } else if (cpu == MACHO_CPU_ARM64) {
            archs.add(Architecture.AARCH64);
        }
        return archs;
    }

    private static ExecutableHeader universalMachO(ByteBuffer buffer) {
        int count = buffer.getInt(4);
        Set<Architecture> archs = EnumSet.noneOf(Architecture.class);
        StringBuilder cpus = new StringBuilder();
        for (int i = 0; i < count && 8 + i * 20 + 4 <= buffer.limit(); i++) {
            int cpu = buffer.getInt(8 + i * 20);
            archs.addAll(machO(cpu));
            cpus.append(cpus.isEmpty() ? "" : ",").append("0x").append(Integer.toHexString(cpu));
        }
        return new ExecutableHeader("Mach-O universal", OperatingSystem.MACOS, archs, "cputypes " + cpus);
    }

    private static ExecutableHeader pe(ByteBuffer buffer, String name) {
        buffer.order(ByteOrder.LITTLE_ENDIAN);
        int peOffset = buffer.getInt(0x3C);
        if (peOffset < 0 || peOffset + 6 > buffer.limit() || buffer.getInt(peOffset) != 0x00004550) {
            throw new DistException(name + " has an MZ header but no PE signature: the runtime image is damaged");
        }
        int machine = Short.toUnsignedInt(buffer.getShort(peOffset + 4));
        Set<Architecture> archs = EnumSet.noneOf(Architecture.class);
        if (machine == PE_MACHINE_AMD64) {
            archs.add(Architecture.X64);
        } else if (machine == PE_MACHINE_ARM64) {
            archs.add(Architecture.AARCH64);
        }
        return new ExecutableHeader("PE", OperatingSystem.WINDOWS, archs, "machine 0x" + Integer.toHexString(machine));
    }

    public boolean matches(Target target) {
        return os == target.os() && architectures.contains(target.arch());
    }

    /** What the header says, for messages: "ELF64 e_machine 0x3e (linux x64)". */
    public String describe() {
        return machine + " (" + os.id() + " " + (architectures.isEmpty() ? "unknown architecture"
                : String.join("+", architectures.stream().map(Architecture::id).toList())) + ")";
    }
}
