package io.tokligence.gateway.dist.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokligence.gateway.dist.DistException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExecutableHeaderTest {

    @Test
    void theJavaRunningThisTestMatchesTheHostTarget() {
        Target host = Target.host();
        Path java = Path.of(System.getProperty("java.home")).resolve(host.javaExecutable());
        ExecutableHeader header = ExecutableHeader.read(java);
        assertThat(header.matches(host)).as(header.describe()).isTrue();
        for (Target other : Target.ALL) {
            if (!other.equals(host)) {
                assertThat(header.matches(other)).as(other.id()).isFalse();
            }
        }
    }

    @Test
    void elfMachineAndClassDecideTheArchitecture() {
        ExecutableHeader aarch64 = ExecutableHeader.parse(elf(2, 0xB7), "java");
        assertThat(aarch64.matches(Target.parse("linux-aarch64"))).isTrue();
        assertThat(aarch64.matches(Target.parse("linux-x64"))).isFalse();
        assertThat(aarch64.describe()).isEqualTo("ELF64 e_machine 0xb7 (linux aarch64)");
        ExecutableHeader x64 = ExecutableHeader.parse(elf(2, 0x3E), "java");
        assertThat(x64.describe()).isEqualTo("ELF64 e_machine 0x3e (linux x64)");
        assertThat(ExecutableHeader.parse(elf(1, 0x3E), "java").architectures()).isEmpty();
    }

    @Test
    void machOCputypesIncludingUniversalBinaries() {
        assertThat(ExecutableHeader.parse(machO(0x0100000C), "java").matches(Target.parse("macos-aarch64"))).isTrue();
        assertThat(ExecutableHeader.parse(machO(0x01000007), "java").matches(Target.parse("macos-x64"))).isTrue();
        assertThat(ExecutableHeader.parse(machO(0x01000007), "java").matches(Target.parse("macos-aarch64"))).isFalse();
        ByteBuffer fat = ByteBuffer.allocate(64).order(ByteOrder.BIG_ENDIAN);
        fat.putInt(0xCAFEBABE).putInt(2).putInt(0x01000007).position(28);
        fat.putInt(0x0100000C);
        ExecutableHeader universal = ExecutableHeader.parse(fat.array(), "java");
        assertThat(universal.matches(Target.parse("macos-x64"))).isTrue();
        assertThat(universal.matches(Target.parse("macos-aarch64"))).isTrue();
        assertThat(universal.matches(Target.parse("linux-x64"))).isFalse();
    }

    @Test
    void peMachineBehindTheMzStub() {
        assertThat(ExecutableHeader.parse(pe(0x8664), "java.exe").matches(Target.parse("windows-x64"))).isTrue();
        assertThat(ExecutableHeader.parse(pe(0xAA64), "java.exe").matches(Target.parse("windows-x64"))).isFalse();
        assertThat(ExecutableHeader.parse(pe(0x8664), "java.exe").describe()).isEqualTo("machine 0x8664 (windows x64)");
    }

    @Test
    void somethingElseIsADamagedRuntime() {
        assertThatThrownBy(() -> ExecutableHeader.parse("#!/bin/sh\necho hi\n".getBytes(), "runtime/bin/java"))
                .isInstanceOf(DistException.class)
                .hasMessage("runtime/bin/java is not an ELF, Mach-O or PE executable: the runtime image is damaged");
        byte[] mzOnly = new byte[0x80];
        mzOnly[0] = 'M';
        mzOnly[1] = 'Z';
        assertThatThrownBy(() -> ExecutableHeader.parse(mzOnly, "java.exe")).hasMessageContaining("no PE signature");
    }

    private static byte[] elf(int elfClass, int machine) {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7F, 'E', 'L', 'F', (byte) elfClass, 1, 1});
        b.putShort(16, (short) 2).putShort(18, (short) machine);
        return b.array();
    }

    private static byte[] machO(int cpu) {
        return ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN).putInt(0xFEEDFACF).putInt(cpu).array();
    }

    private static byte[] pe(int machine) {
        ByteBuffer b = ByteBuffer.allocate(0x100).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 'M').put(1, (byte) 'Z').putInt(0x3C, 0x80);
        b.putInt(0x80, 0x00004550).putShort(0x84, (short) machine);
        return b.array();
    }
}
