package com.papertrader.infrastructure.simulated;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.CashDividend;
import com.papertrader.domain.market.CorporateAction;
import com.papertrader.domain.market.CorporateActionFeed;
import com.papertrader.domain.market.FetchedBars;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.MarketFeed;
import com.papertrader.domain.market.Split;
import com.papertrader.domain.market.Timeframe;
import com.papertrader.domain.market.TradingSession;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * A deterministic market for running without an API key: bars for any ticker in the regular sessions of the calendar.
 * Each ticker gets its own price level, drift, volatility and volume from (seed, ticker). Day to day the price is a
 * random walk with occasional opening gaps and trend days; within a day it is a Brownian bridge from the day's open
 * to its close, with U-shaped volume (busy open and close, quiet lunch). Prices are rounded to cents.
 * <p>
 * Every random draw is seeded from (seed, ticker, date), and the daily walk always starts from the same anchor day,
 * so a bar depends only on (seed, ticker, bar start): backfill and live polling see the same bars in any order.
 * Only bars that have closed by the clock are returned, as a live provider would.
 * <p>
 * With chances above zero it also splits its tickers and pays dividends now and then (each trading day after the
 * anchor day draws them from (seed, ticker, date)): a forward split when the price is high, a reverse one when it is
 * low, a dividend of about 0.4% of the price. Bars are raw, as traded: from a split's execution date on, prices are on
 * the new basis. Splits and dividends are known a week ahead, as a provider announces them.
 */
public final class SimulatedMarket implements MarketFeed, CorporateActionFeed {

    /** The day every walk starts from, at the ticker's base price. */
    private static final LocalDate ANCHOR = LocalDate.of(2025, 1, 2);
    private static final int FULL_DAY_MINUTES = 390;
    private static final double GAP_CHANCE = 0.08;
    private static final double TREND_DAY_CHANCE = 0.12;
    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final int ANNOUNCED_DAYS_AHEAD = 7;
    private static final double DIVIDEND_YIELD = 0.004;

    private final long seed;
    private final Timeframe timeframe;
    private final MarketCalendar calendar;
    private final Clock clock;
    private final double splitChance;
    private final double dividendChance;

    /** A market without splits or dividends. */
    public SimulatedMarket(long seed, Timeframe timeframe, MarketCalendar calendar, Clock clock) {
        this(seed, timeframe, calendar, clock, 0, 0);
    }

    /** @param splitChance, dividendChance the chance of one on each trading day of each ticker (0 for never) */
    public SimulatedMarket(long seed, Timeframe timeframe, MarketCalendar calendar, Clock clock, double splitChance,
                           double dividendChance) {
        this.seed = seed;
        this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.splitChance = splitChance;
        this.dividendChance = dividendChance;
    }

    @Override
    public String name() {
        return "simulated";
    }

    @Override
    public FetchedBars fetch(String ticker, Instant from, Instant to) {
        if (ticker == null || ticker.isBlank()) {
            throw new IllegalArgumentException("Simulated market needs a ticker");
        }
        Instant now = clock.instant();
        Instant until = to.isBefore(now) ? to : now;
        if (!from.isBefore(until)) {
            return FetchedBars.empty();
        }
        List<Bar> bars = new ArrayList<>();
        Profile profile = new Profile(ticker);
        LocalDate last = until.atZone(MarketCalendar.NEW_YORK).toLocalDate();
        DailyWalk day = new DailyWalk(profile, firstTradingDayFrom(from.atZone(MarketCalendar.NEW_YORK).toLocalDate()));
        while (!day.date.isAfter(last)) {
            for (Bar bar : barsOf(profile, day)) {
                if (!bar.start().isBefore(from) && !bar.end().isAfter(until)) {
                    bars.add(bar);
                }
            }
            day.advance();
        }
        return new FetchedBars(bars, List.of());
    }

    @Override
    public Fetched fetch(List<String> tickers, LocalDate from) {
        LocalDate until = clock.instant().atZone(MarketCalendar.NEW_YORK).toLocalDate().plusDays(ANNOUNCED_DAYS_AHEAD);
        List<CorporateAction> actions = new ArrayList<>();
        for (String ticker : tickers) {
            DailyWalk day = new DailyWalk(new Profile(ticker), ANCHOR);
            while (!day.date.isAfter(until)) {
                if (!day.date.isBefore(from)) {
                    actions.addAll(day.actions);
                }
                day.advance();
            }
        }
        return new Fetched(actions, List.of());
    }

