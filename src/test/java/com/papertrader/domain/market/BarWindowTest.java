package com.papertrader.domain.market;

import static com.papertrader.domain.market.TestBars.at;
import static com.papertrader.domain.market.TestBars.bar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarWindowTest {

    private static final Instant OPEN = at(2025, 3, 14, 9, 30);

    @Test
    void holdsBarsOldestFirstWithTheirPricesAsDoubles() {
        BarWindow window = new BarWindow("AAPL", 10);
        Bar first = bar("AAPL", OPEN, "100.5", "101.25", "99.75", "101", "1500");
        Bar second = bar("AAPL", OPEN.plusSeconds(300), "101", "102", "100.5", "101.5", "900.5");
        window.add(first);
        window.add(second);

        assertEquals(2, window.size());
        assertSame(first, window.bar(0));
        assertSame(second, window.newest());
        assertEquals(OPEN.toEpochMilli(), window.time(0));
        assertEquals(100.5, window.open(0));
        assertEquals(101.25, window.high(0));
        assertEquals(99.75, window.low(0));
        assertEquals(101.0, window.close(0));
        assertEquals(900.5, window.volume(1));
        assertTrue(Double.isNaN(window.vwap(0)), "no vwap from the source");
    }

    @Test
    void keepsOnlyTheNewestBarsWhenFull() {
        BarWindow window = TestBars.window(3, TestBars.closes("AAPL", OPEN, 1, 2, 3, 4, 5));

        assertEquals(3, window.size());
        assertEquals(3, window.capacity());
        assertEquals(List.of(3.0, 4.0, 5.0), List.of(window.close(0), window.close(1), window.close(2)));
        assertEquals(OPEN.plusSeconds(4 * 300), window.newest().start());
    }

    @Test
    void aBarWithTheStartOfAHeldBarRevisesIt() {
        BarWindow window = TestBars.window(5, TestBars.closes("AAPL", OPEN, 1, 2, 3));
        window.add(bar("AAPL", OPEN.plusSeconds(600), "3", "3.5", "3", "3.4", "2000"));
        window.add(bar("AAPL", OPEN.plusSeconds(300), "2", "2.2", "1.9", "2.1", "500"));

        assertEquals(3, window.size());
        assertEquals(3.4, window.close(2));
        assertEquals(2.1, window.close(1));
        assertEquals(new BigDecimal("500"), window.bar(1).volume());
    }

    @Test
    void refusesBarsOutOfOrderOrOfAnotherTicker() {
        BarWindow window = TestBars.window(5, TestBars.closes("AAPL", OPEN, 1, 2, 3));

        IllegalArgumentException older = assertThrows(IllegalArgumentException.class,
                () -> window.add(bar("AAPL", OPEN.minusSeconds(300), "1", "1", "1", "1", "1")));
        assertTrue(older.getMessage().contains("out of order"), older.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> window.add(bar("AAPL", OPEN.plusSeconds(150), "1", "1", "1", "1", "1")));
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> window.add(bar("MSFT", OPEN.plusSeconds(900), "1", "1", "1", "1", "1")));
        assertTrue(other.getMessage().contains("MSFT") && other.getMessage().contains("AAPL"), other.getMessage());
    }

    @Test
    void refusesIndexesOutsideTheBarsHeld() {
        BarWindow window = new BarWindow("AAPL", 5);
        assertThrows(IllegalStateException.class, window::newest);
        window.add(bar("AAPL", OPEN, "1", "1", "1", "1", "1"));
        assertThrows(IndexOutOfBoundsException.class, () -> window.close(1));
        assertThrows(IndexOutOfBoundsException.class, () -> window.close(-1));
        assertThrows(IllegalArgumentException.class, () -> new BarWindow("AAPL", 0));
    }

    @Test
    void keepsDerivedValuesUntilABarChangesAndAtMostTheNewestUsed() {
        BarWindow window = TestBars.window(10, TestBars.closes("TEST", OPEN, 1, 2, 3));
        Object first = window.derived("a", key -> new Object());
        assertSame(first, window.derived("a", key -> new Object()));
        window.add(bar("TEST", OPEN.plusSeconds(900), "4", "4", "4", "4", "1000"));
        assertSame(first, window.derived("a", key -> new Object()), "a new bar keeps it");
        window.add(bar("TEST", OPEN.plusSeconds(900), "5", "5", "5", "5", "1000"));
        assertNotSame(first, window.derived("a", key -> new Object()), "a revised bar drops it");

        Object used = window.derived("used", key -> new Object());
        for (int i = 0; i < BarWindow.MAX_DERIVED * 3; i++) {
            window.derived(i, key -> new Object());
            assertSame(used, window.derived("used", key -> new Object()), "the one read every time stays");
        }
        Object again = new Object();
        assertSame(again, window.derived(0, key -> again), "the least recently used were dropped");
    }
}
