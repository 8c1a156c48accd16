package io.tokligence.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PathExpansionTest {

    private final String home = System.getProperty("user.home");

    @Test
    void expandsLeadingTildeOnly() {
        assertThat(PathExpansion.expandHome("~")).isEqualTo(home);
        assertThat(PathExpansion.expandHome("~/.tokligence/ledger.db"))
                .isEqualTo(Path.of(home, ".tokligence", "ledger.db").toString());
        assertThat(PathExpansion.expandHome("/var/lib/gateway/~x.db")).isEqualTo("/var/lib/gateway/~x.db");
        assertThat(PathExpansion.expandHome("~other/ledger.db")).isEqualTo("~other/ledger.db");
        assertThat(PathExpansion.expandHome("")).isEmpty();
    }
}
