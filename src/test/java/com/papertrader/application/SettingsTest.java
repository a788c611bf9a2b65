package com.papertrader.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private final Map<String, String> values = new HashMap<>(Map.of(
            Settings.DATA_DIR, "/var/lib/paper-trader",
            Settings.DB_BUSY_TIMEOUT_MS, "10000",
            Settings.POLYGON_BASE_URL, "https://api.massive.com",
            Settings.TICKERS, "aapl, MSFT,,BRK.B",
            Settings.BAR_MINUTES, "5",
            Settings.PROVIDER_DELAY_MINUTES, "15",
            Settings.EXTENDED_HOURS, "false",
            Settings.POLLER_ENABLED, "true",
            Settings.CALLS_PER_MINUTE, "5",
            Settings.SIMULATED_SEED, "42"));

    {
        values.put(Settings.SIMULATED_SPEED, "60");
        values.put(Settings.GRACE_SECONDS, "10");
        values.put(Settings.BACKFILL_DAYS, "5");
        values.put(Settings.POLYGON_TIMEOUT_SECONDS, "20");
        values.put(Settings.WINDOW_SIZE, "200");
        values.put(Settings.MAX_CONSECUTIVE_ERRORS, "3");
        values.put(Settings.TRADE_BACKFILL, "false");
        values.put(Settings.STARTING_CASH, "100000.00");
        values.put(Settings.SLIPPAGE_BPS, "0");
        values.put(Settings.COMMISSION_PER_SHARE, "0.005");
        values.put(Settings.COMMISSION_MINIMUM, "1.00");
        values.put(Settings.ADMIN_USERNAME, "admin");
        values.put(Settings.VIEWER_USERNAME, "viewer");
        values.put(Settings.READ_REQUIRES_LOGIN, "false");
    }

    private Settings settings() {
        return Settings.from(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void readsEveryValue() {
        Settings settings = settings();

        assertEquals(Path.of("/var/lib/paper-trader"), settings.dataDir());
        assertEquals(Path.of("/var/lib/paper-trader/paper-trader.db"), settings.databaseFile());
        assertEquals(Duration.ofSeconds(10), settings.busyTimeout());
        assertEquals(List.of("AAPL", "MSFT", "BRK.B"), settings.tickers());
        assertEquals(Duration.ofMinutes(5), settings.barSize());
        assertEquals(Duration.ofMinutes(15), settings.providerDelay());
        assertTrue(settings.pollerEnabled());
        assertEquals("simulated", settings.feedName());
        assertFalse(settings.usesPolygon());
    }

    @Test
    void aKeySelectsPolygonAndNeverShowsInToString() {
        values.put(Settings.POLYGON_API_KEY, "sk-secret-123");

        Settings settings = settings();

        assertEquals("polygon", settings.feedName());
        assertEquals("sk-secret-123", settings.polygonApiKey().orElseThrow());
        assertFalse(settings.toString().contains("sk-secret-123"), settings.toString());
    }

    @Test
    void blankKeyMeansSimulated() {
        values.put(Settings.POLYGON_API_KEY, "   ");

        assertEquals("simulated", settings().feedName());
    }

    @Test
    void dataDirDefaultsToTheUsersHome() {
        values.remove(Settings.DATA_DIR);

        assertEquals(Path.of(System.getProperty("user.home"), ".paper-trader"), settings().dataDir());
    }

    @Test
    void relativeDataDirIsRefusedNamingTheKey() {
        values.put(Settings.DATA_DIR, "data");

        assertRefused(Settings.DATA_DIR, "must be an absolute path, got 'data'");
    }

    @Test
    void malformedNumbersAreRefusedNamingTheKey() {
        values.put(Settings.BAR_MINUTES, "five");

        assertRefused(Settings.BAR_MINUTES, "must be a whole number, got 'five'");
    }

    @Test
    void unsupportedBarSizeIsRefused() {
        values.put(Settings.BAR_MINUTES, "7");

        assertRefused(Settings.BAR_MINUTES, "must be 1, 2, 3, 5, 6, 10, 15 or 30 minutes, got 7");
    }

    @Test
    void missingValueIsRefusedNamingTheKey() {
        values.remove(Settings.CALLS_PER_MINUTE);

        assertRefused(Settings.CALLS_PER_MINUTE, "is not set");
    }

    @Test
    void badBooleanIsRefused() {
        values.put(Settings.POLLER_ENABLED, "yes");

        assertRefused(Settings.POLLER_ENABLED, "must be true or false, got 'yes'");
    }

    @Test
    void badTickerIsRefused() {
        values.put(Settings.TICKERS, "AAPL,<script>");

        assertRefused(Settings.TICKERS, "has an invalid ticker symbol '<SCRIPT>'");
    }

    @Test
    void nonHttpBaseUrlIsRefused() {
        values.put(Settings.POLYGON_BASE_URL, "ftp://example.com");

        assertRefused(Settings.POLYGON_BASE_URL, "must be an http(s) URL, got 'ftp://example.com'");
    }

    @Test
    void csvFileReplacesTheSimulatedMarketButNotPolygon() {
        values.put(Settings.CSV_FILE, "/data/bars.csv");

        assertEquals("csv", settings().feedName());
        assertEquals(Path.of("/data/bars.csv"), settings().csvFile().orElseThrow());
        values.put(Settings.POLYGON_API_KEY, "key");
        assertEquals("polygon", settings().feedName());
    }

    @Test
    void relativeCsvFileIsRefused() {
        values.put(Settings.CSV_FILE, "bars.csv");

        assertRefused(Settings.CSV_FILE, "must be an absolute path, got 'bars.csv'");
    }

    @Test
    void moneySettingsAreExactDecimals() {
        assertEquals(new java.math.BigDecimal("100000.00"), settings().startingCash());
        assertEquals(new java.math.BigDecimal("0.005"), settings().commissionPerShare());
    }

    @Test
    void nonPositiveStartingCashIsRefused() {
        values.put(Settings.STARTING_CASH, "0");

        assertRefused(Settings.STARTING_CASH, "must be greater than 0, got 0");
    }

    @Test
    void negativeDelayIsRefused() {
        values.put(Settings.PROVIDER_DELAY_MINUTES, "-1");

        assertRefused(Settings.PROVIDER_DELAY_MINUTES, "must not be negative, got -1");
    }

    private void assertRefused(String key, String problem) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, this::settings);
        assertEquals(key, e.key());
        assertEquals("Configuration " + key + " " + problem, e.getMessage());
    }

    @Test
    void withoutAPasswordNobodyCanLogIn() {
        Settings settings = settings();

        assertFalse(settings.admin().canLogIn());
        assertFalse(settings.admin().verify("admin", "anything".toCharArray()));
        assertFalse(settings.readRequiresLogin());
    }

    @Test
    void aConfiguredHashLetsTheAdminIn() {
        values.put(Settings.ADMIN_PASSWORD_HASH, com.papertrader.application.security.PasswordHash.of(
                "s3cret".toCharArray(), 1000, new java.security.SecureRandom()).toString());

        Settings settings = settings();

        assertTrue(settings.admin().verify("admin", "s3cret".toCharArray()));
        assertFalse(settings.admin().verify("admin", "S3cret".toCharArray()));
    }

    @Test
    void theViewerHasItsOwnPasswordAndNoneByDefault() {
        assertFalse(settings().viewer().canLogIn());

        values.put(Settings.VIEWER_PASSWORD_HASH, com.papertrader.application.security.PasswordHash.of(
                "read-only".toCharArray(), 1000, new java.security.SecureRandom()).toString());
        Settings settings = settings();

        assertEquals("viewer", settings.viewer().role());
        assertTrue(settings.viewer().verify("viewer", "read-only".toCharArray()));
        assertFalse(settings.viewer().verify("admin", "read-only".toCharArray()));
        assertFalse(settings.admin().canLogIn(), "the viewer's password is not the admin's");
    }

    @Test
    void aViewerPasswordFromTheEnvironmentIsHashedAtStartUp() {
        values.put(Settings.VIEWER_USERNAME, "reader");
        values.put(Settings.VIEWER_PASSWORD, "from-env");

        Settings settings = settings();

        assertTrue(settings.viewer().verify("reader", "from-env".toCharArray()));
        assertFalse(settings.viewer().verify("viewer", "from-env".toCharArray()));
    }

    @Test
    void aMalformedViewerHashOrBothViewerPasswordSettingsStopTheStartNamingTheViewerKey() {
        values.put(Settings.VIEWER_PASSWORD_HASH, "md5$abc");
        InvalidSettingException malformed = assertThrows(InvalidSettingException.class, this::settings);
        assertEquals(Settings.VIEWER_PASSWORD_HASH, malformed.key());
        assertFalse(malformed.getMessage().contains("md5$abc"), "the hash is not echoed: " + malformed.getMessage());

        values.put(Settings.VIEWER_PASSWORD, "x");
        assertRefused(Settings.VIEWER_PASSWORD, "is set together with " + Settings.VIEWER_PASSWORD_HASH + "; set only one");
    }

    @Test
    void theViewerCannotShareTheAdminsName() {
        values.put(Settings.VIEWER_USERNAME, "admin");

        assertRefused(Settings.VIEWER_USERNAME, "must differ from " + Settings.ADMIN_USERNAME);
    }

    @Test
    void aPlainPasswordFromTheEnvironmentIsHashedAtStartUp() {
        values.put(Settings.ADMIN_PASSWORD, "from-env");

        Settings settings = settings();

        assertTrue(settings.admin().verify("admin", "from-env".toCharArray()));
        assertEquals(com.papertrader.application.security.PasswordHash.DEFAULT_ITERATIONS,
                settings.admin().passwordHash().orElseThrow().iterations());
    }

    @Test
    void aMalformedHashOrBothPasswordSettingsStopTheStart() {
        values.put(Settings.ADMIN_PASSWORD_HASH, "md5$abc");
        InvalidSettingException malformed = assertThrows(InvalidSettingException.class, this::settings);
        assertTrue(malformed.getMessage().contains(Settings.ADMIN_PASSWORD_HASH), malformed.getMessage());
        assertFalse(malformed.getMessage().contains("md5$abc"), "the hash is not echoed: " + malformed.getMessage());

        values.put(Settings.ADMIN_PASSWORD, "x");
        InvalidSettingException both = assertThrows(InvalidSettingException.class, this::settings);
        assertTrue(both.getMessage().contains("set only one"), both.getMessage());
    }
}
