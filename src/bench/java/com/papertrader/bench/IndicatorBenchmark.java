package com.papertrader.bench;

import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.AgentParameters;
import com.papertrader.domain.agent.AgentScript;
import com.papertrader.domain.agent.Compilation;
import com.papertrader.domain.agent.ScanContext;
import com.papertrader.domain.agent.ScanResult;
import com.papertrader.domain.indicator.Indicator;
import com.papertrader.domain.indicator.IndicatorSpec;
import com.papertrader.domain.indicator.Indicators;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.BarWindow;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.infrastructure.scripting.RhinoAgentRuntime;
import com.papertrader.infrastructure.scripting.SandboxLimits;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.ta4j.core.BaseBarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * What one new bar costs with indicators (issue "Indicators"). Every operation appends a new bar (start 5 minutes
 * after the newest, so the window takes it as new) and then reads the indicators for it: a sandboxed scan reading five
 * of them over the scanner's 200-bar window; EMA, RSI, ATR and MACD read in Java over 200 and 2,000 bars (their cost
 * must not grow with the window); the same in ta4j 0.17 for comparison. Results and the command: BENCHMARKS.md.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class IndicatorBenchmark {

    /** The server's default {@code scanner.window-size}. */
    static final int SCAN_WINDOW = 200;
    /** Bars appended before measuring, beyond filling the window: every stream has dropped bars and runs steady. */
    static final int WARM_UP_BARS = 1_000;

    /** An agent as users write them: five indicators read, a buy on a pullback below the band while MACD rises. */
    static final String SCRIPT = """
            function scan(bars, ctx) {
              var ema = ctx.ema(20);
              var rsi = ctx.rsi(14);
              var atr = ctx.atr(14);
              var macd = ctx.macd(12, 26, 9);
              var bb = ctx.bb(20, 2);
              if (ema === null || rsi === null || atr === null || macd === null || bb === null) {
                return null;
              }
              var close = bars.close(-1);
              if (macd.histogram > 0 && close < bb.lower && rsi > 30 && close > ema - 3 * atr) {
                return { action: "buy", reason: "below the lower band while MACD rises" };
              }
              return null;
            }
            """;

    static final IndicatorSpec EMA_20 = IndicatorSpec.of(Indicator.EMA, 20);
    static final IndicatorSpec RSI_14 = IndicatorSpec.of(Indicator.RSI, 14);
    static final IndicatorSpec ATR_14 = IndicatorSpec.of(Indicator.ATR, 14);
    static final IndicatorSpec MACD_12_26_9 = IndicatorSpec.of(Indicator.MACD, 12, 26, 9);

    /** The scanner's case: a new bar, then the agent's scan in the sandboxed runtime. */
    @State(Scope.Thread)
    public static class ScanState {
        private final Feed feed = new Feed();
        private BarWindow window;
        private RhinoAgentRuntime runtime;
        private AgentScript script;
        private ScanContext context;
        private long scans;
        private long buys;

        @Setup(Level.Trial)
        public void setUp() {
            window = new BarWindow(Feed.TICKER, SCAN_WINDOW);
            runtime = new RhinoAgentRuntime(SandboxLimits.defaults(), MarketCalendar.nyse());
            Compilation compilation = runtime.compile(AgentId.of("five-indicators"), SCRIPT);
            if (!(compilation instanceof Compilation.Success success)) {
                throw new IllegalStateException("the benchmark's script does not compile: " + compilation);
            }
            script = success.script();
            context = ScanContext.flat(AgentParameters.none());
            for (int i = 0; i < SCAN_WINDOW + WARM_UP_BARS; i++) {
                ScanResult result = scan();
                if (result.error() != null) {
                    throw new IllegalStateException("the benchmark's scan failed: " + result.error());
                }
            }
        }

        ScanResult scan() {
            window.add(feed.nextBar());
            ScanResult result = runtime.scan(script, window, context);
            scans++;
            buys += result.signals().size();
            return result;
        }

        /** A scan that never signals could be a scan that reads nothing: the count shows the condition is live. */
        @TearDown(Level.Trial)
        public void tearDown() {
            System.out.println(buys + " buy signals in " + scans + " scans");
        }
    }

    /** Our indicators read in Java: the window's streams step once per new bar. */
    @State(Scope.Thread)
    public static class WindowState {
        @Param({"200", "2000"})
        public int window;

        private final Feed feed = new Feed();
        private BarWindow bars;

        @Setup(Level.Trial)
        public void setUp() {
            bars = new BarWindow(Feed.TICKER, window);
            for (int i = 0; i < window + WARM_UP_BARS; i++) {
                newBar();
            }
        }

        double newBar() {
            bars.add(feed.nextBar());
            return Indicators.value(bars, EMA_20, 0, 0) + Indicators.value(bars, RSI_14, 0, 0) + Indicators.value(bars, ATR_14, 0, 0)
                    + Indicators.value(bars, MACD_12_26_9, 0, 0) + Indicators.value(bars, MACD_12_26_9, 1, 0)
                    + Indicators.value(bars, MACD_12_26_9, 2, 0);
        }
    }

    /** The same in ta4j: a series holding at most {@code window} bars, each indicator read at the newest bar. */
    @State(Scope.Thread)
    public static class Ta4jState {
        @Param({"200", "2000"})
        public int window;

        private final Feed feed = new Feed();
        private BaseBarSeries series;
        private EMAIndicator ema;
        private RSIIndicator rsi;
        private ATRIndicator atr;
        private MACDIndicator macd;
        private EMAIndicator signal;

        @Setup(Level.Trial)
        public void setUp() {
            series = new BaseBarSeriesBuilder().withName(Feed.TICKER).withNumTypeOf(DoubleNum.class).build();
            series.setMaximumBarCount(window);
            ClosePriceIndicator close = new ClosePriceIndicator(series);
            ema = new EMAIndicator(close, 20);
            rsi = new RSIIndicator(close, 14);
            atr = new ATRIndicator(series, 14);
            macd = new MACDIndicator(close, 12, 26);
            signal = new EMAIndicator(macd, 9);
            checkAgreesWithOurs();
        }

        /**
         * Comparing speeds means nothing unless both compute the same: fed the same bars, each bar read, the two agree
         * once the warm-up conventions have faded (Ta4jConventions measures them), here at the last warm-up bar.
         */
        private void checkAgreesWithOurs() {
            Feed ours = new Feed();
            BarWindow bars = new BarWindow(Feed.TICKER, window);
            double[] theirs = null;
            for (int i = 0; i < window + WARM_UP_BARS; i++) {
                bars.add(ours.nextBar());
                feed.addTo(series);
                theirs = values();
            }
            double[] expected = {
                Indicators.value(bars, EMA_20, 0, 0), Indicators.value(bars, RSI_14, 0, 0), Indicators.value(bars, ATR_14, 0, 0),
                Indicators.value(bars, MACD_12_26_9, 0, 0), Indicators.value(bars, MACD_12_26_9, 1, 0),
                Indicators.value(bars, MACD_12_26_9, 2, 0)};
            for (int i = 0; i < expected.length; i++) {
                if (!(Math.abs(theirs[i] - expected[i]) <= 1e-6 * Math.abs(expected[i]) + 1e-9)) {
                    throw new IllegalStateException("ta4j and ours disagree on value " + i + " (EMA, RSI, ATR, MACD, signal, "
                            + "histogram) after " + (window + WARM_UP_BARS) + " bars: " + theirs[i] + " vs " + expected[i]);
                }
            }
        }

        private double[] values() {
            int end = series.getEndIndex();
            Num line = macd.getValue(end);
            Num smoothed = signal.getValue(end);
            return new double[] {ema.getValue(end).doubleValue(), rsi.getValue(end).doubleValue(), atr.getValue(end).doubleValue(),
                line.doubleValue(), smoothed.doubleValue(), line.minus(smoothed).doubleValue()};
        }

        double newBar() {
            feed.addTo(series);
            int end = series.getEndIndex();
            Num line = macd.getValue(end);
            Num smoothed = signal.getValue(end);
            return ema.getValue(end).doubleValue() + rsi.getValue(end).doubleValue() + atr.getValue(end).doubleValue()
                    + line.doubleValue() + smoothed.doubleValue() + line.minus(smoothed).doubleValue();
        }
    }

    /** (a) A new bar and a sandboxed scan reading EMA, RSI, ATR, MACD and Bollinger bands over 200 bars. */
    @Benchmark
    public ScanResult scanFiveIndicators(ScanState state) {
        return state.scan();
    }

    /** (b) A new bar and EMA(20), RSI(14), ATR(14), MACD(12, 26, 9) read in Java: the same cost over 200 or 2,000 bars. */
    @Benchmark
    public double newBarRecursive(WindowState state) {
        return state.newBar();
    }

    /** (c) The same work in ta4j 0.17 (DoubleNum), for the record. */
    @Benchmark
    public double newBarTa4j(Ta4jState state) {
        return state.newBar();
    }

    /**
     * New five-minute bars from a seeded random walk of a million bars, read forward and then backward so that the
     * prices never jump while the bar starts keep rising. Prices and volumes come from tables built once, so a new bar
     * allocates only what a bar from the feed would (the Bar and its start, or ta4j's bar and times).
     */
    static final class Feed {
        static final String TICKER = "AAPL";
        private static final int ROWS = 1_000_000;
        private static final int MIN_CENTS = 6_000;
        private static final int MAX_CENTS = 14_000;
        private static final int MAX_WICK_CENTS = 10;
        private static final int MIN_VOLUME = 1_000;
        private static final int VOLUMES = 5_000;
        private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
        private static final long FIRST_START = Instant.parse("2025-03-10T13:30:00Z").toEpochMilli();
        private static final int[] OPEN = new int[ROWS];
        private static final int[] HIGH = new int[ROWS];
        private static final int[] LOW = new int[ROWS];
        private static final int[] CLOSE = new int[ROWS];
        private static final int[] VOLUME = new int[ROWS];
        private static final BigDecimal[] PRICES = new BigDecimal[MAX_CENTS + MAX_WICK_CENTS + 1];
        private static final Num[] PRICE_NUMS = new Num[PRICES.length];
        private static final BigDecimal[] VOLUME_DECIMALS = new BigDecimal[VOLUMES];
        private static final Num[] VOLUME_NUMS = new Num[VOLUMES];

        static {
            Random random = new Random(42);
            int price = 10_000;
            for (int i = 0; i < ROWS; i++) {
                OPEN[i] = price;
                price += (int) Math.round(random.nextGaussian() * 20);
                price = price < MIN_CENTS ? 2 * MIN_CENTS - price : price > MAX_CENTS ? 2 * MAX_CENTS - price : price;
                CLOSE[i] = price;
                HIGH[i] = Math.max(OPEN[i], price) + random.nextInt(MAX_WICK_CENTS + 1);
                LOW[i] = Math.min(OPEN[i], price) - random.nextInt(MAX_WICK_CENTS + 1);
                VOLUME[i] = random.nextInt(VOLUMES);
            }
            for (int cents = 0; cents < PRICES.length; cents++) {
                PRICES[cents] = BigDecimal.valueOf(cents, 2);
                PRICE_NUMS[cents] = DoubleNum.valueOf(PRICES[cents]);
            }
            for (int i = 0; i < VOLUMES; i++) {
                VOLUME_DECIMALS[i] = BigDecimal.valueOf(MIN_VOLUME + i);
                VOLUME_NUMS[i] = DoubleNum.valueOf(MIN_VOLUME + i);
            }
        }

        /** Bars handed out so far. */
        private long count;

        /** The walk's row for the next bar, forward then backward through the table. */
        private int nextRow() {
            long turn = count % (2L * ROWS);
            count++;
            return (int) (turn < ROWS ? turn : 2L * ROWS - 1 - turn);
        }

        Bar nextBar() {
            int row = nextRow();
            Instant start = Instant.ofEpochMilli(FIRST_START + (count - 1) * FIVE_MINUTES.toMillis());
            return new Bar(TICKER, start, FIVE_MINUTES, PRICES[OPEN[row]], PRICES[HIGH[row]], PRICES[LOW[row]], PRICES[CLOSE[row]],
                    VOLUME_DECIMALS[VOLUME[row]], null, null);
        }

        /** The next bar into a ta4j series, which names a bar by its end. */
        void addTo(BaseBarSeries series) {
            int row = nextRow();
            ZonedDateTime end = ZonedDateTime.ofInstant(Instant.ofEpochMilli(FIRST_START + count * FIVE_MINUTES.toMillis()), ZoneOffset.UTC);
            series.addBar(FIVE_MINUTES, end, PRICE_NUMS[OPEN[row]], PRICE_NUMS[HIGH[row]], PRICE_NUMS[LOW[row]], PRICE_NUMS[CLOSE[row]],
                    VOLUME_NUMS[VOLUME[row]]);
        }
    }
}
