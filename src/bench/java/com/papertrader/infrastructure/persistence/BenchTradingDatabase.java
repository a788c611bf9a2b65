package com.papertrader.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;

/** A benchmark's trading database: a SQLite file with the server's schema in a temporary directory, deleted at close. */
final class BenchTradingDatabase implements AutoCloseable {

    private final Path directory;
    private final EntityManagerFactory entityManagers;

    BenchTradingDatabase() throws IOException {
        directory = Files.createTempDirectory("paper-trader-bench");
        entityManagers = new SqliteTestDatabase(directory.resolve("paper-trader.db")).start();
    }

    void inTransaction(Consumer<EntityManager> work) {
        SqliteTestDatabase.inTransaction(entityManagers, work);
    }

    /** What {@code work} reads, in a transaction of its own. */
    <T> T read(Function<EntityManager, T> work) {
        return SqliteTestDatabase.inTransaction(entityManagers, work);
    }

    /** The server's trading store on {@code em}'s transaction. */
    static JpaTradingStore tradingStore(EntityManager em) {
        JpaTradingStore store = new JpaTradingStore();
        store.em = em;
        return store;
    }

    @Override
    public void close() throws IOException {
        entityManagers.close();
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }
}
