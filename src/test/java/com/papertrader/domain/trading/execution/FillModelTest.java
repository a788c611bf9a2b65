package com.papertrader.domain.trading.execution;

import static com.papertrader.domain.trading.TradingFixtures.TUESDAY_OPEN;
import static com.papertrader.domain.trading.TradingFixtures.bar;
import static com.papertrader.domain.trading.TradingFixtures.d;
import static com.papertrader.domain.trading.TradingFixtures.gtc;
import static com.papertrader.domain.trading.TradingFixtures.minutesAfter;
import static com.papertrader.domain.trading.TradingFixtures.workingOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.order.OrderRequest;
import com.papertrader.domain.trading.order.OrderRole;
import com.papertrader.domain.trading.order.OrderSide;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every fill rule, one bar at a time. Orders are placed at the close of the 09:30 bar and meet the 09:35 bar. */
class FillModelTest {

    private static final Instant SIGNAL_BAR = TUESDAY_OPEN;
    private static final Instant NEXT_BAR = minutesAfter(TUESDAY_OPEN, 5);

    private final FillModel model = FillModel.of(MarketCalendar.nyse());

    @Test
    void aMarketOrderFillsAtTheNextBarsOpenNeverOnItsOwnBar() {
        Order buy = order(OrderSide.BUY, builder -> builder);
        assertSame(FillDecision.NONE, model.decide(buy, bar("AAPL", SIGNAL_BAR, "100", "101", "99", "100.5")));
        assertPrice("100.2500", model.decide(buy, next("100.25", "101", "99", "100.5")));
    }

    @Test
    void slippageWorksAgainstTheTraderOnMarketOrders() {
        FillModel slipping = model.withSlippage(d("5"));
        assertPrice("123.5117", slipping.decide(order(OrderSide.BUY, b -> b), next("123.45", "124", "123", "123.5")));
        assertPrice("123.3883", slipping.decide(order(OrderSide.SELL, b -> b), next("123.45", "124", "123", "123.5")));
    }

    @Test
    void aBuyLimitFillsWhenTouchedAtTheLimitOrAtAGapDownOpen() {
        Order buy = order(OrderSide.BUY, b -> b.limit(d("99")));
        assertPrice("99.0000", model.decide(buy, next("100", "101", "99", "100.5")));       // touched exactly
        assertPrice("98.0000", model.decide(buy, next("98", "99.5", "97.5", "99")));        // opened below the limit
        assertSame(FillDecision.NONE, model.decide(buy, next("100", "101", "99.01", "100"))); // never reached
    }

    @Test
    void aSellLimitFillsWhenTouchedAtTheLimitOrAtAGapUpOpen() {
        Order sell = order(OrderSide.SELL, b -> b.limit(d("101")));
        assertPrice("101.0000", model.decide(sell, next("100", "101.5", "99.5", "101")));
        assertPrice("102.0000", model.decide(sell, next("102", "103", "101.5", "102.5")));
        assertSame(FillDecision.NONE, model.decide(sell, next("100", "100.99", "99", "100")));
    }

    @Test
    void limitFillsGetNoSlippage() {
        Order buy = order(OrderSide.BUY, b -> b.limit(d("99")));
        assertPrice("99.0000", model.withSlippage(d("50")).decide(buy, next("100", "101", "98", "100")));
    }

    @Test
    void aBuyStopTriggersWhenTouchedAndFillsAtTheStopOrAtAGapUpOpen() {
        Order buy = order(OrderSide.BUY, b -> b.stop(d("101")));
        FillDecision touched = model.decide(buy, next("100", "101.2", "99.8", "101"));
        assertTrue(touched.triggers());
        assertPrice("101.0000", touched);
        assertPrice("102.0000", model.decide(buy, next("102", "103", "101.5", "102.5")));
        assertSame(FillDecision.NONE, model.decide(buy, next("100", "100.99", "99", "100")));
    }

    @Test
    void aSellStopFillsAtTheStopOrAtAGapDownOpenWithSlippage() {
        Order sell = order(OrderSide.SELL, b -> b.stop(d("99")));
        assertPrice("99.0000", model.decide(sell, next("100", "100.5", "98.8", "99.2")));
        assertPrice("98.0000", model.decide(sell, next("98", "98.5", "97", "97.5")));
        assertPrice("97.9020", model.withSlippage(d("10")).decide(sell, next("98", "98.5", "97", "97.5"))); // 98 x 0.999
    }

    @Test
    void aTriggeredStopsRemainderIsAMarketOrder() {
        Order sell = order(OrderSide.SELL, b -> b.stop(d("99")));
        sell.trigger(NEXT_BAR);
        assertPrice("99.5000", model.decide(sell, bar("AAPL", minutesAfter(NEXT_BAR, 5), "99.5", "100", "99.2", "99.8")));
    }

