package com.papertrader.bench;

import com.papertrader.application.trading.BarClock;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.trading.execution.Broker;
import com.papertrader.domain.trading.execution.BrokerChanges;
import com.papertrader.domain.trading.execution.FeeModel;
import com.papertrader.domain.trading.execution.FillModel;
import com.papertrader.domain.trading.execution.SubmitResult;
import com.papertrader.domain.trading.order.OrderRequest;
import com.papertrader.domain.trading.order.OrderSide;
import com.papertrader.domain.trading.risk.RiskLimits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The paper broker's work for one bar event: {@link Broker#onBar} for each of 48 tickers' bars, with 10 accounts each
 * holding a position in every ticker (480 positions) protected by a working stop loss and take profit (960 working
 * orders). The bars stay inside the brackets, so the state is the same for every event: the steady case, where orders
 * are checked, positions marked and accounts revalued, and nothing fills. Goal (issue "Paper trading engine"):
 * p99 under 10 ms. Results and the command: BENCHMARKS.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 3)
public class BrokerBenchmark {

    static final int ACCOUNTS = 10;
    static final long SHARES = 100;
    static final BigDecimal STOP_LOSS = new BigDecimal("0.97");
    static final BigDecimal TAKE_PROFIT = new BigDecimal("1.06");
    /** The bars' range around each ticker's price: well inside the brackets. */
    static final double BAND = 0.005;

    private BarClock clock;
    private Broker broker;
    private Iterator<Instant> starts;
    private List<BigDecimal> prices;
    private Random random;
    private List<Bar> event;

    @Setup(Level.Trial)
    public void setUp() {
        random = new Random(42);
        prices = new ArrayList<>();
        for (int i = 0; i < BenchMarket.TICKERS.size(); i++) {
            prices.add(BigDecimal.valueOf(20 + 8 * i).setScale(2, RoundingMode.UNNECESSARY));
        }
        starts = BenchMarket.sessionBarStarts(BenchMarket.FIRST_DAY);
        Instant signalBar = starts.next();
        clock = new BarClock(signalBar.plus(BenchMarket.FIVE_MINUTES.length()));
        broker = new Broker(clock, FillModel.of(BenchMarket.CALENDAR), FeeModel.free());
        RiskLimits limits = new RiskLimits(BigDecimal.TEN, BenchMarket.TICKERS.size(), null, null, false, null, null, null, null, null, null);
        for (int a = 0; a < ACCOUNTS; a++) {
            String agent = "agent-" + a;
            broker.openAccount(agent, new BigDecimal("1000000.00"), BigDecimal.ONE);
            broker.setRiskLimits(agent, limits);
            for (int t = 0; t < BenchMarket.TICKERS.size(); t++) {
                BigDecimal price = prices.get(t);
                SubmitResult result = broker.submit(OrderRequest.builder(agent, BenchMarket.TICKERS.get(t), OrderSide.BUY, signalBar, price)
                        .quantity(SHARES).stopLoss(price.multiply(STOP_LOSS)).takeProfit(price.multiply(TAKE_PROFIT))
                        .reason("benchmark entry").build());
                if (!(result instanceof SubmitResult.Accepted)) {
                    throw new IllegalStateException("entry not accepted: " + result);
                }
            }
        }
        nextEvent(); // the entries fill at this event's opens; their brackets work from the next bar on
        oneBarEvent();
        requireSteadyState();
    }

    @Setup(Level.Invocation)
    public void nextEvent() {
        Instant start = starts.next();
        event = new ArrayList<>(BenchMarket.TICKERS.size());
        for (int t = 0; t < BenchMarket.TICKERS.size(); t++) {
            event.add(barInsideTheBrackets(BenchMarket.TICKERS.get(t), start, prices.get(t)));
        }
    }

    /** One bar event: every ticker's bar through the broker, as the desk's BarProcessor does before the scans. */
    @Benchmark
    public List<BrokerChanges> oneBarEvent() {
        List<BrokerChanges> changes = new ArrayList<>(event.size());
        for (Bar bar : event) {
            clock.advanceTo(bar.end());
            changes.add(broker.onBar(bar));
        }
        return changes;
    }

    @TearDown(Level.Trial)
    public void requireSteadyState() {
        int positions = broker.openPositions().size();
        int working = broker.liveOrders().size();
        System.out.printf("%n%d accounts, %d open positions, %d working orders, last bar %s%n",
                broker.accounts().size(), positions, working, event.get(0).start());
        if (positions != ACCOUNTS * BenchMarket.TICKERS.size() || working != 2 * positions) {
            throw new IllegalStateException("the broker's state changed: " + positions + " positions, " + working + " orders");
        }
    }

    private Bar barInsideTheBrackets(String ticker, Instant start, BigDecimal price) {
        BigDecimal open = near(price);
        BigDecimal close = near(price);
        BigDecimal high = open.max(close).add(new BigDecimal("0.01"));
        BigDecimal low = open.min(close).subtract(new BigDecimal("0.01"));
        return new Bar(ticker, start, BenchMarket.FIVE_MINUTES.length(), open, high, low, close,
                BigDecimal.valueOf(10_000 + random.nextInt(90_000)), null, null);
    }

    private BigDecimal near(BigDecimal price) {
        return price.multiply(BigDecimal.valueOf(1 + BAND * (2 * random.nextDouble() - 1))).setScale(2, RoundingMode.HALF_UP);
    }
}
