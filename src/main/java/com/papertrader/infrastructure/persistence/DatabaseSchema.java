package com.papertrader.infrastructure.persistence;

import com.papertrader.application.DatabaseReady;
import com.papertrader.application.settings.DatabaseSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;

/**
 * Brings the database to the schema this application maps, once it answers: runs the {@link SchemaMigrations}, then
 * validates Hibernate's mapping against the result. Ready at deployment, the trading desk starts after this bean;
 * ready later, this bean tells it ({@link DatabaseReady}). A database
 * that does not answer at deployment (not started yet, wrong password, network) does not stop the deployment: one log
 * line names it and why, {@code /health} says DOWN, nothing trades, and this bean asks again every
 * {@value #RETRY_SECONDS} s. A schema this release cannot run on (written by a newer release, a failed migration, a
 * mapping that does not match) stops the deployment, or, found on a later attempt, keeps the application DOWN.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Flyway commits each migration itself
public class DatabaseSchema {

    private static final Logger LOG = Logger.getLogger(DatabaseSchema.class.getName());
    static final int RETRY_SECONDS = 5;
    private static final String NOT_REACHED_YET = "the database has not been reached yet";

    @Resource(lookup = DatabaseDefinition.JNDI_NAME)
    DataSource dataSource;

    @PersistenceUnit
    EntityManagerFactory entityManagers;

    @Resource
    TimerService timers;

    @Inject
    DatabaseSettings settings;

    @Inject
    Event<DatabaseReady> ready;

    /** The configured database, not pooled: asked whether it answers (made once; on SQLite it checks the directory). */
    private DataSource unpooled;

    /** Why the application does not run on the database yet; null once it does. */
    private volatile String problem = NOT_REACHED_YET;

    @PostConstruct
    void deploy() {
        try {
            unpooled = new ConfiguredDataSource(settings);
            prepare(); // ready now: the trading desk starts after this bean (@DependsOn), nothing to tell
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Paper Trader cannot start: {0}", e.getMessage());
            throw e;
        }
    }

    @Timeout
    void tryAgain() {
        try {
            // told from here, after the deployment, never from deploy(): a timer's call to the desk during the
            // deployment waits for every startup bean to finish, this one included, while holding the desk's lock
            prepare().ifPresent(version -> ready.fire(new DatabaseReady(version)));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Paper Trader cannot run on the database: {0}", e.getMessage());
            problem = e.getMessage();
        }
    }

    /** Empty once the application runs on the database; else why it does not, for the health check. */
    @Lock(LockType.READ)
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** The schema version once the application runs on the database; empty while it does not answer. */
    private Optional<String> prepare() {
        Optional<String> unreachable = unreachable();
        if (unreachable.isPresent()) {
            if (!unreachable.get().equals(problem)) {
                // once per reason, not at every attempt; the driver's message names the user, never the password
                LOG.log(Level.SEVERE, "The database {0} cannot be reached: {1}. Paper Trader waits for it (asking every {2} s);"
                        + " nothing trades meanwhile", new Object[]{where(), unreachable.get(), RETRY_SECONDS});
            }
            problem = unreachable.get();
            timers.createSingleActionTimer(Duration.ofSeconds(RETRY_SECONDS).toMillis(), new TimerConfig(null, false));
            return Optional.empty();
        }
        String version = SchemaMigrations.migrate(dataSource);
        entityManagers.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
        if (problem != null && !problem.equals(NOT_REACHED_YET)) {
            LOG.info(() -> "The database " + where() + " answers now");
        }
        problem = null;
        return Optional.of(version);
    }

    /**
     * Why no connection to the configured database can be had, if none can: the driver's first line. Asked on a
     * connection of its own, not the server's pool, which logs a stack trace for every connection it cannot make.
     */
    @Lock(LockType.READ)
    public Optional<String> unreachable() {
        try (Connection connection = unpooled.getConnection()) {
            return Optional.empty();
        } catch (SQLException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return Optional.of(message.lines().findFirst().orElse(message).strip());
        }
    }

    private String where() {
        return settings.postgres().map(server -> "PostgreSQL " + server.where()).orElse("SQLite " + settings.databaseFile());
    }
}
