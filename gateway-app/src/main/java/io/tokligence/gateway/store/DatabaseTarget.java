package io.tokligence.gateway.store;

import io.tokligence.gateway.config.PathExpansion;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.sqlite.SQLiteConfig;

/** Where {@code ledger_path} points: a SQLite file, or a PostgreSQL server given as a JDBC or libpq-style URL. */
record DatabaseTarget(Dialect dialect, String jdbcUrl, Properties properties) {

    static DatabaseTarget parse(String ledgerPath) {
        if (ledgerPath == null || ledgerPath.isBlank()) {
            throw new StoreException("ledger_path is empty; set it to a SQLite file path or a "
                    + "jdbc:postgresql://host/db URL (flag --ledger-path, variable TOKLIGENCE_LEDGER_PATH)");
        }
        String path = ledgerPath.strip();
        if (path.startsWith("jdbc:postgresql:")) {
            return new DatabaseTarget(Dialect.POSTGRESQL, path, new Properties());
        }
        if (path.startsWith("postgres://") || path.startsWith("postgresql://")) {
            return fromLibpqUrl(path);
        }
        if (path.startsWith("jdbc:")) {
            if (!path.startsWith("jdbc:sqlite:")) {
                throw new StoreException("ledger_path '" + path + "' names an unsupported database; use a SQLite "
                        + "file path or a jdbc:postgresql:// / postgres:// URL");
            }
            path = path.substring("jdbc:sqlite:".length());
        }
        if (!path.equals(":memory:")) {
            Path file = Path.of(PathExpansion.expandHome(path)).toAbsolutePath();
            createParent(file);
            path = file.toString();
        }
        return new DatabaseTarget(Dialect.SQLITE, "jdbc:sqlite:" + path, sqliteProperties());
    }

    /**
     * WAL lets readers (the CLI) run while gatewayd writes; busy_timeout waits for another process's write lock
     * instead of failing; IMMEDIATE transactions take the write lock up front, so two writers never deadlock on
     * a lock upgrade.
     */
    private static Properties sqliteProperties() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config.toProperties();
    }

    private static void createParent(Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new StoreException("cannot create the directory for ledger_path " + file + ": " + e.getMessage()
                    + " (choose a writable location with --ledger-path)", e);
        }
    }

    /** {@code postgres://user:pass@host:port/db?sslmode=...} as the Go gateway accepted it. */
    private static DatabaseTarget fromLibpqUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new StoreException("ledger_path '" + redact(url) + "' is not a valid URL: " + e.getReason());
        }
        if (uri.getHost() == null) {
            throw new StoreException("ledger_path '" + redact(url) + "' has no host; write postgres://user:password@"
                    + "host:5432/database");
        }
        Properties properties = new Properties();
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            properties.setProperty("user", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                properties.setProperty("password", decode(userInfo.substring(colon + 1)));
            }
        }
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String database = uri.getRawPath() == null ? "" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new DatabaseTarget(Dialect.POSTGRESQL,
                "jdbc:postgresql://" + uri.getHost() + port + database + query, properties);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The URL without its password, for messages. */
    static String redact(String url) {
        return url.replaceAll("(//[^:/@]+:)[^@]*@", "$1****@").replaceAll("(?i)(password=)[^&]*", "$1****");
    }
}
