package com.papertrader.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.papertrader.application.reporting.AgentPerformance;
import com.papertrader.application.trading.BarChanges;
import com.papertrader.application.trading.ScanOutcome;
import com.papertrader.application.trading.TradingChanges;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.trading.CashColumn;
import com.papertrader.domain.trading.execution.Broker;
import com.papertrader.domain.trading.execution.BrokerChanges;
import com.papertrader.domain.trading.execution.FeeModel;
import com.papertrader.domain.trading.execution.FillModel;
import com.papertrader.domain.trading.order.OrderRequest;
import com.papertrader.domain.trading.order.OrderSide;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent's results as the database keeps them: open positions counted, closed ones as running totals that the
 * triggers on positions keep (migration V13). Positions are written as the trading desk writes them ({@link JpaTradingStore},
 * from a real broker's changes), and the totals always equal a count over every position.
 */
class JpaAgentQueriesTest {

    private static final Instant OPEN = Instant.parse("2026-11-24T14:30:00Z"); // 09:30 New York
    private static final Duration BAR = Duration.ofMinutes(5);

    @TempDir
    Path dir;
    private EntityManagerFactory entityManagers;
    private Broker broker;
    private Instant barTime = OPEN;

    @BeforeEach
    void bootstrap() {
        entityManagers = start(dir);
        broker = new Broker(Clock.fixed(OPEN, ZoneOffset.UTC), FillModel.of(MarketCalendar.nyse()), FeeModel.free());
        for (String agent : List.of("alice", "bob")) {
            var account = broker.openAccount(agent, new BigDecimal("100000"), BigDecimal.ONE);
            save(List.of(), store -> store.save(account));
        }
    }

    /** The database the tests run on: a SQLite file here. */
    EntityManagerFactory start(Path directory) {
        return new SqliteTestDatabase(directory.resolve("agents.db")).start();
    }

    @AfterEach
    void close() {
        if (entityManagers != null) { // null where the database is not there (PostgreSQL outside its execution)
            entityManagers.close();
        }
    }

    @Test
    void roundTripsWinsAndProfitAndLossAreCountedPerAgentAsPositionsOpenAndClose() {
        // each step saved as the desk saves a bar event: the open position's row, then the same row closed
        saveEach(trade("alice", "AAPL", OrderSide.BUY, 10, "100"));
        assertResults("alice", 1, 0, 0, "0.00", "0.00");
        saveEach(trade("alice", "AAPL", OrderSide.SELL, 10, "102.55"));    // won 25.50
        saveEach(trade("alice", "MSFT", OrderSide.BUY, 10, "100"));
        saveEach(trade("alice", "MSFT", OrderSide.SELL, 10, "99"));        // lost 10.00
        saveEach(trade("alice", "NVDA", OrderSide.BUY, 10, "100"));
        saveEach(trade("alice", "NVDA", OrderSide.SELL, 10, "100"));       // break even: not a win
        saveEach(trade("alice", "TSLA", OrderSide.BUY, 10, "100"));
        saveEach(trade("alice", "TSLA", OrderSide.SELL, 4, "101"));        // a partial exit: 4.00 realized, 6 shares open
        // bob's whole round trip in one save: his position's row is inserted closed
        List<BrokerChanges> bob = new ArrayList<>(trade("bob", "AAPL", OrderSide.BUY, 10, "100"));
        bob.addAll(trade("bob", "AAPL", OrderSide.SELL, 10, "103"));
        save(bob, store -> { });

        AgentPerformance alice = assertResults("alice", 1, 3, 1, "19.50", "6.00");  // 25.50 - 10.00 + 0 + 4.00; 6 TSLA up 1.00
        assertEquals(Optional.of(new BigDecimal("0.3333")), alice.winRate());
        assertResults("bob", 0, 1, 1, "30.00", "0.00");
        assertEquals(counted(), listed(), "the running totals equal a count over every position");

        // a closed position's row removed by hand (SQL) leaves the totals exact too
        SqliteTestDatabase.inTransaction(entityManagers, em -> {
            em.createNativeQuery("DELETE FROM positions WHERE openedBy = 'alice' AND ticker = 'MSFT'").executeUpdate();
        });
        assertResults("alice", 1, 2, 1, "29.50", "6.00");
        assertEquals(counted(), listed());
    }

    /**
     * Submits a market order for the agent at this bar and fills it at the next bar's open ({@code price}, the bar
     * flat): the submission's changes and the fill's.
     */
    private List<BrokerChanges> trade(String agent, String ticker, OrderSide side, long quantity, String price) {
        BigDecimal at = new BigDecimal(price);
        BrokerChanges submitted = broker.submit(OrderRequest.builder(agent, ticker, side, barTime, at).quantity(quantity).build()).changes();
        barTime = barTime.plus(BAR);
        BrokerChanges filled = broker.onBar(new Bar(ticker, barTime, BAR, at, at, at, at, new BigDecimal("100000"), null, null));
        return List.of(submitted, filled);
    }

    private void saveEach(List<BrokerChanges> changes) {
        changes.forEach(change -> save(List.of(change), store -> { }));
    }

    /** The changes saved as the desk saves a bar event's, in one transaction, then {@code more}. */
    private void save(List<BrokerChanges> changes, Consumer<JpaTradingStore> more) {
        SqliteTestDatabase.inTransaction(entityManagers, em -> {
            JpaTradingStore store = new JpaTradingStore();
            store.em = em;
            if (!changes.isEmpty()) {
                TradingChanges event = new TradingChanges(10, 10);
                event.add(new Bar("AAPL", barTime, BAR, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ONE, null, null),
                        new BarChanges(changes, List.of(), new ScanOutcome(List.of(), List.of(), List.of())));
                store.save(event);
            }
            more.accept(store);
        });
    }

    private AgentPerformance assertResults(String agent, int open, int closed, int winning, String realized, String unrealized) {
        AgentPerformance one = performance(Optional.of(agent)).get(agent);
        assertEquals(List.of(open, closed, winning, new BigDecimal(realized), new BigDecimal(unrealized)),
                List.of(one.openPositions(), one.closedTrips(), one.winningTrips(), one.realizedPnl(), one.unrealizedPnl()), agent);
        assertEquals(fields(one), fields(performance(Optional.empty()).get(agent)), "the list shows what the agent's page shows");
        return one;
    }

    private Map<String, AgentPerformance> performance(Optional<String> agent) {
        return SqliteTestDatabase.inTransaction(entityManagers, em -> {
            return JpaAgentQueries.performance(em, agent);
        });
    }

    private Map<String, List<Object>> listed() {
        Map<String, List<Object>> listed = new HashMap<>();
        performance(Optional.empty()).forEach((agent, results) -> listed.put(agent, fields(results)));
        return listed;
    }

    /** Every agent's results counted over all its positions, as the list once did, in the same fields. */
    private Map<String, List<Object>> counted() {
        return SqliteTestDatabase.inTransaction(entityManagers, em -> {
            Map<String, List<Object>> counted = new HashMap<>();
            for (Object row : em.createNativeQuery("""
                    SELECT openedBy, count(CASE WHEN closedAt IS NULL THEN 1 END), count(CASE WHEN closedAt IS NOT NULL THEN 1 END),
                           count(CASE WHEN closedAt IS NOT NULL AND realizedPnl > 0 THEN 1 END), sum(realizedPnl),
                           sum(CASE WHEN closedAt IS NULL THEN unrealizedPnl ELSE 0 END)
                    FROM positions GROUP BY openedBy""").getResultList()) {
                Object[] columns = (Object[]) row;
                CashColumn cents = new CashColumn();
                counted.put((String) columns[0], List.of(((Number) columns[1]).intValue(), ((Number) columns[2]).intValue(),
                        ((Number) columns[3]).intValue(), cents.convertToEntityAttribute(((Number) columns[4]).longValue()),
                        cents.convertToEntityAttribute(((Number) columns[5]).longValue())));
            }
            return counted;
        });
    }

    private static List<Object> fields(AgentPerformance performance) {
        return List.of(performance.openPositions(), performance.closedTrips(), performance.winningTrips(), performance.realizedPnl(),
                performance.unrealizedPnl());
    }
}
