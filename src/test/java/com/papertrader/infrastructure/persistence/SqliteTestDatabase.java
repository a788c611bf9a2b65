package com.papertrader.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hibernate.cfg.Configuration;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.sqlite.SQLiteDataSource;
import org.w3c.dom.NodeList;

/**
 * A SQLite file as the application opens it ({@link SqliteDataSource#configure}: WAL, synchronous NORMAL, busy
 * timeout), and Hibernate started on it outside a server with the entities of META-INF/persistence.xml: the
 * schema migrations run first, then Hibernate validates, as the server does ({@link DatabaseSchema}).
 */
public final class SqliteTestDatabase {

    private final SQLiteDataSource dataSource = new SQLiteDataSource();

    public SqliteTestDatabase(Path file) {
        SqliteDataSource.configure(dataSource, file, Duration.ofSeconds(10));
    }

    public SQLiteDataSource dataSource() {
        return dataSource;
    }

    /** Hibernate on this file with the application's mapping, after the migrations, validated against the schema. */
    public EntityManagerFactory start() {
        return start(entityClasses());
    }

    /** As {@link #start()}, mapping only some of the entities (the benchmarks map ohlcv_data alone). */
    public EntityManagerFactory start(List<Class<?>> entities) {
        return start(entities, dataSource);
    }

    /**
     * As {@link #start(List)}, with Hibernate's connections taken from {@code connections}: a pool over
     * {@link #dataSource()}, for a benchmark that should not measure SQLite opening the file at every transaction.
     */
    public EntityManagerFactory start(List<Class<?>> entities, DataSource connections) {
        SchemaMigrations.migrate(connections);
        Configuration configuration = new Configuration();
        entities.forEach(configuration::addAnnotatedClass);
        configuration.getProperties().put("hibernate.connection.datasource", connections);
        return configuration
                .setProperty("jakarta.persistence.transactionType", "RESOURCE_LOCAL")
                .setProperty("hibernate.dialect", dialect(connections).getName())
                .setProperty("hibernate.hbm2ddl.auto", "validate")
                .setProperty("hibernate.jdbc.batch_size", "200")
                // The JSON-B API is on the classpath without an implementation; no entity maps JSON.
                .setProperty("hibernate.type.json_format_mapper", NoJson.class.getName())
                .buildSessionFactory();
    }

    /** The dialect of the database {@code connections} reach (the benchmarks run on PostgreSQL too). */
    private static Class<? extends Dialect> dialect(DataSource connections) {
        try (Connection connection = connections.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL") ? PostgreSQLDialect.class : SqliteDialect.class;
        } catch (SQLException e) {
            throw new IllegalStateException("The test database cannot be reached: " + e.getMessage(), e);
        }
    }

    public static void inTransaction(EntityManagerFactory factory, Consumer<EntityManager> work) {
        inTransaction(factory, em -> {
            work.accept(em);
            return null;
        });
    }

    public static <T> T inTransaction(EntityManagerFactory factory, Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            em.close();
        }
    }

    /** The entity classes META-INF/persistence.xml lists: the server's mapping, not a copy of it. */
    static List<Class<?>> entityClasses() {
        try (InputStream xml = SqliteTestDatabase.class.getClassLoader().getResourceAsStream("META-INF/persistence.xml")) {
            NodeList names = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml).getElementsByTagName("class");
            List<Class<?>> classes = new ArrayList<>();
            for (int i = 0; i < names.getLength(); i++) {
                classes.add(Class.forName(names.item(i).getTextContent().strip()));
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException | javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IllegalStateException("META-INF/persistence.xml cannot be read", e);
        }
    }

    /** Hibernate needs a JSON format mapper at bootstrap; nothing here maps JSON. */
    public static final class NoJson implements FormatMapper {
        @Override
        public <T> T fromString(CharSequence text, JavaType<T> type, WrapperOptions options) {
            throw new UnsupportedOperationException("no entity maps JSON");
        }

        @Override
        public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
            throw new UnsupportedOperationException("no entity maps JSON");
        }
    }
}
