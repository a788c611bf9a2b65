package com.papertrader.infrastructure.config;

import com.papertrader.application.settings.InvalidSettingException;
import com.papertrader.application.settings.Settings;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads {@link Settings} from MicroProfile Config; a bad value is logged once, in one line naming the key. */
public final class SettingsLoader {

    private static final Logger LOG = Logger.getLogger(SettingsLoader.class.getName());

    private SettingsLoader() {
    }

    public static Settings load() {
        // The application's own class loader: the datasource is built on a server thread whose context loader varies.
        Config config = ConfigProvider.getConfig(SettingsLoader.class.getClassLoader());
        try {
            return Settings.from(key -> config.getOptionalValue(key, String.class));
        } catch (InvalidSettingException e) {
            LOG.log(Level.SEVERE, "Paper Trader cannot start: {0}", e.getMessage());
            throw e;
        }
    }
}