    @Test
    void aStopLimitFillsOnItsTriggerBarOnlyWithinTheLimitThenWorksAsALimit() {
        Order buy = order(OrderSide.BUY, b -> b.stopLimit(d("101"), d("101.5")));
        assertPrice("101.0000", model.decide(buy, next("100", "101.2", "99.8", "101")));

        FillDecision gappedOverLimit = model.decide(buy, next("102", "103", "101.6", "102.5"));
        assertTrue(gappedOverLimit.triggers());
        assertFalse(gappedOverLimit.fills());

        buy.trigger(NEXT_BAR);
        Instant later = minutesAfter(NEXT_BAR, 5);
        assertPrice("101.5000", model.decide(buy, bar("AAPL", later, "101.8", "102", "101.4", "101.6")));
        assertPrice("101.3000", model.decide(buy, bar("AAPL", later, "101.3", "101.9", "101", "101.6")));
        assertSame(FillDecision.NONE, model.decide(buy, bar("AAPL", later, "102", "102.5", "101.6", "102")));
    }

    @Test
    void aSellStopLimitMirrorsTheBuy() {
        Order sell = order(OrderSide.SELL, b -> b.stopLimit(d("99"), d("98.5")));
        assertPrice("98.6000", model.decide(sell, next("98.6", "99.2", "98", "98.2")));  // gapped below the stop, above the limit
        FillDecision belowLimit = model.decide(sell, next("98", "98.4", "97", "97.5"));
        assertTrue(belowLimit.triggers());
        assertNull(belowLimit.price());
    }

    @Test
    void nothingFillsWhileTheMarketIsClosed() {
        Order buy = order(OrderSide.BUY, b -> b);
        Stream.of(Instant.parse("2026-11-24T21:00:00Z"),  // 16:00 New York, after hours
                        Instant.parse("2026-11-24T14:25:00Z"),  // 09:25, pre-market
                        Instant.parse("2026-11-26T15:00:00Z"),  // Thanksgiving
                        Instant.parse("2026-11-28T15:00:00Z"),  // Saturday
                        Instant.parse("2026-11-27T18:00:00Z"))  // 13:00 on the early-close day
                .forEach(start -> assertSame(FillDecision.NONE,
                        model.decide(buy, bar("AAPL", start, "100", "101", "99", "100")), start.toString()));
        assertTrue(model.decide(buy, bar("AAPL", Instant.parse("2026-11-27T17:55:00Z"), "100", "101", "99", "100")).fills());
    }

    @Test
    void theVolumeCapLimitsWhatABarCanFill() {
        Bar bar = next("100", "101", "99", "100", "12345");
        assertEquals(1234, model.withVolumeCap(d("10")).liquidity(bar));
        assertEquals(Long.MAX_VALUE, model.liquidity(bar));
        assertThrows(IllegalArgumentException.class, () -> model.withVolumeCap(d("0")));
    }

    @Test
    void betweenBracketLegsTheStopLossComesFirstUnlessConfigured() {
        Order entry = order(OrderSide.BUY, b -> b);
        Order target = entry.bracketLeg(OrderRole.TAKE_PROFIT, d("110"), entry.createdAt());
        Order stop = entry.bracketLeg(OrderRole.STOP_LOSS, d("95"), entry.createdAt());
        assertEquals(List.of(stop, target), Stream.of(target, stop).sorted(model.priority()).toList());
        assertEquals(List.of(target, stop), Stream.of(stop, target)
                .sorted(model.withSameBarExits(SameBarExits.TAKE_PROFIT_FIRST).priority()).toList());
    }

    @Test
    void refusesABarOfAnotherTicker() {
        Order buy = order(OrderSide.BUY, b -> b);
        assertThrows(IllegalArgumentException.class, () -> model.decide(buy, bar("MSFT", NEXT_BAR, "1", "1", "1", "1")));
    }

    private static Bar next(String open, String high, String low, String close) {
        return bar("AAPL", NEXT_BAR, open, high, low, close);
    }

    private static Bar next(String open, String high, String low, String close, String volume) {
        return bar("AAPL", NEXT_BAR, open, high, low, close, volume);
    }

    private static Order order(OrderSide side, UnaryOperator<OrderRequest.Builder> type) {
        return workingOrder(type.apply(gtc("alice", "AAPL", side, SIGNAL_BAR, "100").quantity(100)).build(), 100);
    }

    private static void assertPrice(String expected, FillDecision decision) {
        assertTrue(decision.fills(), "expected a fill at " + expected);
        assertEquals(expected, decision.price().toPlainString());
        assertEquals(new BigDecimal(expected).scale(), decision.price().scale());
    }
}
