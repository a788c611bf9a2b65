package com.papertrader.domain.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.indicator.Indicators;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one adjustment rule and the scanner window's rescaling, on a 10-for-1 split of XYZ on Wednesday 2026-11-25. */
class CorporateActionsTest {

    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 25);
    private static final Split TEN_FOR_ONE = new Split("XYZ", WEDNESDAY, BigDecimal.ONE, BigDecimal.TEN, null);

    /** Tuesday's last four bars at 200, 202, 204, 206 and Wednesday's first three at 20.7, 20.9, 21.1 (raw, as traded). */
    private static final List<Bar> TUESDAY_BARS = TestBars.closes("XYZ", TestBars.at(2026, 11, 24, 15, 40), 200, 202, 204, 206);
    private static final List<Bar> WEDNESDAY_BARS = TestBars.closes("XYZ", TestBars.at(2026, 11, 25, 9, 30), 20.7, 20.9, 21.1);

    @Test
    void barsBeforeTheExecutionDateAreOnTheNewBasisFromThatDateOn() {
        CorporateActions actions = CorporateActions.of(List.of(TEN_FOR_ONE));
        Bar tuesday = TUESDAY_BARS.get(3);

        assertEquals(new BigDecimal("0.1"), actions.priceFactor("XYZ", tuesday.start(), WEDNESDAY).stripTrailingZeros());
        assertEquals(BigDecimal.ONE, actions.priceFactor("XYZ", tuesday.start(), TUESDAY), "seen on Tuesday: not yet split");
        assertEquals(BigDecimal.ONE, actions.priceFactor("XYZ", WEDNESDAY_BARS.get(0).start(), WEDNESDAY), "Wednesday's bars are native");
        Bar adjusted = actions.adjusted(tuesday, WEDNESDAY);
        assertEquals(0, new BigDecimal("20.6").compareTo(adjusted.close()));
        assertEquals(0, new BigDecimal("10000").compareTo(adjusted.volume()), "1,000 shares then are 10,000 now");
        assertEquals(tuesday, actions.adjusted(tuesday, TUESDAY));
    }

    @Test
    void factorsOfSeveralSplitsMultiply() {
        Split twoForOne = new Split("XYZ", LocalDate.of(2026, 12, 1), BigDecimal.ONE, new BigDecimal("2"), null);
        CorporateActions actions = CorporateActions.of(List.of(twoForOne, TEN_FOR_ONE));

        assertEquals(0, new BigDecimal("0.05").compareTo(actions.priceFactor("XYZ", TUESDAY_BARS.get(0).start(), LocalDate.of(2026, 12, 1))));
        assertEquals(0, new BigDecimal("0.5").compareTo(actions.priceFactor("XYZ", WEDNESDAY_BARS.get(0).start(), LocalDate.of(2026, 12, 1))));
        assertEquals(List.of(TEN_FOR_ONE, twoForOne), actions.of("XYZ"), "in date order");
        assertEquals(List.of(TEN_FOR_ONE), actions.effectiveBy("XYZ", WEDNESDAY));
    }

    @Test
    void aWindowRescaledAtTheSplitIsContinuousForItsIndicators() {
        BarWindow window = new BarWindow("XYZ", 10);
        TUESDAY_BARS.forEach(window::add);
        assertEquals(203.0, Indicators.sma(window, 4, 0), 1e-9);

        window.rescale(TEN_FOR_ONE);
        WEDNESDAY_BARS.forEach(window::add);

        // 20.0, 20.2, 20.4, 20.6 then 20.7, 20.9, 21.1: no 90% crash; the SMA(4) of the newest four is 20.825
        assertEquals(20.825, Indicators.sma(window, 4, 0), 1e-9);
        assertEquals(20.0, window.close(0), 1e-9);
        assertTrue(Indicators.lowest(window, 7, 0) > 19.9, "the lowest close is Tuesday's first, on the new basis");
    }

    @Test
    void aCorrectionReplacesTheActionWithTheSameKey() {
        Split corrected = new Split("XYZ", WEDNESDAY, BigDecimal.ONE, new BigDecimal("4"), "E2");

        CorporateActions actions = CorporateActions.of(List.of(TEN_FOR_ONE)).with(List.of(corrected));

        assertEquals(List.of(corrected), actions.of("XYZ"));
        assertTrue(corrected.corrects(TEN_FOR_ONE));
    }

    @Test
    void whatIsNotASplitOrADollarDividendIsRefusedNamingTheTicker() {
        assertEquals("Split of XYZ on 2026-11-25: the ratio must be positive, got 0 to 10",
                assertThrows(IllegalArgumentException.class, () -> new Split("XYZ", WEDNESDAY, BigDecimal.ZERO, BigDecimal.TEN, null))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Split("XYZ", WEDNESDAY, BigDecimal.ONE, new BigDecimal("-2"), null));
        assertEquals("Split of XYZ on 2026-11-25: 1-for-1 changes nothing (a stock dividend is not a split)",
                assertThrows(IllegalArgumentException.class, () -> new Split("XYZ", WEDNESDAY, BigDecimal.ONE, BigDecimal.ONE, null))
                        .getMessage());
        assertEquals("Dividend of XYZ ex 2026-11-25 is paid in CAD; only USD dividends are followed",
                assertThrows(IllegalArgumentException.class,
                        () -> new CashDividend("XYZ", WEDNESDAY, null, new BigDecimal("0.5"), "CAD", null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CashDividend("XYZ", WEDNESDAY, null, BigDecimal.ZERO, "USD", null));
    }
}