    private List<Bar> barsOf(Profile profile, DailyWalk day) {
        TradingSession session = calendar.session(day.date).orElseThrow();
        int count = timeframe.barsIn(session);
        Random random = random(profile.ticker, day.date, 2);
        double stepVolatility = profile.dailyVolatility * StrictMath.sqrt((double) timeframe.minutes() / FULL_DAY_MINUTES)
                * (day.trendDay ? 0.6 : 1.0); // on a trend day the drift, not the noise, draws the chart
        double[] path = brownianBridge(random, day.open() - day.splitScale(), day.close() - day.splitScale(), count, stepVolatility);
        double dayVolume = profile.volumePerMinute * timeframe.minutes() * (day.trendDay || day.gapped ? 1.7 : 1.0);

        List<Bar> bars = new ArrayList<>(count);
        List<Instant> starts = timeframe.barStarts(session);
        for (int k = 0; k < count; k++) {
            BigDecimal open = cents(StrictMath.exp(path[k]));
            BigDecimal close = cents(StrictMath.exp(path[k + 1]));
            BigDecimal high = cents(StrictMath.exp(Math.max(path[k], path[k + 1]) + Math.abs(random.nextGaussian()) * stepVolatility * 0.5))
                    .max(open).max(close);
            BigDecimal low = cents(StrictMath.exp(Math.min(path[k], path[k + 1]) - Math.abs(random.nextGaussian()) * stepVolatility * 0.5))
                    .min(open).min(close);
            long volume = Math.max(100, Math.round(dayVolume * uShape(k, count) * StrictMath.exp(0.3 * random.nextGaussian())));
            BigDecimal vwap = high.add(low).add(close).divide(BigDecimal.valueOf(3), 4, RoundingMode.HALF_UP);
            long trades = Math.max(1, volume / (60 + random.nextInt(80)));
            bars.add(new Bar(profile.ticker, starts.get(k), timeframe.length(), open, high, low, close,
                    BigDecimal.valueOf(volume), vwap, trades));
        }
        return bars;
    }

    /** Log prices at the count + 1 bar boundaries: starts at logOpen, ends exactly at logClose. */
    private static double[] brownianBridge(Random random, double logOpen, double logClose, int count, double stepVolatility) {
        double[] walk = new double[count + 1];
        for (int k = 1; k <= count; k++) {
            walk[k] = walk[k - 1] + random.nextGaussian() * stepVolatility;
        }
        double[] path = new double[count + 1];
        for (int k = 0; k <= count; k++) {
            double share = (double) k / count;
            path[k] = logOpen + share * (logClose - logOpen) + walk[k] - share * walk[count];
        }
        return path;
    }

    /** Relative volume over the day: 3x at the open, 2x at the close, about 1x around lunch. */
    private static double uShape(int k, int count) {
        double x = count == 1 ? 0 : (double) k / (count - 1);
        return 0.6 + 2.4 * StrictMath.pow(1 - x, 3) + 1.4 * StrictMath.pow(x, 3);
    }

