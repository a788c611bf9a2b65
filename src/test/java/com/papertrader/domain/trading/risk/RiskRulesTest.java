package com.papertrader.domain.trading.risk;

import static com.papertrader.domain.trading.TradingFixtures.TUESDAY_OPEN;
import static com.papertrader.domain.trading.TradingFixtures.d;
import static com.papertrader.domain.trading.TradingFixtures.fill;
import static com.papertrader.domain.trading.TradingFixtures.gtc;
import static com.papertrader.domain.trading.TradingFixtures.minutesAfter;
import static com.papertrader.domain.trading.TradingFixtures.position;
import static com.papertrader.domain.trading.TradingFixtures.workingOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.trading.Money;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.order.OrderRequest;
import com.papertrader.domain.trading.order.OrderSide;
import com.papertrader.domain.trading.portfolio.Account;
import com.papertrader.domain.trading.portfolio.Position;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Each rule denies with its reason and lets the rest pass. Account "alice" has 100,000.00 in cash. */
class RiskRulesTest {

    private static final Instant NOW = minutesAfter(TUESDAY_OPEN, 5);

    private final Account account = Account.open("alice", d("100000"), BigDecimal.ONE, TUESDAY_OPEN);

    @Test
    void killSwitchRefusesEntriesButNotExits() {
        Scenario s = new Scenario().killSwitch();
        assertEquals(Optional.of("kill switch engaged: new entries are refused"),
                new KillSwitchRule().check(s.check(buy("AAPL"), 10)));
        assertEquals(Optional.empty(), new KillSwitchRule().check(s.holding(position("alice", "AAPL", OrderSide.BUY, 10, "100"))
                .check(sell("AAPL"), 10)));
        assertEquals(Optional.empty(), new KillSwitchRule().check(new Scenario().check(buy("AAPL"), 10)));
    }

    @Test
    void aCoolDownRefusesEntriesOnceTheAgentLostItsLimitInARowTodayButNotExits() {
        Scenario s = new Scenario().limits(RiskLimits.DEFAULTS.withCoolDownAfterLosses(3));
        assertEquals(Optional.empty(), new CoolDownRule().check(s.check(buy("AAPL"), 10, 2)));
        assertEquals(Optional.of("cool-down: 3 losing trades in a row today (limit 3); no new entries until the next trading day"),
                new CoolDownRule().check(s.check(buy("AAPL"), 10, 3)));
        assertEquals(Optional.empty(), new CoolDownRule().check(s.holding(position("alice", "AAPL", OrderSide.BUY, 10, "100"))
                .check(sell("AAPL"), 10, 5)), "exits go on");
        assertEquals(Optional.empty(), new CoolDownRule().check(new Scenario().check(buy("AAPL"), 10, 9)), "no limit, no cool-down");
    }

    @Test
    void aHaltedAccountTakesNoEntriesForTheDay() {
        account.haltForDay(LocalDate.of(2026, 11, 24), "day P&L -600.00 breached the max daily loss of 500.00");
        assertEquals(Optional.of("account alice is halted for 2026-11-24: day P&L -600.00 breached the max daily loss of 500.00"),
                new TradingHaltRule().check(new Scenario().check(buy("AAPL"), 10)));
        assertEquals(Optional.empty(), new TradingHaltRule().check(new Scenario()
                .holding(position("alice", "AAPL", OrderSide.BUY, 10, "100")).check(sell("AAPL"), 10)));
        assertEquals(Optional.empty(), new TradingHaltRule().check(new Scenario().at(NOW.plusSeconds(86_400)).check(buy("AAPL"), 10)));
    }

    @Test
    void maxDailyLossBreachIsMeasuredFromThePreviousClose() {
        RiskLimits limits = RiskLimits.DEFAULTS.withMaxDailyLoss(d("500"));
        account.revalue(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, NOW);
        assertEquals(Optional.empty(), limits.dailyLossBreach(account));
        account.recordFill(fill("alice", "AAPL", OrderSide.BUY, 1000, "50", "0", NOW),
                BigDecimal.ZERO);
        account.revalue(d("49500"), BigDecimal.ZERO, d("-500"), NOW);
        assertEquals(Optional.of("day P&L -500.00 breached the max daily loss of 500.00"), limits.dailyLossBreach(account));
        assertEquals(Optional.empty(), RiskLimits.DEFAULTS.withMaxDailyLoss(null).dailyLossBreach(account));
    }

