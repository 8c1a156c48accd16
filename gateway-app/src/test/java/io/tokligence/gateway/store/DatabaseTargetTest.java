package io.tokligence.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTargetTest {

    @Test
    void libpqUrlBecomesJdbcUrlWithDecodedCredentials() {
        DatabaseTarget target = DatabaseTarget.parse("postgres://gw:p%40ss@db.internal:5433/ledger?sslmode=require");

        assertThat(target.dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5433/ledger?sslmode=require");
        assertThat(target.properties()).containsEntry("user", "gw").containsEntry("password", "p@ss");
    }

    @Test
    void jdbcPostgresUrlIsUsedAsItIs() {
        DatabaseTarget target = DatabaseTarget.parse("jdbc:postgresql://localhost/ledger?user=a&password=b");

        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/ledger?user=a&password=b");
        assertThat(target.properties()).isEmpty();
    }

    @Test
    void sqlitePathCreatesItsDirectory(@TempDir Path dir) {
        DatabaseTarget target = DatabaseTarget.parse(dir.resolve("a/b/ledger.db").toString());
        assertThat(target.dialect()).isEqualTo(Dialect.SQLITE);
        assertThat(dir.resolve("a/b")).isDirectory();
        assertThat(target.properties()).containsEntry("journal_mode", "WAL");
    }

    @Test
    void urlWithoutHostIsRejected() {
        assertThatThrownBy(() -> DatabaseTarget.parse("postgres:///ledger"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("has no host");
    }

    @Test
    void redactHidesPasswords() {
        assertThat(DatabaseTarget.redact("postgres://gw:secret@h/db")).isEqualTo("postgres://gw:****@h/db");
        assertThat(DatabaseTarget.redact("jdbc:postgresql://h/db?user=a&password=secret&x=1"))
                .isEqualTo("jdbc:postgresql://h/db?user=a&password=****&x=1");
    }
}
