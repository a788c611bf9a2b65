package com.papertrader.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.application.ingest.BarStore;
import com.papertrader.application.reporting.MarketQueries;
import com.papertrader.application.reporting.MarketQueries.TickerActivity;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.StoredBars;
import com.papertrader.infrastructure.persistence.DatabaseDefinition;
import com.papertrader.infrastructure.persistence.OhlcvRecord;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ohlcv_data on the real SQLite file through the application's JPA unit, inside WildFly. */
@ExtendWith(ArquillianExtension.class)
class BarStoreIT {

    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    /** 2026-03-04 09:30 ET, the first bar of the Polygon fixture day. */
    private static final Instant OPEN = Instant.parse("2026-03-04T14:30:00Z");

    @Deployment
    static WebArchive deployment() {
        return Deployments.war().addClasses(BarStoreIT.class, Deployments.class);
    }

    @Inject
    BarStore bars;

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction tx;

    @Resource(lookup = DatabaseDefinition.JNDI_NAME)
    DataSource dataSource;

    @Inject
    MarketQueries market;

    @Test
    void theMarketPageReadsEachTickersLastCloseThePreviousSessionsAndTodaysBars() {
        Instant dayBefore = OPEN.minus(Duration.ofDays(1));
        bars.upsert(List.of(
                bar("MKTA", dayBefore, "10", "11", "9", "10.50", "100", null, null),
                bar("MKTA", dayBefore.plus(FIVE_MINUTES), "10.5", "11", "10", "10.75", "100", null, null),
                bar("MKTA", OPEN, "10.8", "11.2", "10.7", "11.125", "100", null, null),
                bar("MKTA", OPEN.plus(FIVE_MINUTES), "11.1", "11.3", "11", "11.2", "100", null, null),
                bar("MKTB", OPEN, "20", "21", "19", "20.5", "100", null, null)));

        Map<String, TickerActivity> activity = market.activity(List.of("MKTA", "MKTB", "MKTNONE"), OPEN);

        TickerActivity a = activity.get("MKTA");
        assertEquals(OPEN.plus(FIVE_MINUTES), a.last().orElseThrow().barStart());
        assertEquals(0, new BigDecimal("11.2").compareTo(a.last().orElseThrow().close()));
        assertEquals(dayBefore.plus(FIVE_MINUTES), a.previous().orElseThrow().barStart(), "the last bar before the open");
        assertEquals(0, new BigDecimal("10.75").compareTo(a.previous().orElseThrow().close()));
        assertEquals(2, a.barsSinceOpen());
        assertTrue(activity.get("MKTB").previous().isEmpty(), "nothing stored before the open");
        assertEquals(1, activity.get("MKTB").barsSinceOpen());
        assertEquals(TickerActivity.NONE, activity.get("MKTNONE"));
    }

    @Test
    void barIsStoredOnceAndReadBackExactly() {
        Bar bar = bar("RTRIP", OPEN, "262.41", "263.88", "261.95", "263.52", "2184633", "262.9871", 31872L);

        StoredBars first = bars.upsert(List.of(bar));
        StoredBars again = bars.upsert(List.of(bar));

        assertEquals(List.of(bar), first.inserted());
        assertTrue(again.isEmpty(), "the same bar a second time changes nothing");
        List<Bar> stored = bars.latest("RTRIP", 10);
        assertEquals(1, stored.size());
        Bar read = stored.get(0);
        assertEquals(OPEN, read.start());
        assertEquals(0, new BigDecimal("262.41").compareTo(read.open()));
        assertEquals(0, new BigDecimal("263.52").compareTo(read.close()));
        assertEquals(0, new BigDecimal("2184633").compareTo(read.volume()));
        assertEquals(0, new BigDecimal("262.9871").compareTo(read.vwap()));
        assertEquals(31872L, read.trades());
        assertEquals(OPEN, bars.lastBarStart("RTRIP").orElseThrow());
    }

    @Test
    void revisedBarUpdatesItsRowInsteadOfAddingOne() {
        Bar original = bar("REVISE", OPEN, "100.00", "101.00", "99.50", "100.50", "1000", null, null);
        Bar revised = bar("REVISE", OPEN, "100.00", "101.20", "99.50", "101.10", "1250.5", null, null);

        bars.upsert(List.of(original));
        StoredBars result = bars.upsert(List.of(revised));

        assertEquals(List.of(revised), result.revised());
        assertEquals(List.of(), result.inserted());
        List<Bar> stored = bars.latest("REVISE", 10);
        assertEquals(1, stored.size());
        assertEquals(0, new BigDecimal("101.10").compareTo(stored.get(0).close()));
        assertEquals(0, new BigDecimal("1250.5").compareTo(stored.get(0).volume()));
    }

    @Test
    void uniqueKeyRefusesASecondRowForTheSameTickerAndBarStart() throws Exception {
        Bar bar = bar("UNIQ", OPEN, "50", "51", "49", "50.5", "10", null, null);
        bars.upsert(List.of(bar));

        tx.begin();
        try {
            PersistenceException refused = assertThrows(PersistenceException.class, () -> {
                em.persist(new OhlcvRecord(bar));
                em.flush();
            });
            assertInstanceOf(ConstraintViolationException.class, refused, "the database refused the key, whichever it is");
        } finally {
            tx.rollback();
        }
        assertEquals(1, bars.latest("UNIQ", 10).size());
    }

    @Test
    void latestReturnsTheNewestBarsOldestFirst() {
        List<Bar> day = List.of(
                bar("ORDER", OPEN, "10", "11", "9", "10", "1", null, null),
                bar("ORDER", OPEN.plus(FIVE_MINUTES), "10", "12", "9", "11", "1", null, null),
                bar("ORDER", OPEN.plus(FIVE_MINUTES.multipliedBy(2)), "11", "13", "10", "12", "1", null, null));

        bars.upsert(day);

        assertEquals(day.subList(1, 3).stream().map(Bar::start).toList(),
                bars.latest("ORDER", 2).stream().map(Bar::start).toList());
    }

    @Test
    void everyConnectionGetsTheDatabasesSettings() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if ("SQLite".equals(connection.getMetaData().getDatabaseProductName())) {
                assertEquals("wal", single(statement, "PRAGMA journal_mode"));
                assertEquals("10000", single(statement, "PRAGMA busy_timeout"));
            } else {
                assertEquals("PostgreSQL", connection.getMetaData().getDatabaseProductName());
                assertEquals("paper-trader", single(statement, "SELECT current_setting('application_name')"),
                        "the datasource definition's property reached the connection");
            }
        }
    }

    private static String single(Statement statement, String sql) throws Exception {
        try (ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next());
            return rows.getString(1);
        }
    }

    private static Bar bar(String ticker, Instant start, String open, String high, String low, String close,
                           String volume, String vwap, Long trades) {
        return new Bar(ticker, start, FIVE_MINUTES, new BigDecimal(open), new BigDecimal(high), new BigDecimal(low),
                new BigDecimal(close), new BigDecimal(volume), vwap == null ? null : new BigDecimal(vwap), trades);
    }
}
