package com.papertrader.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.market.Ticker;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BarQueryTest {

    @Test
    void withoutParametersItIsTheNewestDefaultPageOfAllTime() {
        BarQuery query = BarQuery.parse("aapl", null, "", null);

        assertEquals(new BarQuery(Ticker.of("AAPL"), BarQuery.EARLIEST, BarQuery.LATEST, 500), query);
    }

    @Test
    void aDateIsThatDayInNewYorkFromItsStartThroughItsEnd() {
        BarQuery query = BarQuery.parse("SPY", "2026-06-10", "2026-06-10", "50");

        // EDT is UTC-4 in June: the New York day runs 04:00Z to 04:00Z the next day
        assertEquals(Instant.parse("2026-06-10T04:00:00Z"), query.from());
        assertEquals(Instant.parse("2026-06-11T04:00:00Z"), query.to());
        assertEquals(50, query.limit());
    }

    @Test
    void instantsAndOffsetTimesAreTakenAsGiven() {
        BarQuery query = BarQuery.parse("SPY", "2026-06-10T13:30:00Z", "2026-06-10T10:00:00-04:00", null);

        assertEquals(Instant.parse("2026-06-10T13:30:00Z"), query.from());
        assertEquals(Instant.parse("2026-06-10T14:00:00Z"), query.to());
    }

    @Test
    void aLargeLimitIsCapped() {
        assertEquals(BarQuery.MAX_LIMIT, BarQuery.parse("SPY", null, null, "1000000").limit());
    }

    @Test
    void badInputIsRefusedWithAMessageNamingIt() {
        assertEquals("'BAD$' is not a ticker (1-10 letters, digits, dots or dashes, starting with a letter)",
                assertThrows(IllegalArgumentException.class, () -> BarQuery.parse("BAD$", null, null, null)).getMessage());
        assertEquals("from '2026-13-01' is not a date (2026-06-10) or an ISO-8601 instant (2026-06-10T13:30:00Z)",
                assertThrows(IllegalArgumentException.class, () -> BarQuery.parse("SPY", "2026-13-01", null, null)).getMessage());
        assertEquals("to 'yesterday' is not a date (2026-06-10) or an ISO-8601 instant (2026-06-10T13:30:00Z)",
                assertThrows(IllegalArgumentException.class, () -> BarQuery.parse("SPY", null, "yesterday", null)).getMessage());
        assertEquals("limit '0' must be a whole number from 1 (larger than 2000 is capped to 2000)",
                assertThrows(IllegalArgumentException.class, () -> BarQuery.parse("SPY", null, null, "0")).getMessage());
        assertEquals("limit 'ten' must be a whole number from 1 (larger than 2000 is capped to 2000)",
                assertThrows(IllegalArgumentException.class, () -> BarQuery.parse("SPY", null, null, "ten")).getMessage());
        assertEquals("from (2026-06-11T04:00:00Z) must be before to (2026-06-10T04:00:00Z)",
                assertThrows(IllegalArgumentException.class, () -> BarQuery.parse("SPY", "2026-06-11", "2026-06-09", null)).getMessage());
    }

    @Test
    void anAgentFilterIsAnAgentIdOrNothing() {
        assertEquals(Optional.empty(), BarQuery.agent(" "));
        assertEquals(Optional.of(AgentId.of("sma-crossover")), BarQuery.agent("sma-crossover"));
        assertThrows(IllegalArgumentException.class, () -> BarQuery.agent("Robert'); DROP TABLE"));
    }
}