    @Test
    void ordersNeverCrossThroughZero() {
        Scenario longAapl = new Scenario().holding(position("alice", "AAPL", OrderSide.BUY, 100, "100"));
        PositionDirectionRule rule = new PositionDirectionRule();
        assertEquals(Optional.of("sell 150 AAPL exceeds the LONG position of 100 shares (orders never cross through zero)"),
                rule.check(longAapl.check(sell("AAPL"), 150)));
        assertEquals(Optional.of("cannot sell short AAPL while LONG 100 shares: sell first"),
                rule.check(longAapl.check(request("AAPL", OrderSide.SELL_SHORT), 10)));
        assertEquals(Optional.of("no SHORT position in AAPL to buy to cover"),
                rule.check(longAapl.check(request("AAPL", OrderSide.BUY_TO_COVER), 10)));
        assertEquals(Optional.of("no LONG position in MSFT to sell"), rule.check(longAapl.check(sell("MSFT"), 10)));
        assertEquals(Optional.empty(), rule.check(longAapl.check(sell("AAPL"), 100)));
        assertEquals(Optional.empty(), rule.check(longAapl.check(buy("AAPL"), 100)));
    }

    @Test
    void anOrderSizedToNothingIsRefused() {
        assertEquals(Optional.of("order size resolves to 0 shares of AAPL at 100.0000"),
                new PositiveQuantityRule().check(new Scenario().check(buy("AAPL"), 0)));
        assertEquals(Optional.empty(), new PositiveQuantityRule().check(new Scenario().check(buy("AAPL"), 1)));
    }

    @Test
    void bracketPricesMustLieOnTheRightSideOfTheEntry() {
        BracketRule rule = new BracketRule();
        Scenario s = new Scenario();
        assertEquals(Optional.of("stop loss 100.5000 must be below the entry price 100.0000 for a buy"),
                rule.check(s.check(builder("AAPL", OrderSide.BUY).stopLoss(d("100.5")).build(), 10)));
        assertEquals(Optional.of("take profit 99.0000 must be above the entry price 100.0000 for a buy"),
                rule.check(s.check(builder("AAPL", OrderSide.BUY).takeProfit(d("99")).build(), 10)));
        assertEquals(Optional.of("stop loss 99.0000 must be above the entry price 100.0000 for a sell short"),
                rule.check(s.check(builder("AAPL", OrderSide.SELL_SHORT).stopLoss(d("99")).build(), 10)));
        assertEquals(Optional.of("stop loss and take profit apply to entries only, not to a sell"),
                rule.check(s.check(builder("AAPL", OrderSide.SELL).stopLoss(d("90")).build(), 10)));
        assertEquals(Optional.empty(), rule.check(s.check(builder("AAPL", OrderSide.BUY)
                .stopLoss(d("95")).takeProfit(d("110")).build(), 10)));
        assertEquals(Optional.empty(), rule.check(s.check(builder("AAPL", OrderSide.SELL_SHORT)
                .stopLoss(d("105")).takeProfit(d("90")).build(), 10)));
    }

    @Test
    void noSecondEntryUnlessPyramiding() {
        PyramidingRule rule = new PyramidingRule();
        Scenario holding = new Scenario().holding(position("alice", "AAPL", OrderSide.BUY, 100, "100"));
        assertEquals(Optional.of("account alice already holds AAPL and pyramiding is not allowed"),
                rule.check(holding.check(buy("AAPL"), 10)));
        assertEquals(Optional.empty(), rule.check(holding.limits(RiskLimits.DEFAULTS.withPyramiding(true)).check(buy("AAPL"), 10)));

        Scenario pending = new Scenario().working(workingOrder(buy("MSFT"), 10));
        assertEquals(Optional.of("an entry order for MSFT is already working and pyramiding is not allowed"),
                rule.check(pending.check(buy("MSFT"), 10)));
        assertEquals(Optional.empty(), rule.check(pending.check(buy("AAPL"), 10)));
    }

