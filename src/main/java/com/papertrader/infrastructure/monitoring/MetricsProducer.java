package com.papertrader.infrastructure.monitoring;

import com.papertrader.application.monitoring.OperationsMetrics;
import com.papertrader.application.trading.DeskLease;
import com.papertrader.infrastructure.persistence.ConfiguredDataSource;
import com.papertrader.infrastructure.persistence.DatabaseDefinition;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The metrics registry, in the WAR (Micrometer, Prometheus' text format) so WildFly and Payara export the same series:
 * the JVM's (memory, garbage collection, threads, CPU, uptime) and the application's ({@link OperationsMetrics}).
 */
@ApplicationScoped
public class MetricsProducer {

    @Inject
    DeskLease lease;

    private final JvmGcMetrics garbageCollection = new JvmGcMetrics();

    @Produces
    @Singleton
    PrometheusMeterRegistry registry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        garbageCollection.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }

    void close(@Disposes PrometheusMeterRegistry registry) {
        registry.close();
    }

    @Produces
    @Singleton
    OperationsMetrics operations(PrometheusMeterRegistry registry) {
        OperationsMetrics metrics = new OperationsMetrics(registry);
        metrics.watchDesk(() -> lease.heldSince().isPresent());
        metrics.watchDatabasePool(DatabaseDefinition.MAX_POOL_SIZE, ConfiguredDataSource::poolConnectionsOpened);
        return metrics;
    }

    @PreDestroy
    void stop() {
        garbageCollection.close();
    }
}
