package com.papertrader.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.papertrader.application.reporting.AgentPerformance;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An agent's results as the database counts them over the positions it opened. */
class JpaAgentQueriesTest {

    @TempDir
    Path dir;
    private EntityManagerFactory entityManagers;

    @BeforeEach
    void bootstrap() {
        entityManagers = new SqliteTestDatabase(dir.resolve("agents.db")).start();
    }

    @AfterEach
    void close() {
        entityManagers.close();
    }

    @Test
    void roundTripsWinsAndProfitAndLossAreCountedPerAgent() {
        position("alice", 1, true, 2550, 0);      // closed, won
        position("alice", 2, true, -1000, 0);     // closed, lost
        position("alice", 3, true, 0, 0);         // closed, break-even: not a win
        position("alice", 4, false, 400, -125);   // open, partly exited: not a round trip yet
        position("bob", 5, false, 0, 300);

        Map<String, AgentPerformance> performance = SqliteTestDatabase.inTransaction(entityManagers, em -> {
            return JpaAgentQueries.performance(em.createNativeQuery(JpaAgentQueries.PERFORMANCE + " GROUP BY openedBy"));
        });

        AgentPerformance alice = performance.get("alice");
        assertEquals(1, alice.openPositions());
        assertEquals(3, alice.closedTrips());
        assertEquals(1, alice.winningTrips());
        assertEquals(Optional.of(new BigDecimal("0.3333")), alice.winRate());
        assertEquals(new BigDecimal("19.50"), alice.realizedPnl(), "25.50 - 10.00 + 0 + 4.00");
        assertEquals(new BigDecimal("-1.25"), alice.unrealizedPnl(), "the open position's only");
        assertEquals(new BigDecimal("3.00"), performance.get("bob").unrealizedPnl());
        assertEquals(Optional.empty(), performance.get("bob").winRate());
    }

    /** A position as the trading store writes it: cash in cents, prices in ten-thousandths, times in epoch milliseconds. */
    private void position(String agent, int n, boolean closed, long realizedCents, long unrealizedCents) {
        SqliteTestDatabase.inTransaction(entityManagers, em -> {
            em.createNativeQuery("INSERT INTO positions (id, accountId, averagePrice, closedAt, costBasis, lastPrice, markedAt, marketValue,"
                            + " openedAt, openedBy, quantity, realizedPnl, side, ticker, unrealizedPnl)"
                            + " VALUES (?1, ?2, 1000000, ?3, 0, 1000000, 1700000000000, 0, 1700000000000, ?2, ?4, ?5, 'LONG', 'AAPL', ?6)")
                    .setParameter(1, agent + "|" + n)
                    .setParameter(2, agent)
                    .setParameter(3, closed ? 1700003600000L : null)
                    .setParameter(4, closed ? 0 : 10)
                    .setParameter(5, realizedCents)
                    .setParameter(6, unrealizedCents)
                    .executeUpdate();
        });
    }
}
