package io.tokligence.gateway.dist.runtime;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokligence.gateway.dist.DistException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTemplateCheckTest {

    @TempDir
    Path config;

    private Path write(String relative, String text) throws IOException {
        Path file = config.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void acceptsWhatTheGatewayReads() throws IOException {
        write("setting.ini", "\uFEFF# comment\n; also a comment\n\n[gateway]\nlisten = 127.0.0.1:8081\n"
                + "Base_URL=\"https://x.example/#frag\"\n");
        write("dev/gateway.ini", "ledger_path=~/.tokligence/ledger.db\nsecret.key=a;b#c\n");
        write("notes.txt", "not ini, not checked\n");

        assertThatCode(() -> ConfigTemplateCheck.check(config)).doesNotThrowAnyException();
    }

    @Test
    void malformedLineNamesFileLineAndFix() throws IOException {
        Path file = write("setting.ini", "listen=127.0.0.1:8081\n# ok\nthis is not a key value pair\n");

        assertThatThrownBy(() -> ConfigTemplateCheck.check(config))
                .isInstanceOf(DistException.class)
                .hasMessage(file + ":3: expected key=value, got 'this is not a key value pair'"
                        + " (fix the line or comment it out with #)");
    }

    @Test
    void overlaysInSubdirectoriesAreCheckedToo() throws IOException {
        write("setting.ini", "listen=127.0.0.1:8081\n");
        Path overlay = write("live/gateway.ini", "[live\n");

        assertThatThrownBy(() -> ConfigTemplateCheck.check(config))
                .hasMessage(overlay + ":1: unterminated section header '[live' (close it with ] or comment it out with #)");
    }

    @Test
    void missingAndInvalidKeysAreRefused() throws IOException {
        Path file = write("setting.ini", " = value\n");
        assertThatThrownBy(() -> ConfigTemplateCheck.check(config))
                .hasMessage(file + ":1: missing key before '=' in '= value' (write key=value or comment the line out with #)");

        write("setting.ini", "ok=1\nbad key=1\n");
        assertThatThrownBy(() -> ConfigTemplateCheck.check(config))
                .hasMessage(file + ":2: invalid key 'bad key' (keys use letters, digits, '_', '.' and '-')");
    }

    @Test
    void nonUtf8FileIsNamed() throws IOException {
        Path file = config.resolve("setting.ini");
        Files.write(file, new byte[] {'a', '=', (byte) 0xff, '\n'});

        assertThatThrownBy(() -> ConfigTemplateCheck.check(config))
                .isInstanceOf(DistException.class)
                .hasMessageStartingWith(file + ": not UTF-8 text");
    }
}
