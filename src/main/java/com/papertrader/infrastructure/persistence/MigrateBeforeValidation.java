package com.papertrader.infrastructure.persistence;

import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Runs the {@link SchemaMigrations} while Hibernate builds the persistence unit, before it validates its mapping
 * against the schema ({@code hibernate.hbm2ddl.auto=validate}): on WildFly and Payara the unit is built when the WAR
 * deploys, before any bean starts, so this is the one place that is early enough. Registered in
 * {@code META-INF/services/org.hibernate.integrator.spi.Integrator}; every Hibernate start of the application's
 * mapping (the server's, a test's) migrates the same way.
 */
public final class MigrateBeforeValidation implements Integrator {

    private static final Logger LOG = Logger.getLogger(MigrateBeforeValidation.class.getName());

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        ConnectionProvider connections = sessionFactory.getServiceRegistry().requireService(ConnectionProvider.class);
        if (!connections.isUnwrappableAs(DataSource.class)) {
            throw new IllegalStateException("The schema migrations need a DataSource; Hibernate was given "
                    + connections.getClass().getName());
        }
        try {
            SchemaMigrations.migrate(connections.unwrap(DataSource.class));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Paper Trader cannot start: {0}", e.getMessage());
            throw e;
        }
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
        // nothing to undo
    }
}
