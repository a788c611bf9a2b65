package com.papertrader.application.settings;

import com.papertrader.application.security.PasswordHash;
import com.papertrader.domain.market.Ticker;
import com.papertrader.domain.market.Timeframe;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Parses one configuration key at a time and names the key in every failure ({@link InvalidSettingException}). */
final class SettingsReader {

    private final Function<String, Optional<String>> source;

    SettingsReader(Function<String, Optional<String>> source) {
        this.source = source;
    }

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

    Optional<Path> optionalAbsolutePath(String key) {
        return optional(key).map(value -> absolutePath(key, value));
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

    /** A probability: a decimal from 0 to 1. */
    double chance(String key) {
        BigDecimal value = decimal(key);
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidSettingException(key, "must be a chance from 0 to 1, got " + value.toPlainString());
        }
        return value.doubleValue();
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

    long longValue(String key) {
        String value = required(key);
        try {
            return Long.parseLong(value);
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

    private BigDecimal decimal(String key) {
        String value = required(key);
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(key, "must be a decimal number, got '" + value + "'");
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
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidSettingException(key, "must be true or false, got '" + value + "'");
        };
    }

    URI httpUrl(String key) {
        return url(key, "an http(s)", "http", "https");
    }

    URI webSocketUrl(String key) {
        return url(key, "a ws(s)", "ws", "wss");
    }

    private URI url(String key, String kind, String... schemes) {
        String value = required(key);
        try {
            URI uri = new URI(value);
            if (!List.of(schemes).contains(uri.getScheme()) || uri.getHost() == null) {
                throw new InvalidSettingException(key, "must be " + kind + " URL, got '" + value + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidSettingException(key, "is not a valid URL: '" + value + "'");
        }
    }

    /** One of the given words, as written. */
    String oneOf(String key, String... allowed) {
        String value = required(key).strip();
        if (!List.of(allowed).contains(value)) {
            throw new InvalidSettingException(key, "must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
        }
        return value;
    }

    /** A comma-separated list of tickers, upper-cased, blanks and repeats dropped, at least one. */
    List<Ticker> tickers(String key) {
        List<String> symbols = Arrays.stream(required(key).split(","))
                .map(String::strip)
                .filter(symbol -> !symbol.isEmpty())
                .map(symbol -> symbol.toUpperCase(Locale.ROOT))
                .distinct()
                .toList();
        if (symbols.isEmpty()) {
            throw new InvalidSettingException(key, "must list at least one ticker");
        }
        symbols.stream().filter(symbol -> !Ticker.isValid(symbol)).findFirst().ifPresent(bad -> {
            throw new InvalidSettingException(key, "has an invalid ticker symbol '" + bad + "'");
        });
        return symbols.stream().map(Ticker::of).toList();
    }
}
