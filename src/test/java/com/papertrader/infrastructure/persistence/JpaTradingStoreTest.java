package com.papertrader.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.application.trading.BarChanges;
import com.papertrader.application.trading.OrderAlreadyStored;
import com.papertrader.application.trading.ScanOutcome;
import com.papertrader.application.trading.TradingChanges;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.ScanRecord;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.trading.execution.Broker;
import com.papertrader.domain.trading.execution.BrokerChanges;
import com.papertrader.domain.trading.execution.FeeModel;
import com.papertrader.domain.trading.execution.FillModel;
import com.papertrader.domain.trading.execution.SubmitResult;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.order.OrderRequest;
import com.papertrader.domain.trading.order.OrderSide;
import com.papertrader.domain.trading.portfolio.Account;
import com.papertrader.domain.trading.risk.RefusalCount;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What saving the broker's changes asks of the database: the rows the broker has just made are never looked up. */
class JpaTradingStoreTest {

    private static final Instant SIGNAL_BAR = Instant.parse("2026-11-24T14:30:00Z"); // 09:30 New York
    private static final Instant FILL_BAR = SIGNAL_BAR.plus(Duration.ofMinutes(5));

    @TempDir
    Path dir;
    private final List<String> selects = new ArrayList<>();
    private EntityManagerFactory entityManagers;

    @BeforeEach
    void bootstrap() {
        SqliteTestDatabase database = new SqliteTestDatabase(dir.resolve("trading.db"));
        entityManagers = database.start(SqliteTestDatabase.entityClasses(), countingSelects(database.dataSource()));
    }

    @AfterEach
    void close() {
        entityManagers.close();
    }

    @Test
    void savingTheBrokersChangesLooksNothingUpOneByOne() {
        Broker broker = new Broker(Clock.fixed(FILL_BAR, ZoneOffset.UTC), FillModel.of(MarketCalendar.nyse()), FeeModel.free());
        Account alice = broker.openAccount("alice", new BigDecimal("100000"), BigDecimal.ONE);
        save(store -> store.save(alice));
        SubmitResult submitted = broker.submit(OrderRequest.builder("alice", "AAPL", OrderSide.BUY, SIGNAL_BAR, new BigDecimal("100"))
                .quantity(100).stopLoss(new BigDecimal("95")).takeProfit(new BigDecimal("110")).build());
        assertInstanceOf(SubmitResult.Accepted.class, submitted);
        selects.clear();

        save(store -> store.save(submitted.changes()));
        save(store -> store.save(broker.onBar(new Bar("AAPL", FILL_BAR, Duration.ofMinutes(5), new BigDecimal("100.50"),
                new BigDecimal("101"), new BigDecimal("100"), new BigDecimal("100.80"), new BigDecimal("100000"), null, null))));

        // the changes are written to their rows without reading any first: a bar event touching thousands of orders
        // and positions costs their writes only
        assertEquals(List.of(), selects);
        assertEquals(7L, count("OrderEvent"), "entry NEW, ACCEPTED, FILLED; each leg NEW, ACCEPTED");
        assertEquals(1L, count("Fill"));
        assertEquals(2L, count("LedgerEntry"), "the opening cash and the trade");
    }

    @Test
    void aSecondOrderWithAStoredClientOrderIdIsRefusedAndTheFirstStaysAsItWas() {
        Instant now = FILL_BAR;
        OrderRequest request = OrderRequest.builder("alice", "AAPL", OrderSide.BUY, SIGNAL_BAR, new BigDecimal("100"))
                .quantity(100).reason("the first").build();
        Broker first = new Broker(Clock.fixed(now, ZoneOffset.UTC), FillModel.of(MarketCalendar.nyse()), FeeModel.free());
        Account alice = first.openAccount("alice", new BigDecimal("100000"), BigDecimal.ONE);
        save(store -> store.save(alice));
        save(store -> store.save(first.submit(request).changes()));
        // a second broker that does not know the first's order (another server, or a bar traded twice) places it again
        Broker second = new Broker(Clock.fixed(now, ZoneOffset.UTC), FillModel.of(MarketCalendar.nyse()), FeeModel.free());
        second.openAccount("alice", new BigDecimal("100000"), BigDecimal.ONE);
        SubmitResult again = second.submit(OrderRequest.builder("alice", "AAPL", OrderSide.BUY, SIGNAL_BAR, new BigDecimal("100"))
                .quantity(150).reason("the second").build());
        assertInstanceOf(SubmitResult.Accepted.class, again);

        OrderAlreadyStored refused = assertThrows(OrderAlreadyStored.class, () -> save(store -> store.save(again.changes())));

        String id = again.changes().placed().get(0).id();
        assertEquals(id, first.liveOrders().iterator().next().id(), "the same client order id");
        assertTrue(refused.getMessage().contains(id), refused.getMessage());
        Order stored = SqliteTestDatabase.inTransaction(entityManagers, em -> {
            return em.find(Order.class, id);
        });
        assertEquals(100, stored.quantity(), "the first order (100 shares, not 150) is not overwritten");
        assertEquals("the first", stored.reason());
        assertEquals(2L, count("OrderEvent"), "the first order's NEW and ACCEPTED, nothing of the second");
    }

