package com.papertrader.infrastructure.persistence;

import com.papertrader.application.settings.Settings;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.MarketCalendar;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A fresh SQLite file with the application's schema, made by its migrations ({@link SqliteTestDatabase}), and Hibernate
 * standalone (RESOURCE_LOCAL) mapping {@link OhlcvRecord}, its connections pooled (HikariCP) as the server pools its
 * own. Every connection, Hibernate's and the raw ones, uses the
 * settings of {@link SqliteDataSource}: WAL journal, synchronous NORMAL, 10 s busy timeout.
 * Both sides of a comparison get their own file.
 * <p>
 * With the environment variable {@value #POSTGRES_SERVER} set (a JDBC URL without the database, e.g.
 * {@code jdbc:postgresql://127.0.0.1:55434/}, user and password those of {@code src/test/scripts/postgres.sh}), each
 * side gets a fresh PostgreSQL database on that server instead, dropped at the end.
 */
final class BenchDatabase implements AutoCloseable {

    /** The raw baseline's statement: the product's own, so the two write exactly the same rows the same way. */
    static final String UPSERT = """
            INSERT INTO ohlcv_data (ticker, bar_start, open, high, low, close, volume, vwap, trades, time_of_day, day_of_week)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (ticker, bar_start) DO UPDATE SET
              open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close,
              volume = excluded.volume, vwap = excluded.vwap, trades = excluded.trades""";

    /** Rows per executeBatch in the raw baseline, as the product's chunks. */
    static final int RAW_BATCH = 5_000;

    static final String POSTGRES_SERVER = "BENCH_POSTGRES_URL";
    private static final String POSTGRES_USER = "papertrader";
    private static final String POSTGRES_PASSWORD = "papertrader-it";
    private static int postgresDatabases;

    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm");

    private final Path directory;
    /** The PostgreSQL database of this side, or null on SQLite. */
    private final String postgresDatabase;
    private final String url;
    private final HikariDataSource connections;
    private final EntityManagerFactory entityManagers;

    private BenchDatabase(Path directory, String postgresDatabase) {
        this.directory = directory;
        this.postgresDatabase = postgresDatabase;
        SqliteTestDatabase database = new SqliteTestDatabase(directory.resolve("paper-trader.db"));
        HikariConfig pool = new HikariConfig();
        if (postgresDatabase == null) {
            this.url = "jdbc:sqlite:" + directory.resolve("paper-trader.db") + "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=10000";
            pool.setDataSource(database.dataSource());
        } else {
            this.url = System.getenv(POSTGRES_SERVER) + postgresDatabase;
            pool.setJdbcUrl(url);
            pool.setUsername(POSTGRES_USER);
            pool.setPassword(POSTGRES_PASSWORD);
        }
        pool.setMaximumPoolSize(2);
        this.connections = new HikariDataSource(pool);
        this.entityManagers = database.start(List.of(OhlcvRecord.class), connections);
        if (postgresDatabase == null) {
            inTransaction(em -> {
                requirePragma(em, "journal_mode", "wal");
                requirePragma(em, "synchronous", "1");
            });
        }
    }

    /** A new, empty database: a file in a new temporary directory, or a new PostgreSQL database ({@value #POSTGRES_SERVER}). */
    static BenchDatabase create() {
        try {
            Path directory = Files.createTempDirectory("paper-trader-bench");
            if (System.getenv(POSTGRES_SERVER) == null) {
                return new BenchDatabase(directory, null);
            }
            String database = "bench_" + ProcessHandle.current().pid() + "_" + postgresDatabases++;
            onPostgresServer("CREATE DATABASE " + database);
            return new BenchDatabase(directory, database);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void onPostgresServer(String sql) {
        try (Connection server = DriverManager.getConnection(System.getenv(POSTGRES_SERVER) + "papertrader", POSTGRES_USER, POSTGRES_PASSWORD);
             Statement statement = server.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The product's store on this database; set {@code em} per transaction, as the container does. */
    JpaBarStore repository() {
        JpaBarStore repository = new JpaBarStore();
        repository.settings = packagedSettings().market();
        return repository;
    }

    EntityManager newEntityManager() {
        return entityManagers.createEntityManager();
    }

    /** A connection of the raw baseline, autocommit off. */
    Connection openRaw() throws SQLException {
        if (postgresDatabase != null) {
            Connection connection = DriverManager.getConnection(url, POSTGRES_USER, POSTGRES_PASSWORD);
            connection.setAutoCommit(false);
            return connection;
        }
        Connection connection = DriverManager.getConnection(url);
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement();
             ResultSet synchronous = statement.executeQuery("PRAGMA synchronous")) {
            if (!synchronous.next() || synchronous.getInt(1) != 1) {
                throw new IllegalStateException("raw connection is not synchronous=NORMAL");
            }
        }
        connection.commit();
        return connection;
    }

    /** The raw baseline: the bars through one prepared statement, batched, in one transaction. */
    static void rawUpsert(Connection connection, List<Bar> bars) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            int batched = 0;
            for (Bar bar : bars) {
                ZonedDateTime newYork = bar.start().atZone(MarketCalendar.NEW_YORK);
                upsert.setString(1, bar.ticker());
                upsert.setLong(2, bar.start().toEpochMilli());
                upsert.setBigDecimal(3, bar.open());
                upsert.setBigDecimal(4, bar.high());
                upsert.setBigDecimal(5, bar.low());
                upsert.setBigDecimal(6, bar.close());
                upsert.setBigDecimal(7, bar.volume());
                upsert.setBigDecimal(8, bar.vwap());
                if (bar.trades() == null) {
                    upsert.setNull(9, Types.BIGINT);
                } else {
                    upsert.setLong(9, bar.trades());
                }
                upsert.setString(10, TIME_OF_DAY.format(newYork));
                upsert.setInt(11, newYork.getDayOfWeek().getValue());
                upsert.addBatch();
                if (++batched == RAW_BATCH) {
                    upsert.executeBatch();
                    batched = 0;
                }
            }
            upsert.executeBatch();
        }
        connection.commit();
    }

    /** Stores bars before a benchmark, through a raw connection of its own. */
    void prefill(List<Bar> bars) {
        try (Connection connection = openRaw()) {
            rawUpsert(connection, bars);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count() {
        EntityManager em = newEntityManager();
        try {
            return em.createNamedQuery(OhlcvRecord.COUNT, Long.class).getSingleResult();
        } finally {
            em.close();
        }
    }

    @Override
    public void close() {
        entityManagers.close();
        connections.close();
        if (postgresDatabase != null) {
            onPostgresServer("DROP DATABASE " + postgresDatabase);
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
            Files.delete(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void inTransaction(Consumer<EntityManager> work) {
        EntityManager em = newEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            em.close();
        }
    }

    private static void requirePragma(EntityManager em, String pragma, String expected) {
        String value = String.valueOf(em.createNativeQuery("PRAGMA " + pragma).getSingleResult());
        if (!value.equalsIgnoreCase(expected)) {
            throw new IllegalStateException("PRAGMA " + pragma + " is " + value + ", expected " + expected);
        }
    }

    /** The packaged defaults of META-INF/microprofile-config.properties, as the application reads them without overrides. */
    static Settings packagedSettings() {
        Properties defaults = new Properties();
        try (InputStream in = BenchDatabase.class.getClassLoader().getResourceAsStream("META-INF/microprofile-config.properties")) {
            if (in == null) {
                throw new IllegalStateException("no META-INF/microprofile-config.properties on the classpath");
            }
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Settings.from(key -> Optional.ofNullable(defaults.getProperty(key)));
    }
}