    @Test
    void maxOpenPositionsCountsHeldAndPendingTickers() {
        MaxOpenPositionsRule rule = new MaxOpenPositionsRule();
        Scenario full = new Scenario().limits(RiskLimits.DEFAULTS.withMaxOpenPositions(2).withPyramiding(true))
                .holding(position("alice", "AAPL", OrderSide.BUY, 10, "100"))
                .working(workingOrder(buy("MSFT"), 10));
        assertEquals(Optional.of("account alice has 2 open positions, the maximum is 2"), rule.check(full.check(buy("NVDA"), 10)));
        assertEquals(Optional.empty(), rule.check(full.check(buy("AAPL"), 10)));
        assertEquals(Optional.empty(), rule.check(full.check(buy("MSFT"), 10)));
        assertEquals(Optional.empty(), rule.check(full.check(sell("AAPL"), 10)));
    }

    @Test
    void maxPositionSizeInSharesAndNotional() {
        MaxPositionSizeRule rule = new MaxPositionSizeRule();
        Scenario s = new Scenario().limits(RiskLimits.DEFAULTS.withPyramiding(true).withMaxPositionShares(150L)
                        .withMaxPositionNotional(d("12000")))
                .holding(position("alice", "AAPL", OrderSide.BUY, 100, "100"));
        assertEquals(Optional.of("position of 160 AAPL would exceed the max of 150 shares"), rule.check(s.check(buy("AAPL"), 60)));
        assertEquals(Optional.of("position of 12100.00 in AAPL would exceed the max notional of 12000.00"),
                rule.check(s.check(buy("AAPL"), 21)));
        assertEquals(Optional.empty(), rule.check(s.check(buy("AAPL"), 20)));
    }

    @Test
    void buyingPowerCoversValueCommissionAndWhatWorkingEntriesReserve() {
        BuyingPowerRule rule = new BuyingPowerRule();
        Scenario s = new Scenario().working(workingOrder(buy("MSFT"), 500)); // reserves 50,000.00
        assertEquals(Optional.empty(), rule.check(s.commission("0").check(buy("AAPL"), 500)));
        assertEquals(Optional.of("needs buying power of 50001.00 but account alice has 50000.00 available"),
                rule.check(s.commission("1.00").check(buy("AAPL"), 500)));
        assertEquals(Optional.empty(), rule.check(s.holding(position("alice", "AAPL", OrderSide.BUY, 10_000, "100"))
                .check(sell("AAPL"), 10_000)));
    }

    @Test
    void noEntriesInsideTheFlattenWindowEarlyClosesIncluded() {
        FlattenWindowRule rule = new FlattenWindowRule();
        Scenario flatten15 = new Scenario().limits(RiskLimits.DEFAULTS.withFlattenMinutesBeforeClose(15));
        assertEquals(Optional.of("no new entries in the last 15 minutes before the close at 2026-11-27T18:00:00Z (end-of-day flatten)"),
                rule.check(flatten15.at(Instant.parse("2026-11-27T17:45:00Z")).check(buy("AAPL"), 10)));
        assertEquals(Optional.empty(), rule.check(flatten15.at(Instant.parse("2026-11-27T17:44:59Z")).check(buy("AAPL"), 10)));
        assertEquals(Optional.empty(), rule.check(flatten15.at(Instant.parse("2026-11-24T20:30:00Z")).check(buy("AAPL"), 10)));
        assertEquals(Optional.empty(), rule.check(flatten15.at(Instant.parse("2026-11-27T17:50:00Z")).check(sell("AAPL"), 10)));
        assertEquals(Optional.empty(), rule.check(new Scenario().at(Instant.parse("2026-11-27T17:59:00Z")).check(buy("AAPL"), 10)));
    }

