package com.papertrader.infrastructure.config;

import com.papertrader.application.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** CDI producers for the settings and the clock every time-dependent bean shares. */
@ApplicationScoped
public class SettingsProducer {

    private final Settings settings = SettingsLoader.load();

    @Produces
    public Settings settings() {
        return settings;
    }

    @Produces
    public Clock clock() {
        return Clock.systemUTC();
    }
}
