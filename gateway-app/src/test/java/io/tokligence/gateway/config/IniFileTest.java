package io.tokligence.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IniFileTest {

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("setting.ini");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void readsKeysCommentsSectionsAndQuotes() throws IOException {
        IniFile ini = IniFile.read(write("""
                \uFEFF# comment
                ; another comment
                [gateway]
                  Base_URL = https://exchange.example/api#frag
                email=
                display_name="Ada Lovelace"
                log_level=info
                log_level=debug
                """));

        assertThat(ini.entries()).containsOnlyKeys("base_url", "email", "display_name", "log_level");
        assertThat(ini.entries().get("base_url")).isEqualTo(
                new IniFile.Entry("base_url", "https://exchange.example/api#frag", 4));
        assertThat(ini.entries().get("email").value()).isEmpty();
        assertThat(ini.entries().get("display_name").value()).isEqualTo("Ada Lovelace");
        assertThat(ini.entries().get("log_level")).isEqualTo(new IniFile.Entry("log_level", "debug", 8));
    }

    @Test
    void lineWithoutEqualsNamesFileLineAndFix() throws IOException {
        Path file = write("email=a@b.c\n\n# fine\nfoo\n");

        assertThatThrownBy(() -> IniFile.read(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.line()).isEqualTo(4);
                })
                .hasMessage(file + ":4: expected key=value, got 'foo' (fix the line or comment it out with #)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a=1\\n=value        | 2 | missing key before '=' in '=value'",
        "[gateway          | 1 | unterminated section header '[gateway'",
        "# x\\nlog level=debug | 2 | invalid key 'log level'"})
    void malformedLinesNameTheirLine(String text, int line, String reason) throws IOException {
        Path file = write(text.replace("\\n", "\n") + "\n");

        assertThatThrownBy(() -> IniFile.read(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.line()).isEqualTo(line))
                .hasMessageStartingWith(file + ":" + line + ": " + reason);
    }
}
