package com.papertrader.infrastructure.persistence;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.MarketCalendar;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * One row of ohlcv_data. The unique (ticker, bar_start) index, made by the V1 migration (db/migration), keeps each bar once
 * and serves "the last N bars of a ticker". time_of_day and day_of_week are New York time, for queries by session time.
 */
@Entity
@Table(name = "ohlcv_data")
@NamedQuery(name = OhlcvRecord.LATEST,
        query = "select r from OhlcvRecord r where r.ticker = :ticker order by r.barStart desc")
@NamedQuery(name = OhlcvRecord.LATEST_UP_TO,
        query = "select r from OhlcvRecord r where r.ticker = :ticker and r.barStart <= :through order by r.barStart desc")
@NamedQuery(name = OhlcvRecord.AFTER,
        query = "select r from OhlcvRecord r where r.ticker = :ticker and r.barStart > :start order by r.barStart")
@NamedQuery(name = OhlcvRecord.RANGE,
        query = "select r from OhlcvRecord r where r.ticker = :ticker and r.barStart >= :from and r.barStart < :to order by r.barStart")
@NamedQuery(name = OhlcvRecord.LAST_START,
        query = "select max(r.barStart) from OhlcvRecord r where r.ticker = :ticker")
@NamedQuery(name = OhlcvRecord.COUNT, query = "select count(r) from OhlcvRecord r")
public class OhlcvRecord {

    static final String LATEST = "OhlcvRecord.latest";
    static final String LATEST_UP_TO = "OhlcvRecord.latestUpTo";
    static final String AFTER = "OhlcvRecord.after";
    static final String RANGE = "OhlcvRecord.range";
    static final String LAST_START = "OhlcvRecord.lastStart";
    static final String COUNT = "OhlcvRecord.count";

    static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 12)
    private String ticker;

    /** Bar start, epoch milliseconds UTC (Polygon's t). */
    @Column(name = "bar_start", nullable = false)
    private long barStart;

    @Column(nullable = false, precision = 19, scale = 6)
    private BigDecimal open;

    @Column(nullable = false, precision = 19, scale = 6)
    private BigDecimal high;

    @Column(nullable = false, precision = 19, scale = 6)
    private BigDecimal low;

    @Column(nullable = false, precision = 19, scale = 6)
    private BigDecimal close;

    @Column(nullable = false, precision = 24, scale = 6)
    private BigDecimal volume;

    @Column(precision = 19, scale = 6)
    private BigDecimal vwap;

    private Long trades;

    @Column(name = "time_of_day", nullable = false, length = 5)
    private String timeOfDay;

    /** ISO day of week in New York, 1 = Monday. */
    @Column(name = "day_of_week", nullable = false)
    private int dayOfWeek;

    protected OhlcvRecord() {
    }

    public OhlcvRecord(Bar bar) {
        ZonedDateTime newYork = bar.start().atZone(MarketCalendar.NEW_YORK);
        this.ticker = bar.ticker();
        this.barStart = bar.start().toEpochMilli();
        this.open = bar.open();
        this.high = bar.high();
        this.low = bar.low();
        this.close = bar.close();
        this.volume = bar.volume();
        this.vwap = bar.vwap();
        this.trades = bar.trades();
        this.timeOfDay = TIME_OF_DAY.format(newYork);
        this.dayOfWeek = newYork.getDayOfWeek().getValue();
    }

    public Bar toBar(Duration span) {
        return new Bar(ticker, Instant.ofEpochMilli(barStart), span, plain(open), plain(high), plain(low), plain(close),
                plain(volume), plain(vwap), trades);
    }

    /**
     * A stored decimal as the feed gave it, whichever database kept it: PostgreSQL's numeric(19,6) gives 57.500000 and
     * SQLite 57.5 for the 57.5 that was stored, so the trailing zeros go (but 100 stays 100, not 1E+2).
     */
    private static BigDecimal plain(BigDecimal stored) {
        if (stored == null) {
            return null;
        }
        BigDecimal stripped = stored.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public String ticker() {
        return ticker;
    }

    public long barStart() {
        return barStart;
    }

    BigDecimal open() {
        return open;
    }

    BigDecimal high() {
        return high;
    }

    BigDecimal low() {
        return low;
    }

    BigDecimal close() {
        return close;
    }

    BigDecimal volume() {
        return volume;
    }

    BigDecimal vwap() {
        return vwap;
    }

    Long trades() {
        return trades;
    }

    String timeOfDay() {
        return timeOfDay;
    }

    int dayOfWeek() {
        return dayOfWeek;
    }
}