    @Test
    void aBarEventWhoseOrdersIncludeAStoredOneSavesNoneOfThem() {
        Broker first = new Broker(Clock.fixed(FILL_BAR, ZoneOffset.UTC), FillModel.of(MarketCalendar.nyse()), FeeModel.free());
        Account alice = first.openAccount("alice", new BigDecimal("100000"), BigDecimal.ONE);
        save(store -> store.save(alice));
        save(store -> store.save(first.submit(buy("AAPL")).changes()));
        // the orders of a bar event go in together: the stored one is among them
        Broker second = new Broker(Clock.fixed(FILL_BAR, ZoneOffset.UTC), FillModel.of(MarketCalendar.nyse()), FeeModel.free());
        second.openAccount("alice", new BigDecimal("100000"), BigDecimal.ONE);
        List<BrokerChanges> placed = List.of("MSFT", "AAPL", "TSLA").stream().map(ticker -> second.submit(buy(ticker)).changes()).toList();
        TradingChanges changes = new TradingChanges(2, 2);
        changes.add(new Bar("AAPL", SIGNAL_BAR, Duration.ofMinutes(5), BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN,
                BigDecimal.ONE, null, null), new BarChanges(placed, List.of(), new ScanOutcome(List.of(), List.of(), List.of())));

        OrderAlreadyStored refused = assertThrows(OrderAlreadyStored.class, () -> save(store -> store.save(changes)));

        assertTrue(refused.getMessage().startsWith("One of 3 orders inserted together (" + placed.get(0).placed().get(0).id()),
                refused.getMessage());
        assertEquals(1L, count("Order"), "only the first broker's order: nothing of the bar event is saved");
        assertEquals(2L, count("OrderEvent"));
    }

    private static OrderRequest buy(String ticker) {
        return OrderRequest.builder("alice", ticker, OrderSide.BUY, SIGNAL_BAR, new BigDecimal("100")).quantity(10).build();
    }

    @Test
    void refusalsAreAddedToTheDaysCountAndOnlyEachAgentsNewestRefusedOrdersAndScansStay() {
        for (int bar = 0; bar < 3; bar++) {
            Instant barStart = SIGNAL_BAR.plus(Duration.ofMinutes(5L * bar));
            Broker broker = new Broker(Clock.fixed(barStart.plus(Duration.ofMinutes(5)), ZoneOffset.UTC), FillModel.of(MarketCalendar.nyse()),
                    FeeModel.free());
            broker.openAccount("alice", new BigDecimal("100000"), BigDecimal.ONE);
            SubmitResult.Rejected refused = assertInstanceOf(SubmitResult.Rejected.class, broker.submit(
                    OrderRequest.builder("alice", "AAPL", OrderSide.SELL, barStart, new BigDecimal("100")).quantity(10).build()));
            TradingChanges changes = new TradingChanges(2, 2);
            changes.add(new Bar("AAPL", barStart, Duration.ofMinutes(5), BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN,
                    BigDecimal.ONE, null, null), new BarChanges(List.of(refused.changes()), List.of(refused), new ScanOutcome(List.of(),
                    List.of(new ScanRecord(AgentId.of("alice"), "AAPL", barStart, "hash", List.of(), Duration.ofMillis(1))), List.of())));
            save(store -> store.save(changes));
        }

        List<RefusalCount> counts = SqliteTestDatabase.inTransaction(entityManagers, em -> {
            return em.createNamedQuery(RefusalCountRecord.OF_AGENT, RefusalCountRecord.class).setParameter("agentId", "alice")
                    .getResultStream().map(RefusalCountRecord::toCount).toList();
        });
        assertEquals(List.of(new RefusalCount("alice", LocalDate.of(2026, 11, 24), "position direction", 3,
                "no LONG position in AAPL to sell", SIGNAL_BAR.plus(Duration.ofMinutes(15)))), counts, "one count, added to twice");
        List<Instant> kept = SqliteTestDatabase.inTransaction(entityManagers, em -> {
            return em.createQuery("select o.barTime from Order o order by o.barTime", Instant.class).getResultList();
        });
        assertEquals(List.of(SIGNAL_BAR.plus(Duration.ofMinutes(5)), SIGNAL_BAR.plus(Duration.ofMinutes(10))), kept, "the newest two");
        assertEquals(4L, count("OrderEvent"), "their NEW and REJECTED; the oldest's deleted with it");
        List<Instant> scans = SqliteTestDatabase.inTransaction(entityManagers, em -> {
            return em.createQuery("select s.barTime from ScanRecord s order by s.barTime", Instant.class).getResultList();
        });
        assertEquals(kept, scans, "the newest two scans");
    }

    private long count(String entity) {
        return SqliteTestDatabase.inTransaction(entityManagers, em -> {
            return em.createQuery("select count(x) from " + entity + " x", Long.class).getSingleResult();
        });
    }

    private void save(Consumer<JpaTradingStore> work) {
        SqliteTestDatabase.inTransaction(entityManagers, (EntityManager em) -> {
            JpaTradingStore store = new JpaTradingStore();
            store.em = em;
            work.accept(store);
        });
    }

    /** The data source, noting the SQL of every SELECT prepared on its connections. */
    private DataSource countingSelects(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection connection ? noting(connection) : result;
        });
    }

    private Connection noting(Connection target) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
            if (method.getName().equals("prepareStatement") && args[0] instanceof String sql
                    && sql.strip().toLowerCase(Locale.ROOT).startsWith("select")) {
                selects.add(sql);
            }
            return invoke(target, method, args);
        });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
