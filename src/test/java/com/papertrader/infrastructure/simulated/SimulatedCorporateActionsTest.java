package com.papertrader.infrastructure.simulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.CashDividend;
import com.papertrader.domain.market.CorporateAction;
import com.papertrader.domain.market.CorporateActions;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.Split;
import com.papertrader.domain.market.Timeframe;
import java.math.MathContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulated market's splits and dividends: drawn from the seed, raw bars on the new basis from a split on. */
class SimulatedCorporateActionsTest {

    private static final MarketCalendar CALENDAR = MarketCalendar.nyse();
    private static final Timeframe FIVE_MINUTES = Timeframe.minutes(5);
    private static final Clock LATER = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate FROM = LocalDate.of(2025, 6, 1);

    private final SimulatedMarket market = new SimulatedMarket(42, FIVE_MINUTES, CALENDAR, LATER, 0.02, 0.03);

    @Test
    void splitsAndDividendsComeNowAndThenTheSameEveryTime() {
        List<CorporateAction> actions = market.fetch(List.of("SIMA", "SIMB"), FROM).actions();

        assertEquals(actions, market.fetch(List.of("SIMA", "SIMB"), FROM).actions());
        assertTrue(actions.stream().anyMatch(Split.class::isInstance), actions.toString());
        assertTrue(actions.stream().anyMatch(CashDividend.class::isInstance), actions.toString());
        assertTrue(actions.stream().allMatch(action -> !action.effectiveDate().isBefore(FROM)
                && !action.effectiveDate().isAfter(LocalDate.of(2026, 6, 8))), "from the date asked, a week ahead at most");
        assertTrue(new SimulatedMarket(42, FIVE_MINUTES, CALENDAR, LATER).fetch(List.of("SIMA"), FROM).actions().isEmpty(),
                "no chances, no actions");
    }

    @Test
    void barsAreRawAndTheOneRuleMakesThemContinuousAcrossASplit() {
        Split split = market.fetch(List.of("SIMA", "SIMB"), FROM).actions().stream()
                .filter(Split.class::isInstance).map(Split.class::cast).findFirst().orElseThrow();
        LocalDate before = split.executionDate().minusDays(1);
        while (!CALENDAR.isTradingDay(before)) {
            before = before.minusDays(1);
        }
        Bar lastBefore = lastBar(split.ticker(), before);
        Bar firstAfter = market.fetch(split.ticker(), CALENDAR.session(split.executionDate()).orElseThrow().open(),
                CALENDAR.session(split.executionDate()).orElseThrow().close()).bars().get(0);

        double rawJump = firstAfter.open().doubleValue() / lastBefore.close().doubleValue();
        double expectedJump = split.priceFactor().doubleValue();
        assertEquals(expectedJump, rawJump, expectedJump * 0.1, "the raw price moves by the split ratio (and a gap at most)");
        Bar adjusted = CorporateActions.of(List.of(split)).adjusted(lastBefore, split.executionDate());
        double adjustedJump = firstAfter.open().divide(adjusted.close(), MathContext.DECIMAL64).doubleValue();
        assertEquals(1.0, adjustedJump, 0.1, "adjusted, the series goes on: no split-sized jump");
        assertFalse(new SimulatedMarket(42, FIVE_MINUTES, CALENDAR, LATER).fetch(split.ticker(),
                CALENDAR.session(before).orElseThrow().open(), CALENDAR.session(before).orElseThrow().close()).bars().isEmpty());
        LocalDate anchorDay = LocalDate.of(2025, 1, 2);
        assertEquals(lastBar(split.ticker(), anchorDay, new SimulatedMarket(42, FIVE_MINUTES, CALENDAR, LATER)),
                lastBar(split.ticker(), anchorDay), "the walk's anchor day has no action: its bars are the same with or without chances");
    }

    private Bar lastBar(String ticker, LocalDate day) {
        return lastBar(ticker, day, market);
    }

    private static Bar lastBar(String ticker, LocalDate day, SimulatedMarket market) {
        List<Bar> bars = market.fetch(ticker, CALENDAR.session(day).orElseThrow().open(), CALENDAR.session(day).orElseThrow().close()).bars();
        return bars.get(bars.size() - 1);
    }
}
