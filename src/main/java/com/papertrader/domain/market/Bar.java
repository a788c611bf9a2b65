package com.papertrader.domain.market;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One OHLCV bar of one ticker, covering [start, start + span).
 * Prices and volume are exact decimals: Polygon sends fractional volumes and the broker books money from these prices.
 * A bar that cannot be real (non-positive prices, high below low, open or close outside the range, negative volume)
 * is refused here, with a message naming the ticker and the bar time.
 *
 * @param vwap   volume-weighted average price, or null when the source does not give one
 * @param trades number of trades, or null when the source does not give one
 */
public record Bar(String ticker, Instant start, Duration span,
                  BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
                  BigDecimal volume, BigDecimal vwap, Long trades) {

    public Bar {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(span, "span");
        require(!ticker.isBlank(), ticker, start, () -> "empty ticker");
        require(!span.isNegative() && !span.isZero(), ticker, start, () -> "span must be positive");
        require(open != null && high != null && low != null && close != null && volume != null,
                ticker, start, () -> "open, high, low, close and volume are required");
        require(low.signum() > 0, ticker, start, () -> "prices must be positive (low " + low.toPlainString() + ")");
        require(high.compareTo(low) >= 0, ticker, start,
                () -> "high " + high.toPlainString() + " is below low " + low.toPlainString());
        require(within(open, low, high), ticker, start, () -> "open " + open.toPlainString() + " outside [low, high]");
        require(within(close, low, high), ticker, start, () -> "close " + close.toPlainString() + " outside [low, high]");
        require(volume.signum() >= 0, ticker, start, () -> "negative volume " + volume.toPlainString());
        require(vwap == null || vwap.signum() > 0, ticker, start, () -> "vwap must be positive");
        require(trades == null || trades >= 0, ticker, start, () -> "negative trade count");
    }

    /** The first instant after this bar: the bar is complete once the clock reaches it. */
    public Instant end() {
        return start.plus(span);
    }

    /** Same ticker, start and values, compared as numbers: 262.41 and 262.410000 are the same price. */
    public boolean sameValuesAs(Bar other) {
        return ticker.equals(other.ticker) && start.equals(other.start)
                && same(open, other.open) && same(high, other.high) && same(low, other.low) && same(close, other.close)
                && same(volume, other.volume) && same(vwap, other.vwap) && Objects.equals(trades, other.trades);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static boolean within(BigDecimal value, BigDecimal low, BigDecimal high) {
        return value.compareTo(low) >= 0 && value.compareTo(high) <= 0;
    }

    /** The problem is described only when there is one: bars are made by the million (backfills, backtests). */
    private static void require(boolean condition, String ticker, Instant start, Supplier<String> problem) {
        if (!condition) {
            throw new InvalidBarException(ticker, start, problem.get());
        }
    }
}
