package com.papertrader.infrastructure.persistence;

import com.papertrader.application.ingest.CorporateActionStore;
import com.papertrader.application.scanning.AgentScanner;
import com.papertrader.application.trading.BarChanges;
import com.papertrader.application.trading.BarClock;
import com.papertrader.application.trading.BarProcessor;
import com.papertrader.application.trading.ScanOutcome;
import com.papertrader.application.trading.TradingChanges;
import com.papertrader.bench.BenchMarket;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.CashDividend;
import com.papertrader.domain.market.CorporateAction;
import com.papertrader.domain.market.CorporateActions;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.Split;
import com.papertrader.domain.trading.execution.Broker;
import com.papertrader.domain.trading.execution.BrokerChanges;
import com.papertrader.domain.trading.execution.FeeModel;
import com.papertrader.domain.trading.execution.FillModel;
import com.papertrader.domain.trading.execution.SubmitResult;
import com.papertrader.domain.trading.order.OrderRequest;
import com.papertrader.domain.trading.order.OrderSide;
import com.papertrader.domain.trading.risk.RiskLimits;
import com.papertrader.infrastructure.scripting.RhinoAgentRuntime;
import com.papertrader.infrastructure.scripting.SandboxLimits;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

/**
 * The day's first bar event for 3,000 tickers, each with a corporate action effective that day (every other one a
 * 2-for-1 split, the rest a 0.25 USD cash dividend), as live trading runs it and saves it: each ticker's bar through
 * {@link BarProcessor} (the action applied to positions, working orders and the scan window, then the bar), and all the
 * changes saved by {@link JpaTradingStore} in one transaction on SQLite. Ten accounts hold 300 tickers each (3,000
 * positions, 100 shares, each with a working stop loss and take profit: 6,000 orders); every ticker's window holds 200
 * bars. The same event without the actions ({@code actions=none}) is the baseline: the difference is what following
 * them costs. Each iteration is a new day on fresh accounts in the same database. Goal (issue "Real markets"): applying
 * the day's corporate actions for 3,000 tickers costs under 1 second. Results and the command: BENCHMARKS.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 3)
@Measurement(iterations = 10)
public class CorporateActionsBenchmark {

    static final int TICKERS = 3_000;
    static final int ACCOUNTS = 10;
    static final int WINDOW_SIZE = 200;
    static final long SHARES = 100;
    static final BigDecimal TWO = BigDecimal.valueOf(2);
    static final BigDecimal DIVIDEND = new BigDecimal("0.25");
    static final BigDecimal STOP_LOSS = new BigDecimal("0.97");
    /** The default of trading.refused-orders-kept and of scanner.records-kept. */
    static final int KEPT = 1_000;
    static final BigDecimal TAKE_PROFIT = new BigDecimal("1.06");

    @Param({"split-or-dividend", "none"})
    public String actions;

    private final List<String> tickers = new ArrayList<>(TICKERS);
    private final List<BigDecimal> prices = new ArrayList<>(TICKERS);
    private final List<List<Bar>> windows = new ArrayList<>(TICKERS);
    private BenchTradingDatabase database;
    private LocalDate day;
    private int iteration;

    private BarProcessor processor;
    private List<Bar> event;
    private TradingChanges changes;

    @Setup(Level.Trial)
    public void setUpTrial() throws IOException {
        for (int i = 0; i < TICKERS; i++) {
            String ticker = ticker(i);
            BigDecimal price = BigDecimal.valueOf(2_000 + 10 * (i % 200), 2);
            tickers.add(ticker);
            prices.add(price);
            List<Bar> window = new ArrayList<>(WINDOW_SIZE);
            Instant start = BenchMarket.FIRST_DAY.atStartOfDay(MarketCalendar.NEW_YORK).toInstant();
            for (int b = 0; b < WINDOW_SIZE; b++) {
                window.add(bar(ticker, start.plus(BenchMarket.FIVE_MINUTES.length().multipliedBy(b)), price));
            }
            windows.add(window);
        }
        database = new BenchTradingDatabase();
        day = BenchMarket.FIRST_DAY.plusDays(7);
    }

    /** A new day: fresh accounts holding their positions, saved; the day's actions stored; the windows warmed. */
    @Setup(Level.Iteration)
    public void setUpDay() {
        iteration++;
        LocalDate previous = day;
        day = nextSession(day);
        List<Instant> before = BenchMarket.FIVE_MINUTES.barStarts(BenchMarket.CALENDAR.session(previous).orElseThrow());
        Instant signal = before.get(before.size() - 2);
        Instant entry = before.get(before.size() - 1);
        Instant open = BenchMarket.FIVE_MINUTES.barStarts(BenchMarket.CALENDAR.session(day).orElseThrow()).get(0);

        BarClock clock = new BarClock(entry);
        Broker broker = new Broker(clock, FillModel.of(BenchMarket.CALENDAR), FeeModel.free());
        AgentScanner scanner = new AgentScanner(new RhinoAgentRuntime(SandboxLimits.defaults(), BenchMarket.CALENDAR), WINDOW_SIZE, 3);
        processor = new BarProcessor(broker, clock, scanner);
        TradingChanges held = new TradingChanges(KEPT, KEPT);
        List<BrokerChanges> entries = new ArrayList<>();
        RiskLimits limits = new RiskLimits(BigDecimal.TEN, TICKERS / ACCOUNTS, null, null, false, null, null, null, null, null, null);
        List<String> accounts = new ArrayList<>();
        for (int a = 0; a < ACCOUNTS; a++) {
            String account = "day-" + iteration + "-agent-" + a;
            accounts.add(account);
            broker.openAccount(account, new BigDecimal("10000000.00"), BigDecimal.ONE);
            broker.setRiskLimits(account, limits);
        }
        for (int i = 0; i < TICKERS; i++) {
            BigDecimal price = prices.get(i);
            SubmitResult result = broker.submit(OrderRequest.builder(accounts.get(i % ACCOUNTS), tickers.get(i), OrderSide.BUY, signal, price)
                    .quantity(SHARES).stopLoss(price.multiply(STOP_LOSS)).takeProfit(price.multiply(TAKE_PROFIT))
                    .reason("benchmark entry").build());
            if (!(result instanceof SubmitResult.Accepted)) {
                throw new IllegalStateException("entry not accepted: " + result);
            }
            entries.add(result.changes());
        }
        for (int i = 0; i < TICKERS; i++) {
            Bar bar = bar(tickers.get(i), entry, prices.get(i));
            List<BrokerChanges> barChanges = new ArrayList<>(i == 0 ? entries : List.of());
            barChanges.addAll(processor.process(bar, false).broker());
            held.add(bar, new BarChanges(barChanges, List.of(), ScanOutcome.ordersOnly(List.of())));
        }
        if (broker.openPositions().size() != TICKERS || broker.liveOrders().size() != 2 * TICKERS) {
            throw new IllegalStateException("expected " + TICKERS + " positions with two working exits each, got "
                    + broker.openPositions().size() + " positions, " + broker.liveOrders().size() + " orders");
        }
        List<CorporateAction> today = new ArrayList<>();
        if (!actions.equals("none")) {
            for (int i = 0; i < TICKERS; i++) {
                today.add(i % 2 == 0
                        ? new Split(tickers.get(i), day, BigDecimal.ONE, TWO, null)
                        : new CashDividend(tickers.get(i), day, day.plusDays(14), DIVIDEND, CashDividend.USD, null));
            }
        }
        database.inTransaction(em -> {
            JpaTradingStore store = BenchTradingDatabase.tradingStore(em);
            broker.accounts().forEach(store::save);
            store.save(held);
            JpaCorporateActionStore actionStore = new JpaCorporateActionStore();
            actionStore.em = em;
            actionStore.store(today, new CorporateActionStore.Coverage(Set.copyOf(tickers), day), entry);
        });
        processor.follow(CorporateActions.of(today));
        for (int i = 0; i < TICKERS; i++) {
            scanner.warm(tickers.get(i), windows.get(i));
        }
        event = new ArrayList<>(TICKERS);
        for (int i = 0; i < TICKERS; i++) {
            boolean splits = !actions.equals("none") && i % 2 == 0;
            event.add(bar(tickers.get(i), open, splits ? prices.get(i).divide(TWO, 2, RoundingMode.HALF_UP) : prices.get(i)));
        }
    }

    /** The day's first bar event, the actions applied at its open, saved in one transaction. */
    @Benchmark
    public TradingChanges firstBarEventOfTheDay() {
        changes = new TradingChanges(KEPT, KEPT);
        for (Bar bar : event) {
            changes.add(bar, processor.process(bar, true));
        }
        database.inTransaction(em -> BenchTradingDatabase.tradingStore(em).save(changes));
        return changes;
    }

    /** Every action applied once and saved, nothing filled: the state measured is the one described. */
    @TearDown(Level.Iteration)
    public void requireTheDaysWork() {
        int expected = actions.equals("none") ? 0 : TICKERS;
        long fills = changes.broker().stream().mapToLong(change -> change.fills().size()).sum();
        long positions = processor.broker().openPositions().stream().filter(p -> p.quantity() == 2 * SHARES).count();
        long[] saved = new long[2];
        database.inTransaction(em -> {
            saved[0] = ((Number) em.createNativeQuery("SELECT count(*) FROM corporate_actions WHERE applied_at IS NOT NULL AND id LIKE ?")
                    .setParameter(1, "%|" + day).getSingleResult()).longValue();
            saved[1] = ((Number) em.createNativeQuery("SELECT count(*) FROM ledger_entries WHERE kind = 'DIVIDEND' AND account_id LIKE ?")
                    .setParameter(1, "day-" + iteration + "-%").getSingleResult()).longValue();
        });
        System.out.printf("%n%s: %,d actions applied and saved, %,d positions split, %,d dividends in the ledger, %,d fills%n",
                day, saved[0], positions, saved[1], fills);
        if (saved[0] != expected || positions != expected / 2 || saved[1] != expected / 2 || fills != 0) {
            throw new IllegalStateException("the day's work is not what the benchmark describes");
        }
    }

    @TearDown(Level.Trial)
    public void tearDownTrial() throws IOException {
        database.close();
    }


    private static LocalDate nextSession(LocalDate after) {
        LocalDate date = after.plusDays(1);
        while (BenchMarket.CALENDAR.session(date).isEmpty()) {
            date = date.plusDays(1);
        }
        return date;
    }

    /** AAA, AAB, ... : 3,000 distinct three-letter symbols. */
    private static String ticker(int i) {
        return "" + (char) ('A' + i / 676) + (char) ('A' + i / 26 % 26) + (char) ('A' + i % 26);
    }

    /** A bar a few cents around {@code price}: inside every bracket, so nothing fills. */
    private static Bar bar(String ticker, Instant start, BigDecimal price) {
        BigDecimal cents = new BigDecimal("0.02");
        return new Bar(ticker, start, BenchMarket.FIVE_MINUTES.length(), price, price.add(cents), price.subtract(cents), price,
                BigDecimal.valueOf(10_000), null, null);
    }
}
