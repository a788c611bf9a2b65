package com.papertrader.application;

import com.papertrader.application.security.Credentials;
import com.papertrader.application.security.PasswordHash;
import com.papertrader.domain.market.Timeframe;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Every application setting, read once at start-up and validated, so a missing or malformed value stops the
 * deployment with one message naming the key. Values come from MicroProfile Config, where environment variables
 * win over the packaged defaults (e.g. {@code market.tickers} is {@code MARKET_TICKERS}).
 * The API key is kept out of {@link #toString()} and every message. The data directory defaults to
 * {@code ~/.paper-trader}; every other default is in {@code META-INF/microprofile-config.properties}.
 */
public final class Settings {

    public static final String DATA_DIR = "papertrader.data-dir";
    public static final String DB_BUSY_TIMEOUT_MS = "papertrader.db.busy-timeout-ms";
    public static final String POLYGON_API_KEY = "polygon.api-key";
    public static final String POLYGON_BASE_URL = "polygon.base-url";
    public static final String TICKERS = "market.tickers";
    public static final String BAR_MINUTES = "market.bar-minutes";
    public static final String PROVIDER_DELAY_MINUTES = "market.provider-delay-minutes";
    public static final String EXTENDED_HOURS = "market.extended-hours";
    public static final String GRACE_SECONDS = "market.grace-seconds";
    public static final String BACKFILL_DAYS = "market.backfill-days";
    public static final String POLYGON_TIMEOUT_SECONDS = "polygon.timeout-seconds";
    public static final String POLLER_ENABLED = "poller.enabled";
    public static final String CALLS_PER_MINUTE = "polygon.calls-per-minute";
    public static final String CSV_FILE = "market.csv-file";
    public static final String SIMULATED_SEED = "simulated.seed";
    public static final String WINDOW_SIZE = "scanner.window-size";
    public static final String MAX_CONSECUTIVE_ERRORS = "scanner.max-consecutive-errors";
    public static final String TRADE_BACKFILL = "scanner.trade-backfill";
    public static final String STARTING_CASH = "trading.starting-cash";
    public static final String SLIPPAGE_BPS = "trading.slippage-bps";
    public static final String COMMISSION_PER_SHARE = "trading.commission-per-share";
    public static final String COMMISSION_MINIMUM = "trading.commission-minimum";
    public static final String SIMULATED_SPEED = "simulated.speed";
    public static final String ADMIN_USERNAME = "admin.username";
    public static final String ADMIN_PASSWORD_HASH = "admin.password-hash";
    public static final String ADMIN_PASSWORD = "admin.password";
    public static final String VIEWER_USERNAME = "viewer.username";
    public static final String VIEWER_PASSWORD_HASH = "viewer.password-hash";
    public static final String VIEWER_PASSWORD = "viewer.password";
    public static final String READ_REQUIRES_LOGIN = "security.read-requires-login";

    private static final Pattern TICKER = Pattern.compile("[A-Z][A-Z0-9.\\-]{0,9}");

    private final Path dataDir;
    private final Duration busyTimeout;
    private final String polygonApiKey;
    private final URI polygonBaseUrl;
    private final List<String> tickers;
    private final Timeframe timeframe;
    private final Duration providerDelay;
    private final boolean extendedHours;
    private final Duration grace;
    private final int backfillDays;
    private final Duration polygonTimeout;
    private final boolean pollerEnabled;
    private final int callsPerMinute;
    private final Path csvFile;
    private final long simulatedSeed;
    private final int simulatedSpeed;
    private final int windowSize;
    private final int maxConsecutiveErrors;
    private final boolean tradeBackfill;
    private final BigDecimal startingCash;
    private final BigDecimal slippageBps;
    private final BigDecimal commissionPerShare;
    private final BigDecimal commissionMinimum;
    private final Credentials admin;
    private final Credentials viewer;
    private final boolean readRequiresLogin;

    private Settings(Function<String, Optional<String>> source) {
        Reader in = new Reader(source);
        dataDir = in.absolutePath(DATA_DIR, Path.of(System.getProperty("user.home"), ".paper-trader").toString());
        busyTimeout = Duration.ofMillis(in.positiveInt(DB_BUSY_TIMEOUT_MS));
        polygonApiKey = in.optional(POLYGON_API_KEY).orElse(null);
        polygonBaseUrl = in.httpUrl(POLYGON_BASE_URL);
        tickers = in.tickers(TICKERS);
        timeframe = in.timeframe(BAR_MINUTES);
        providerDelay = Duration.ofMinutes(in.nonNegativeInt(PROVIDER_DELAY_MINUTES));
        extendedHours = in.bool(EXTENDED_HOURS);
        grace = Duration.ofSeconds(in.nonNegativeInt(GRACE_SECONDS));
        backfillDays = in.positiveInt(BACKFILL_DAYS);
        polygonTimeout = Duration.ofSeconds(in.positiveInt(POLYGON_TIMEOUT_SECONDS));
        pollerEnabled = in.bool(POLLER_ENABLED);
        callsPerMinute = in.positiveInt(CALLS_PER_MINUTE);
        csvFile = in.optional(CSV_FILE).isPresent() ? in.absolutePath(CSV_FILE, null) : null;
        simulatedSeed = in.longValue(SIMULATED_SEED);
        simulatedSpeed = in.nonNegativeInt(SIMULATED_SPEED);
        windowSize = in.positiveInt(WINDOW_SIZE);
        maxConsecutiveErrors = in.positiveInt(MAX_CONSECUTIVE_ERRORS);
        tradeBackfill = in.bool(TRADE_BACKFILL);
        startingCash = in.positiveDecimal(STARTING_CASH);
        slippageBps = in.nonNegativeDecimal(SLIPPAGE_BPS);
        commissionPerShare = in.nonNegativeDecimal(COMMISSION_PER_SHARE);
        commissionMinimum = in.nonNegativeDecimal(COMMISSION_MINIMUM);
        admin = Credentials.admin(in.required(ADMIN_USERNAME), in.password(ADMIN_PASSWORD_HASH, ADMIN_PASSWORD));
        viewer = Credentials.viewer(in.required(VIEWER_USERNAME), in.password(VIEWER_PASSWORD_HASH, VIEWER_PASSWORD));
        if (viewer.username().equals(admin.username())) {
            throw new InvalidSettingException(VIEWER_USERNAME, "must differ from " + ADMIN_USERNAME);
        }
        readRequiresLogin = in.bool(READ_REQUIRES_LOGIN);
    }

    /**
     * Reads and validates every setting.
     *
     * @param source the value of a key, or empty when it is not set anywhere
     * @throws InvalidSettingException naming the first key that is missing or malformed
     */
    public static Settings from(Function<String, Optional<String>> source) {
        return new Settings(source);
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path databaseFile() {
        return dataDir.resolve("paper-trader.db");
    }

    public Duration busyTimeout() {
        return busyTimeout;
    }

    /** The simulated market runs whenever no Polygon key is configured. */
    public boolean usesPolygon() {
        return polygonApiKey != null;
    }

    /** The key itself: hand it only to the Polygon client, never to a page, a log line or a message. */
    public Optional<String> polygonApiKey() {
        return Optional.ofNullable(polygonApiKey);
    }

    public URI polygonBaseUrl() {
        return polygonBaseUrl;
    }

    public List<String> tickers() {
        return tickers;
    }

    public Timeframe timeframe() {
        return timeframe;
    }

    public Duration barSize() {
        return timeframe.length();
    }

    public Duration providerDelay() {
        return providerDelay;
    }

    public boolean extendedHours() {
        return extendedHours;
    }

    /** Waited after a bar's end (and the provider's delay) before it is fetched, for late prints. */
    public Duration grace() {
        return grace;
    }

    /** Trading days fetched on first start, and the furthest back an outage is backfilled. */
    public int backfillDays() {
        return backfillDays;
    }

    public Duration polygonTimeout() {
        return polygonTimeout;
    }

    public boolean pollerEnabled() {
        return pollerEnabled;
    }

    public int callsPerMinute() {
        return callsPerMinute;
    }

    /** A CSV file of bars to replay instead of the simulated market (used only without a Polygon key). */
    public Optional<Path> csvFile() {
        return Optional.ofNullable(csvFile);
    }

    public long simulatedSeed() {
        return simulatedSeed;
    }

    /** Simulated minutes that pass per real second in the simulated market; 0 runs it in real time. */
    public int simulatedSpeed() {
        return simulatedSpeed;
    }

    /** Closed bars each ticker's scan window holds (the most a script can look back). */
    public int windowSize() {
        return windowSize;
    }

    /** Consecutive failed scans after which an agent is paused. */
    public int maxConsecutiveErrors() {
        return maxConsecutiveErrors;
    }

    /** Whether backfilled bars of past sessions may place orders (they always warm the windows). */
    public boolean tradeBackfill() {
        return tradeBackfill;
    }

    public BigDecimal startingCash() {
        return startingCash;
    }

    public BigDecimal slippageBps() {
        return slippageBps;
    }

    public BigDecimal commissionPerShare() {
        return commissionPerShare;
    }

    public BigDecimal commissionMinimum() {
        return commissionMinimum;
    }

    /** The administrator's name and password hash; the password itself is never kept. */
    public Credentials admin() {
        return admin;
    }

    /** The read-only login's name and password hash (for when reading needs a login); the password is never kept. */
    public Credentials viewer() {
        return viewer;
    }

    /** Whether pages and GET /api need a login too (else they are public and only changes need one). */
    public boolean readRequiresLogin() {
        return readRequiresLogin;
    }

    public String feedName() {
        return usesPolygon() ? "polygon" : csvFile != null ? "csv" : "simulated";
    }

    @Override
    public String toString() {
        String feed = usesPolygon()
                ? "polygon " + polygonBaseUrl + " (delay " + providerDelay.toMinutes() + "m, " + callsPerMinute + " calls/min)"
                : csvFile != null ? "csv " + csvFile + " (speed " + simulatedSpeed + ")"
                : "simulated (seed " + simulatedSeed + ", speed " + simulatedSpeed + ")";
        return "feed=" + feed + ", tickers=" + String.join(",", tickers) + ", bar=" + timeframe.label()
                + ", extendedHours=" + extendedHours
                + ", poller=" + (pollerEnabled ? "on" : "off") + ", dataDir=" + dataDir;
    }

    /** Parses one key at a time and names it in every failure. */
    private record Reader(Function<String, Optional<String>> source) {

        Optional<String> optional(String key) {
            return source.apply(key).map(String::strip).filter(value -> !value.isEmpty());
        }

        String required(String key) {
            return optional(key).orElseThrow(() -> new InvalidSettingException(key, "is not set"));
        }

        Path absolutePath(String key, String defaultValue) {
            String value = optional(key).orElse(defaultValue);
            Path path = Path.of(value);
            if (!path.isAbsolute()) {
                throw new InvalidSettingException(key, "must be an absolute path, got '" + value + "'");
            }
            return path.normalize();
        }

        int positiveInt(String key) {
            int value = intValue(key);
            if (value <= 0) {
                throw new InvalidSettingException(key, "must be greater than 0, got " + value);
            }
            return value;
        }

        int nonNegativeInt(String key) {
            int value = intValue(key);
            if (value < 0) {
                throw new InvalidSettingException(key, "must not be negative, got " + value);
            }
            return value;
        }

        Timeframe timeframe(String key) {
            int minutes = intValue(key);
            try {
                return Timeframe.minutes(minutes);
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(key, "must be 1, 2, 3, 5, 6, 10, 15 or 30 minutes, got " + minutes);
            }
        }

        int intValue(String key) {
            String value = required(key);
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new InvalidSettingException(key, "must be a whole number, got '" + value + "'");
            }
        }

        BigDecimal positiveDecimal(String key) {
            BigDecimal value = decimal(key);
            if (value.signum() <= 0) {
                throw new InvalidSettingException(key, "must be greater than 0, got " + value.toPlainString());
            }
            return value;
        }

        BigDecimal nonNegativeDecimal(String key) {
            BigDecimal value = decimal(key);
            if (value.signum() < 0) {
                throw new InvalidSettingException(key, "must not be negative, got " + value.toPlainString());
            }
            return value;
        }

        BigDecimal decimal(String key) {
            String value = required(key);
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw new InvalidSettingException(key, "must be a decimal number, got '" + value + "'");
            }
        }

        long longValue(String key) {
            String value = required(key);
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new InvalidSettingException(key, "must be a whole number, got '" + value + "'");
            }
        }

        /** The hash, or the plain password (from the environment) hashed now; null when neither is set. */
        PasswordHash password(String hashKey, String plainKey) {
            Optional<String> hash = optional(hashKey);
            Optional<String> plain = optional(plainKey);
            if (hash.isPresent() && plain.isPresent()) {
                throw new InvalidSettingException(plainKey, "is set together with " + hashKey + "; set only one");
            }
            try {
                return hash.map(PasswordHash::parse)
                        .or(() -> plain.map(p -> PasswordHash.of(p.toCharArray(), PasswordHash.DEFAULT_ITERATIONS, new SecureRandom())))
                        .orElse(null);
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(hashKey, e.getMessage());
            }
        }

        boolean bool(String key) {
            String value = required(key);
            return switch (value.toLowerCase()) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new InvalidSettingException(key, "must be true or false, got '" + value + "'");
            };
        }

        URI httpUrl(String key) {
            String value = required(key);
            try {
                URI uri = new URI(value);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new InvalidSettingException(key, "must be an http(s) URL, got '" + value + "'");
                }
                return uri;
            } catch (java.net.URISyntaxException e) {
                throw new InvalidSettingException(key, "is not a valid URL: '" + value + "'");
            }
        }

        List<String> tickers(String key) {
            List<String> tickers = Arrays.stream(required(key).split(","))
                    .map(String::strip)
                    .filter(ticker -> !ticker.isEmpty())
                    .map(String::toUpperCase)
                    .distinct()
                    .toList();
            if (tickers.isEmpty()) {
                throw new InvalidSettingException(key, "must list at least one ticker");
            }
            tickers.stream().filter(ticker -> !TICKER.matcher(ticker).matches()).findFirst().ifPresent(bad -> {
                throw new InvalidSettingException(key, "has an invalid ticker symbol '" + bad + "'");
            });
            return tickers;
        }
    }
}