    @Test
    void theStandardListReportsTheFirstDenialWithItsRule() {
        Scenario s = new Scenario().killSwitch().commission("0");
        assertEquals(Optional.of(new RiskDenial("kill switch", "kill switch engaged: new entries are refused")),
                RiskRules.firstDenial(RiskRules.standard(), s.check(buy("AAPL"), 5_000)));
        assertEquals(Optional.of(new RiskDenial("max position size", "position of 500000.00 in AAPL would exceed the max notional of 25000.00")),
                RiskRules.firstDenial(RiskRules.standard(), new Scenario().check(buy("AAPL"), 5_000)));
        assertEquals(Optional.empty(), RiskRules.firstDenial(RiskRules.standard(), new Scenario().check(buy("AAPL"), 100)));
    }

    @Test
    void everyStandardRuleHasItsOwnName() {
        List<String> names = RiskRules.standard().stream().map(RiskRule::name).toList();

        assertEquals(List.of("kill switch", "trading halt", "drawdown lock", "cool-down", "position direction", "positive quantity",
                "bracket", "pyramiding", "max open positions", "max position size", "buying power", "flatten window"), names,
                "counts are stored under these names: renaming one splits its counts");
    }

    @Test
    void limitsRefuseNonsense() {
        assertThrows(IllegalArgumentException.class, () -> RiskLimits.DEFAULTS.withMaxOpenPositions(0));
        assertThrows(IllegalArgumentException.class, () -> RiskLimits.DEFAULTS.withPositionSizePercent(d("150")));
        assertThrows(IllegalArgumentException.class, () -> RiskLimits.DEFAULTS.withBracketPercents(d("100"), null));
        assertThrows(IllegalArgumentException.class, () -> RiskLimits.DEFAULTS.withBracketPercents(null, d("100")));
        assertThrows(IllegalArgumentException.class, () -> RiskLimits.DEFAULTS.withMaxDailyLoss(d("-1")));
    }

    private static OrderRequest.Builder builder(String ticker, OrderSide side) {
        return gtc("alice", ticker, side, TUESDAY_OPEN, "100");
    }

    private static OrderRequest request(String ticker, OrderSide side) {
        return builder(ticker, side).build();
    }

    private static OrderRequest buy(String ticker) {
        return request(ticker, OrderSide.BUY);
    }

    private static OrderRequest sell(String ticker) {
        return request(ticker, OrderSide.SELL);
    }

    /** The world a check sees; immutable, each method returns a changed copy. */
    private final class Scenario {
        private final RiskLimits limits;
        private final List<Position> positions;
        private final List<Order> working;
        private final boolean killSwitch;
        private final Instant now;
        private final BigDecimal commission;

        Scenario() {
            this(RiskLimits.DEFAULTS, List.of(), List.of(), false, NOW, Money.ZERO);
        }

        private Scenario(RiskLimits limits, List<Position> positions, List<Order> working, boolean killSwitch, Instant now,
                         BigDecimal commission) {
            this.limits = limits;
            this.positions = positions;
            this.working = working;
            this.killSwitch = killSwitch;
            this.now = now;
            this.commission = commission;
        }

        Scenario limits(RiskLimits value) {
            return new Scenario(value, positions, working, killSwitch, now, commission);
        }

        Scenario holding(Position position) {
            return new Scenario(limits, plus(positions, position), working, killSwitch, now, commission);
        }

        Scenario working(Order order) {
            return new Scenario(limits, positions, plus(working, order), killSwitch, now, commission);
        }

        Scenario killSwitch() {
            return new Scenario(limits, positions, working, true, now, commission);
        }

        Scenario at(Instant value) {
            return new Scenario(limits, positions, working, killSwitch, value, commission);
        }

        Scenario commission(String value) {
            return new Scenario(limits, positions, working, killSwitch, now, d(value));
        }

        RiskCheck check(OrderRequest request, long quantity) {
            return check(request, quantity, 0);
        }

        RiskCheck check(OrderRequest request, long quantity, int lossesInARowToday) {
            Map<String, Position> byTicker = positions.stream().collect(Collectors.toMap(Position::ticker, Function.identity()));
            return new RiskCheck(request, quantity, request.expectedPrice(), commission, account, limits, byTicker, working,
                    killSwitch, lossesInARowToday, now, MarketCalendar.nyse());
        }

        private static <T> List<T> plus(List<T> list, T item) {
            return Stream.concat(list.stream(), Stream.of(item)).toList();
        }
    }
}
