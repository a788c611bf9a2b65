package com.papertrader.application.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.application.notification.DeliveryRetries;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private final Map<String, String> values = new HashMap<>(Map.of(
            DatabaseSettings.DATA_DIR, "/var/lib/paper-trader",
            DatabaseSettings.BUSY_TIMEOUT_MS, "10000",
            FeedSettings.POLYGON_BASE_URL, "https://api.massive.com",
            MarketSettings.TICKERS, "aapl, MSFT,,BRK.B",
            MarketSettings.BAR_MINUTES, "5",
            MarketSettings.PROVIDER_DELAY_MINUTES, "15",
            MarketSettings.EXTENDED_HOURS, "false",
            FeedSettings.POLLER_ENABLED, "true",
            FeedSettings.CALLS_PER_MINUTE, "5",
            FeedSettings.SIMULATED_SEED, "42"));

    {
        values.put(FeedSettings.SIMULATED_SPEED, "60");
        values.put(FeedSettings.SIMULATED_SPLIT_CHANCE, "0.01");
        values.put(FeedSettings.SIMULATED_DIVIDEND_CHANCE, "0.02");
        values.put(MarketSettings.GRACE_SECONDS, "10");
        values.put(MarketSettings.BACKFILL_DAYS, "5");
        values.put(FeedSettings.POLYGON_TIMEOUT_SECONDS, "20");
        values.put(FeedSettings.CONCURRENT_CALLS, "1");
        values.put(FeedSettings.CALLS_PER_SECOND, "100");
        values.put(FeedSettings.POLYGON_FEED, "rest");
        values.put(FeedSettings.POLYGON_WEBSOCKET_URL, "wss://socket.massive.com/stocks");
        values.put(ScannerSettings.WINDOW_SIZE, "200");
        values.put(ScannerSettings.MAX_CONSECUTIVE_ERRORS, "3");
        values.put(ScannerSettings.TRADE_BACKFILL, "false");
        values.put(ScannerSettings.RECORDS_KEPT, "1000");
        values.put(TradingSettings.STARTING_CASH, "100000.00");
        values.put(TradingSettings.SLIPPAGE_BPS, "0");
        values.put(TradingSettings.COMMISSION_PER_SHARE, "0.005");
        values.put(TradingSettings.COMMISSION_MINIMUM, "1.00");
        values.put(TradingSettings.REFUSED_ORDERS_KEPT, "1000");
        values.put(SecuritySettings.ADMIN_USERNAME, "admin");
        values.put(SecuritySettings.VIEWER_USERNAME, "viewer");
        values.put(SecuritySettings.READ_REQUIRES_LOGIN, "false");
        values.put(SecuritySettings.SESSION_IDLE_MINUTES, "30");
        values.put(SecuritySettings.SESSION_LIFETIME_HOURS, "8");
        values.put(SecuritySettings.METRICS_PUBLIC, "false");
        values.put(NotificationSettings.TIMEOUT_SECONDS, "10");
        values.put(NotificationSettings.FIRST_RETRY_SECONDS, "10");
        values.put(NotificationSettings.ATTEMPTS, "6");
        values.put(NotificationSettings.LOG_DAYS, "30");
    }

    private Settings settings() {
        return Settings.from(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void readsEveryValue() {
        Settings settings = settings();

        assertEquals(Path.of("/var/lib/paper-trader"), settings.database().dataDir());
        assertEquals(Path.of("/var/lib/paper-trader/paper-trader.db"), settings.database().databaseFile());
        assertEquals(Duration.ofSeconds(10), settings.database().busyTimeout());
        assertEquals(List.of("AAPL", "MSFT", "BRK.B"), settings.market().symbols());
        assertEquals(Duration.ofMinutes(5), settings.market().barSize());
        assertEquals(Duration.ofMinutes(15), settings.market().providerDelay());
        assertTrue(settings.feed().pollerEnabled());
        assertEquals("simulated", settings.feed().feedName());
        assertFalse(settings.feed().usesPolygon());
        assertEquals(Duration.ofMinutes(30), settings.security().sessionIdleTimeout());
        assertEquals(Duration.ofHours(8), settings.security().sessionLifetime());
        assertFalse(settings.security().metricsPublic(), "the metrics show equity: they take a login unless configured public");
        assertEquals(Duration.ofSeconds(10), settings.notifications().timeout());
        assertEquals(new DeliveryRetries(Duration.ofSeconds(10), 6), settings.notifications().retries());
        assertEquals(Duration.ofDays(30), settings.notifications().logKept());
    }

    @Test
    void aKeySelectsPolygonAndNeverShowsInToString() {
        values.put(FeedSettings.POLYGON_API_KEY, "sk-secret-123");

        Settings settings = settings();

        assertEquals("polygon", settings.feed().feedName());
        assertEquals("sk-secret-123", settings.feed().polygonApiKey().orElseThrow());
        assertFalse(settings.toString().contains("sk-secret-123"), settings.toString());
    }

    @Test
    void blankKeyMeansSimulated() {
        values.put(FeedSettings.POLYGON_API_KEY, "   ");

        assertEquals("simulated", settings().feed().feedName());
    }

    @Test
    void dataDirDefaultsToTheUsersHome() {
        values.remove(DatabaseSettings.DATA_DIR);

        assertEquals(Path.of(System.getProperty("user.home"), ".paper-trader"), settings().database().dataDir());
    }

    @Test
    void withoutADatabaseUrlTheSqliteFileIsUsed() {
        assertTrue(settings().database().postgres().isEmpty());
    }

    @Test
    void aDatabaseUrlSelectsPostgresAndTheLogNeverShowsThePassword() {
        values.put(DatabaseSettings.URL, "jdbc:postgresql://db.example:5432/trader?sslmode=require");
        values.put(DatabaseSettings.USER, "trader");
        values.put(DatabaseSettings.PASSWORD, "s3cret-pw");

        DatabaseSettings.PostgresServer server = settings().database().postgres().orElseThrow();

        assertEquals("s3cret-pw", server.password());
        assertEquals("jdbc:postgresql://db.example:5432/trader as trader", server.where());
        assertFalse(server.toString().contains("s3cret-pw"), server.toString());
        assertFalse(settings().database().toString().contains("s3cret-pw"));
    }

    @Test
    void aDatabaseUrlNeedsAUser() {
        values.put(DatabaseSettings.URL, "jdbc:postgresql://localhost/trader");

        assertRefused(DatabaseSettings.USER, "is not set");
    }

    @Test
    void onlyPostgresUrlsAreTakenAndNoneIsEchoedWhole() {
        values.put(DatabaseSettings.URL, "jdbc:mysql://localhost/trader?user=x&password=hunter2");
        values.put(DatabaseSettings.USER, "trader");

        InvalidSettingException e = assertThrows(InvalidSettingException.class, this::settings);

        assertTrue(e.getMessage().startsWith("Configuration " + DatabaseSettings.URL + " must be a PostgreSQL JDBC URL"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutEchoingIt() {
        values.put(DatabaseSettings.URL, "jdbc:postgresql://localhost/trader?password=hunter2");
        values.put(DatabaseSettings.USER, "trader");

        InvalidSettingException e = assertThrows(InvalidSettingException.class, this::settings);

        assertTrue(e.getMessage().contains(DatabaseSettings.PASSWORD), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void relativeDataDirIsRefusedNamingTheKey() {
        values.put(DatabaseSettings.DATA_DIR, "data");

        assertRefused(DatabaseSettings.DATA_DIR, "must be an absolute path, got 'data'");
    }

    @Test
    void malformedNumbersAreRefusedNamingTheKey() {
        values.put(MarketSettings.BAR_MINUTES, "five");

        assertRefused(MarketSettings.BAR_MINUTES, "must be a whole number, got 'five'");
    }

    @Test
    void unsupportedBarSizeIsRefused() {
        values.put(MarketSettings.BAR_MINUTES, "7");

        assertRefused(MarketSettings.BAR_MINUTES, "must be 1, 2, 3, 5, 6, 10, 15 or 30 minutes, got 7");
    }

    @Test
    void missingValueIsRefusedNamingTheKey() {
        values.remove(FeedSettings.CALLS_PER_MINUTE);

        assertRefused(FeedSettings.CALLS_PER_MINUTE, "is not set");
    }

    @Test
    void concurrentCallsAreReadAndNeverZero() {
        assertEquals(1, settings().feed().concurrentCalls());
        values.put(FeedSettings.CONCURRENT_CALLS, "8");
        assertEquals(8, settings().feed().concurrentCalls());
        values.put(FeedSettings.CONCURRENT_CALLS, "0");

        assertRefused(FeedSettings.CONCURRENT_CALLS, "must be greater than 0, got 0");
    }

    @Test
    void theMinuteStreamRunsOnlyBesidePolygonFromAWebSocketUrl() {
        assertFalse(settings().feed().streamsPolygon(), "REST polling by default");
        values.put(FeedSettings.POLYGON_FEED, "websocket");
        assertFalse(settings().feed().streamsPolygon(), "nothing to stream from without a key");
        values.put(FeedSettings.POLYGON_API_KEY, "sk-secret-123");
        FeedSettings feed = settings().feed();
        assertTrue(feed.streamsPolygon());
        assertEquals("polygon https://api.massive.com (5 calls/min, minute stream from wss://socket.massive.com/stocks)", feed.toString());

        values.put(FeedSettings.POLYGON_FEED, "stream");
        assertRefused(FeedSettings.POLYGON_FEED, "must be one of rest, websocket, got 'stream'");
        values.put(FeedSettings.POLYGON_FEED, "websocket");
        values.put(FeedSettings.POLYGON_WEBSOCKET_URL, "https://socket.massive.com/stocks");
        assertRefused(FeedSettings.POLYGON_WEBSOCKET_URL, "must be a ws(s) URL, got 'https://socket.massive.com/stocks'");
    }

    @Test
    void callsPerSecondAreReadAndNeverZero() {
        assertEquals(100, settings().feed().callsPerSecond());
        values.put(FeedSettings.CALLS_PER_SECOND, "0");

        assertRefused(FeedSettings.CALLS_PER_SECOND, "must be greater than 0, got 0");
    }

    @Test
    void badBooleanIsRefused() {
        values.put(FeedSettings.POLLER_ENABLED, "yes");

        assertRefused(FeedSettings.POLLER_ENABLED, "must be true or false, got 'yes'");
    }

    @Test
    void badTickerIsRefused() {
        values.put(MarketSettings.TICKERS, "AAPL,<script>");

        assertRefused(MarketSettings.TICKERS, "has an invalid ticker symbol '<SCRIPT>'");
    }

    @Test
    void nonHttpBaseUrlIsRefused() {
        values.put(FeedSettings.POLYGON_BASE_URL, "ftp://example.com");

        assertRefused(FeedSettings.POLYGON_BASE_URL, "must be an http(s) URL, got 'ftp://example.com'");
    }

    @Test
    void csvFileReplacesTheSimulatedMarketButNotPolygon() {
        values.put(FeedSettings.CSV_FILE, "/data/bars.csv");

        assertEquals("csv", settings().feed().feedName());
        assertEquals(Path.of("/data/bars.csv"), settings().feed().csvFile().orElseThrow());
        values.put(FeedSettings.POLYGON_API_KEY, "key");
        assertEquals("polygon", settings().feed().feedName());
    }

    @Test
    void aChanceIsFromZeroToOne() {
        assertEquals(0.01, settings().feed().simulatedSplitChance());
        values.put(FeedSettings.SIMULATED_DIVIDEND_CHANCE, "1.5");

        assertRefused(FeedSettings.SIMULATED_DIVIDEND_CHANCE, "must be a chance from 0 to 1, got 1.5");
    }

    @Test
    void relativeCsvFileIsRefused() {
        values.put(FeedSettings.CSV_FILE, "bars.csv");

        assertRefused(FeedSettings.CSV_FILE, "must be an absolute path, got 'bars.csv'");
    }

    @Test
    void moneySettingsAreExactDecimals() {
        assertEquals(new java.math.BigDecimal("100000.00"), settings().trading().startingCash());
        assertEquals(new java.math.BigDecimal("0.005"), settings().trading().commissionPerShare());
    }

    @Test
    void nonPositiveStartingCashIsRefused() {
        values.put(TradingSettings.STARTING_CASH, "0");

        assertRefused(TradingSettings.STARTING_CASH, "must be greater than 0, got 0");
    }

    @Test
    void negativeDelayIsRefused() {
        values.put(MarketSettings.PROVIDER_DELAY_MINUTES, "-1");

        assertRefused(MarketSettings.PROVIDER_DELAY_MINUTES, "must not be negative, got -1");
    }

    private void assertRefused(String key, String problem) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, this::settings);
        assertEquals(key, e.key());
        assertEquals("Configuration " + key + " " + problem, e.getMessage());
    }

    @Test
    void withoutAPasswordNobodyCanLogIn() {
        Settings settings = settings();

        assertFalse(settings.security().admin().canLogIn());
        assertFalse(settings.security().admin().verify("admin", "anything".toCharArray()));
        assertFalse(settings.security().readRequiresLogin());
    }

    @Test
    void aConfiguredHashLetsTheAdminIn() {
        values.put(SecuritySettings.ADMIN_PASSWORD_HASH, com.papertrader.application.security.PasswordHash.of(
                "s3cret".toCharArray(), 1000, new java.security.SecureRandom()).toString());

        Settings settings = settings();

        assertTrue(settings.security().admin().verify("admin", "s3cret".toCharArray()));
        assertFalse(settings.security().admin().verify("admin", "S3cret".toCharArray()));
    }

    @Test
    void theViewerHasItsOwnPasswordAndNoneByDefault() {
        assertFalse(settings().security().viewer().canLogIn());

        values.put(SecuritySettings.VIEWER_PASSWORD_HASH, com.papertrader.application.security.PasswordHash.of(
                "read-only".toCharArray(), 1000, new java.security.SecureRandom()).toString());
        Settings settings = settings();

        assertEquals("viewer", settings.security().viewer().role());
        assertTrue(settings.security().viewer().verify("viewer", "read-only".toCharArray()));
        assertFalse(settings.security().viewer().verify("admin", "read-only".toCharArray()));
        assertFalse(settings.security().admin().canLogIn(), "the viewer's password is not the admin's");
    }

    @Test
    void aViewerPasswordFromTheEnvironmentIsHashedAtStartUp() {
        values.put(SecuritySettings.VIEWER_USERNAME, "reader");
        values.put(SecuritySettings.VIEWER_PASSWORD, "from-env");

        Settings settings = settings();

        assertTrue(settings.security().viewer().verify("reader", "from-env".toCharArray()));
        assertFalse(settings.security().viewer().verify("viewer", "from-env".toCharArray()));
    }

    @Test
    void aMalformedViewerHashOrBothViewerPasswordSettingsStopTheStartNamingTheViewerKey() {
        values.put(SecuritySettings.VIEWER_PASSWORD_HASH, "md5$abc");
        InvalidSettingException malformed = assertThrows(InvalidSettingException.class, this::settings);
        assertEquals(SecuritySettings.VIEWER_PASSWORD_HASH, malformed.key());
        assertFalse(malformed.getMessage().contains("md5$abc"), "the hash is not echoed: " + malformed.getMessage());

        values.put(SecuritySettings.VIEWER_PASSWORD, "x");
        assertRefused(SecuritySettings.VIEWER_PASSWORD, "is set together with " + SecuritySettings.VIEWER_PASSWORD_HASH + "; set only one");
    }

    @Test
    void theViewerCannotShareTheAdminsName() {
        values.put(SecuritySettings.VIEWER_USERNAME, "admin");

        assertRefused(SecuritySettings.VIEWER_USERNAME, "must differ from " + SecuritySettings.ADMIN_USERNAME);
    }

    @Test
    void aPlainPasswordFromTheEnvironmentIsHashedAtStartUp() {
        values.put(SecuritySettings.ADMIN_PASSWORD, "from-env");

        Settings settings = settings();

        assertTrue(settings.security().admin().verify("admin", "from-env".toCharArray()));
        assertEquals(com.papertrader.application.security.PasswordHash.DEFAULT_ITERATIONS,
                settings.security().admin().passwordHash().orElseThrow().iterations());
    }

    @Test
    void aMalformedHashOrBothPasswordSettingsStopTheStart() {
        values.put(SecuritySettings.ADMIN_PASSWORD_HASH, "md5$abc");
        InvalidSettingException malformed = assertThrows(InvalidSettingException.class, this::settings);
        assertTrue(malformed.getMessage().contains(SecuritySettings.ADMIN_PASSWORD_HASH), malformed.getMessage());
        assertFalse(malformed.getMessage().contains("md5$abc"), "the hash is not echoed: " + malformed.getMessage());

        values.put(SecuritySettings.ADMIN_PASSWORD, "x");
        InvalidSettingException both = assertThrows(InvalidSettingException.class, this::settings);
        assertTrue(both.getMessage().contains("set only one"), both.getMessage());
    }
}