    private static BigDecimal cents(double price) {
        return BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_UP).max(CENT);
    }

    private LocalDate firstTradingDayFrom(LocalDate date) {
        LocalDate day = date;
        while (!calendar.isTradingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** java.util.Random's sequence is specified, so the same seed gives the same bars on every JVM. */
    private Random random(String ticker, LocalDate date, int stream) {
        return new Random(mix(seed ^ mix(ticker.hashCode()) ^ mix(date.toEpochDay() * 31 + stream)));
    }

    /** SplitMix64's finaliser: spreads nearby inputs over the whole seed space. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** What makes AAPL differ from MSFT under the same seed. */
    private final class Profile {
        final String ticker;
        final double basePrice;
        final double dailyDrift;
        final double dailyVolatility;
        final double volumePerMinute;

        Profile(String ticker) {
            this.ticker = ticker;
            Random random = random(ticker, LocalDate.EPOCH, 0);
            basePrice = 20 * StrictMath.pow(20, random.nextDouble());              // 20 .. 400
            dailyDrift = (-0.10 + 0.35 * random.nextDouble()) / 252;               // -10% .. +25% a year
            dailyVolatility = 0.01 + 0.02 * random.nextDouble();                   // 1% .. 3% a day
            volumePerMinute = 10_000 * StrictMath.pow(40, random.nextDouble());    // 10k .. 400k shares
        }
    }

    /**
     * Open and close of one trading day, walked from the anchor day; advance() steps to the next trading day.
     * Log prices are kept in fixed point (billionths) so that walking forward and backward is exact:
     * a day's prices do not depend on the day the walk started from.
     */
    private final class DailyWalk {
        private static final double FIXED_POINT = 1e9;

        private final Profile profile;
        LocalDate date;
        long logOpen;
        long logClose;
        boolean gapped;
        boolean trendDay;
        /** The splits and dividends taking effect on this day. */
        List<CorporateAction> actions = List.of();
        /** Log of the shares one anchor-day share has become by this day's splits (prices are divided by it). */
        private long logShares;
        /** This day's open minus the previous day's close. */
        private long gap;
        /** This day's close minus its open. */
        private long move;

        DailyWalk(Profile profile, LocalDate target) {
            this.profile = profile;
            date = ANCHOR;
            drawDay();
            logOpen = fixed(StrictMath.log(profile.basePrice));
            logClose = logOpen + move;
            while (date.isBefore(target)) {
                advance();
            }
            while (date.isAfter(target)) {
                retreat();
            }
        }

        double open() {
            return logOpen / FIXED_POINT;
        }

        double close() {
            return logClose / FIXED_POINT;
        }

        double splitScale() {
            return logShares / FIXED_POINT;
        }

        void advance() {
            long previousClose = logClose;
            date = nextTradingDay(date, 1);
            drawDay();
            logOpen = previousClose + gap;
            logClose = logOpen + move;
            drawActions();
        }

        /** A split or a dividend effective at this day's open, drawn after the anchor day only (walks back have none). */
        private void drawActions() {
            if (splitChance <= 0 && dividendChance <= 0) {
                return;
            }
            actions = new ArrayList<>(2);
            Random random = random(profile.ticker, date, 3);
            double price = StrictMath.exp(open() - splitScale());
            if (random.nextDouble() < splitChance) {
                int[] fromTo = price > 150 ? new int[] {1, 2 + random.nextInt(3)} : price < 15 ? new int[] {4, 1}
                        : random.nextBoolean() ? new int[] {2, 3} : new int[] {1, 2};
                actions.add(new Split(profile.ticker, date, BigDecimal.valueOf(fromTo[0]), BigDecimal.valueOf(fromTo[1]), null));
                logShares += fixed(StrictMath.log((double) fromTo[1] / fromTo[0]));
                price = StrictMath.exp(open() - splitScale());
            }
            if (random.nextDouble() < dividendChance) {
                actions.add(new CashDividend(profile.ticker, date, null, cents(price * DIVIDEND_YIELD), CashDividend.USD, null));
            }
        }

        private void retreat() {
            long previousClose = logOpen - gap;
            date = nextTradingDay(date, -1);
            drawDay();
            logClose = previousClose;
            logOpen = logClose - move;
        }

        /** Everything random about the day: its character, the opening gap and the open-to-close move. */
        private void drawDay() {
            Random random = random(profile.ticker, date, 1);
            gapped = random.nextDouble() < GAP_CHANCE;
            gap = fixed(random.nextGaussian() * (gapped ? 0.02 : 0.002));
            trendDay = random.nextDouble() < TREND_DAY_CHANCE;
            double direction = random.nextBoolean() ? 1 : -1;
            double dailyReturn = trendDay
                    ? profile.dailyDrift + direction * (1.5 + 1.5 * random.nextDouble()) * profile.dailyVolatility
                    : profile.dailyDrift + random.nextGaussian() * profile.dailyVolatility;
            move = fixed(dailyReturn);
        }

        private long fixed(double logValue) {
            return Math.round(logValue * FIXED_POINT);
        }

        private LocalDate nextTradingDay(LocalDate from, int step) {
            LocalDate day = from.plusDays(step);
            while (!calendar.isTradingDay(day)) {
                day = day.plusDays(step);
            }
            return day;
        }
    }
}
