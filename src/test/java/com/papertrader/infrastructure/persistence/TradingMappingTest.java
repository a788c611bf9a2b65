package com.papertrader.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.trading.execution.Broker;
import com.papertrader.domain.trading.execution.BrokerChanges;
import com.papertrader.domain.trading.execution.FeeModel;
import com.papertrader.domain.trading.execution.FillModel;
import com.papertrader.domain.trading.execution.SubmitResult;
import com.papertrader.domain.trading.order.Fill;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.order.OrderEvent;
import com.papertrader.domain.trading.order.OrderRequest;
import com.papertrader.domain.trading.order.OrderSide;
import com.papertrader.domain.trading.order.OrderStatus;
import com.papertrader.domain.trading.portfolio.Account;
import com.papertrader.domain.trading.portfolio.Position;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entities are the persistence model: saved through Hibernate into a SQLite file and read back, exactly
 * (money to the cent, times to the second), and a broker restored from what was read carries on.
 */
class TradingMappingTest {

    private static final Instant SIGNAL_BAR = Instant.parse("2026-11-24T14:30:00Z"); // 09:30 New York

    @TempDir
    Path dir;

    private EntityManagerFactory entityManagers;

    /** The application's mapping on a new SQLite file, its schema made by the migrations. */
    @BeforeEach
    void bootstrap() {
        entityManagers = new SqliteTestDatabase(dir.resolve("trading.db")).start();
    }

    @AfterEach
    void close() {
        entityManagers.close();
    }

    @Test
    void accountOrderWithEventsAndPositionSurviveTheDatabaseAndARestart() {
        Clock clock = Clock.fixed(SIGNAL_BAR.plus(Duration.ofMinutes(5)), ZoneOffset.UTC);
        Broker before = new Broker(clock, FillModel.of(MarketCalendar.nyse()), FeeModel.free());
        Account opened = before.openAccount("alice", new BigDecimal("100000"), BigDecimal.ONE);
        saveAccount(opened);
        SubmitResult submitted = before.submit(OrderRequest.builder("alice", "AAPL", OrderSide.BUY, SIGNAL_BAR, new BigDecimal("100.00"))
                .quantity(100).stopLoss(new BigDecimal("95")).takeProfit(new BigDecimal("110"))
                .reason("breakout above 99.80").scriptHash("sha256:abc").build());
        assertInstanceOf(SubmitResult.Accepted.class, submitted);
        save(submitted.changes());
        save(before.onBar(bar(SIGNAL_BAR.plus(Duration.ofMinutes(5)), "100.50", "101.00", "100.00", "100.80")));

        inTransaction(em -> {
            Order entry = em.find(Order.class, "alice|AAPL|2026-11-24T14:30:00Z|0");
            assertEquals(OrderStatus.FILLED, entry.status());
            assertEquals("breakout above 99.80", entry.reason());
            assertEquals("sha256:abc", entry.scriptHash());
            assertEquals(SIGNAL_BAR, entry.barTime());
            assertEquals("100.5000", entry.averageFillPrice().toPlainString());
            assertEquals(List.of(OrderStatus.NEW, OrderStatus.ACCEPTED, OrderStatus.FILLED),
                    entry.events().stream().map(OrderEvent::status).toList());
            assertEquals("filled 100 @ 100.5000 (100/100)", entry.events().get(2).cause());
            assertEquals(Instant.parse("2026-11-24T14:35:00Z"), entry.events().get(2).occurredAt());

            Account account = em.find(Account.class, "alice");
            assertEquals("89950.00", account.cash().toPlainString());
            assertEquals("10080.00", account.longMarketValue().toPlainString());
            assertEquals("100030.00", account.equity().toPlainString());

            Fill fill = em.find(Fill.class, "alice|AAPL|2026-11-24T14:30:00Z|0#3");
            assertEquals("100.5000", fill.price().toPlainString());
            assertEquals(100, fill.quantity());
        });

        List<Account> accounts = read(em -> em.createQuery("select a from Account a", Account.class).getResultList());
        List<Position> positions = read(em -> em.createNamedQuery(Position.FIND_OPEN, Position.class).getResultList());
        List<Order> working = read(em -> em.createNamedQuery(Order.FIND_WORKING, Order.class).getResultList());
        assertEquals(1, positions.size());
        assertEquals("10050.00", positions.get(0).costBasis().toPlainString());
        assertEquals("30.00", positions.get(0).unrealizedPnl().toPlainString());
        assertEquals(List.of("alice|AAPL|2026-11-24T14:30:00Z|0|SL", "alice|AAPL|2026-11-24T14:30:00Z|0|TP"),
                working.stream().map(Order::id).sorted().toList());

        Broker after = new Broker(clock, FillModel.of(MarketCalendar.nyse()), FeeModel.free());
        after.restore(accounts, positions, working);
        BrokerChanges exit = after.onBar(bar(SIGNAL_BAR.plus(Duration.ofMinutes(10)), "101.00", "110.50", "100.90", "109.00"));
        save(exit);

        inTransaction(em -> {
            assertEquals(OrderStatus.FILLED, em.find(Order.class, "alice|AAPL|2026-11-24T14:30:00Z|0|TP").status());
            Order stop = em.find(Order.class, "alice|AAPL|2026-11-24T14:30:00Z|0|SL");
            assertEquals(OrderStatus.CANCELED, stop.status());
            assertEquals(3, stop.events().size());
            Account account = em.find(Account.class, "alice");
            assertEquals("100950.00", account.cash().toPlainString());
            assertEquals("950.00", account.realizedPnl().toPlainString());
            Position closed = em.find(Position.class, "P:alice|AAPL|2026-11-24T14:30:00Z|0#3");
            assertEquals(0, closed.quantity());
            assertEquals(Instant.parse("2026-11-24T14:40:00Z"), closed.closedAt());
            assertTrue(em.createNamedQuery(Position.FIND_OPEN, Position.class).getResultList().isEmpty());
            assertTrue(em.createNamedQuery(Order.FIND_WORKING, Order.class).getResultList().isEmpty());
            assertEquals(2L, em.createQuery("select count(s) from EquitySnapshot s", Long.class).getSingleResult());
            // entry NEW, ACCEPTED, FILLED; each leg NEW, ACCEPTED, then FILLED or CANCELED: saved again, never twice
            assertEquals(9L, em.createQuery("select count(e) from OrderEvent e", Long.class).getSingleResult());
            assertEquals(List.of("integer", "100950.00"), List.of(
                    em.createNativeQuery("select typeof(cash) from accounts", String.class).getSingleResult(),
                    em.find(Account.class, "alice").cash().toPlainString()));
        });
    }

    private void save(BrokerChanges changes) {
        inTransaction(em -> store(em).save(changes));
    }

    private void saveAccount(Account account) {
        inTransaction(em -> store(em).save(account));
    }

    private static JpaTradingStore store(EntityManager em) {
        JpaTradingStore store = new JpaTradingStore();
        store.em = em;
        return store;
    }

    private void inTransaction(Consumer<EntityManager> work) {
        EntityManager em = entityManagers.createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            em.close();
        }
    }

    private <T> T read(Function<EntityManager, T> query) {
        EntityManager em = entityManagers.createEntityManager();
        try {
            return query.apply(em);
        } finally {
            em.close();
        }
    }

    private static Bar bar(Instant start, String open, String high, String low, String close) {
        return new Bar("AAPL", start, Duration.ofMinutes(5), new BigDecimal(open), new BigDecimal(high),
                new BigDecimal(low), new BigDecimal(close), new BigDecimal("100000"), null, null);
    }
}
