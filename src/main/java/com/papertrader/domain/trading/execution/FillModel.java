package com.papertrader.domain.trading.execution;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.trading.Money;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.order.OrderRole;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * How orders fill against bars; the same rules for live paper trading and backtests.
 * <ul>
 * <li>An order fills only on bars that start after the bar it was placed at, and only while the market is open
 *     (regular session per the calendar): a market order placed at bar N's close fills at bar N+1's open.</li>
 * <li>Limit orders fill when the bar's range touches the limit, at the limit, or at the open when the bar opens
 *     beyond it (a buy limit above the open fills at the open; a sell limit below the open fills at the open).</li>
 * <li>Stop orders trigger when the range touches the stop and fill at the stop, or at the open when the bar gaps
 *     through it (a buy stop below the open fills at the open). A triggered stop's unfilled rest is a market order.</li>
 * <li>Trailing stops are stops whose price the broker moves after each bar ({@link Order#trail}); on a bar they
 *     trigger and fill as a stop at the price set by the bars before it.</li>
 * <li>Stop-limit orders trigger like stops; on the triggering bar they fill only if the trigger price (stop or gapped
 *     open) is within the limit, at that price; later bars treat them as limit orders.</li>
 * <li>Slippage (basis points, against the trader) applies to market and stop fills; limit fills never exceed their
 *     limit, so limit and stop-limit fills get none.</li>
 * <li>Optional volume cap: all orders on a bar together fill at most that percent of the bar's volume; the rest stays
 *     working (partially filled).</li>
 * <li>When one bar reaches both legs of a bracket, the stop loss fills first unless configured otherwise.</li>
 * </ul>
 */
public final class FillModel {

    private final MarketCalendar calendar;
    private final BigDecimal slippageBasisPoints;
    private final BigDecimal volumeCapPercent;
    private final SameBarExits sameBarExits;

    /**
     * @param slippageBasisPoints slippage against the trader on market and stop fills (0 for none)
     * @param volumeCapPercent    share of a bar's volume the orders on it may take, or null for no cap
     */
    public FillModel(MarketCalendar calendar, BigDecimal slippageBasisPoints, BigDecimal volumeCapPercent,
                     SameBarExits sameBarExits) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.slippageBasisPoints = Objects.requireNonNull(slippageBasisPoints, "slippageBasisPoints");
        this.sameBarExits = Objects.requireNonNull(sameBarExits, "sameBarExits");
        if (slippageBasisPoints.signum() < 0) {
            throw new IllegalArgumentException("slippage must not be negative, was " + slippageBasisPoints + " bps");
        }
        if (volumeCapPercent != null && (volumeCapPercent.signum() <= 0 || volumeCapPercent.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new IllegalArgumentException("volume cap must be in (0, 100] percent, was " + volumeCapPercent);
        }
        this.volumeCapPercent = volumeCapPercent;
    }

    /** No slippage, no volume cap, stop loss first. */
    public static FillModel of(MarketCalendar calendar) {
        return new FillModel(calendar, BigDecimal.ZERO, null, SameBarExits.STOP_LOSS_FIRST);
    }

    public FillModel withSlippage(BigDecimal basisPoints) {
        return new FillModel(calendar, basisPoints, volumeCapPercent, sameBarExits);
    }

    public FillModel withVolumeCap(BigDecimal percent) {
        return new FillModel(calendar, slippageBasisPoints, percent, sameBarExits);
    }

    public FillModel withSameBarExits(SameBarExits policy) {
        return new FillModel(calendar, slippageBasisPoints, volumeCapPercent, policy);
    }

    public MarketCalendar calendar() {
        return calendar;
    }

    /** What {@code order} does on {@code bar}. Pure: the caller applies triggers and fills. */
    public FillDecision decide(Order order, Bar bar) {
        if (!order.ticker().equals(bar.ticker())) {
            throw new IllegalArgumentException("Order " + order.id() + " is for " + order.ticker() + ", the bar for " + bar.ticker());
        }
        if (!order.canTradeOn(bar.start()) || !calendar.isOpen(bar.start())) {
            return FillDecision.NONE;
        }
        boolean buy = order.side().isBuy();
        return switch (order.type()) {
            case MARKET -> FillDecision.fillAt(slipped(bar.open(), buy));
            case LIMIT -> limitFill(order.limitPrice(), buy, bar);
            case STOP, TRAILING_STOP -> order.isTriggered()
                    ? FillDecision.fillAt(slipped(bar.open(), buy))
                    : touchedStop(order.stopPrice(), buy, bar)
                        .map(trigger -> new FillDecision(true, slipped(trigger, buy)))
                        .orElse(FillDecision.NONE);
            case STOP_LIMIT -> order.isTriggered()
                    ? limitFill(order.limitPrice(), buy, bar)
                    : touchedStop(order.stopPrice(), buy, bar)
                        .map(trigger -> new FillDecision(true, withinLimit(trigger, order.limitPrice(), buy) ? trigger : null))
                        .orElse(FillDecision.NONE);
        };
    }

    /** Shares all orders on this bar may fill together. */
    public long liquidity(Bar bar) {
        if (volumeCapPercent == null) {
            return Long.MAX_VALUE;
        }
        return bar.volume().multiply(volumeCapPercent).movePointLeft(2).setScale(0, RoundingMode.DOWN).longValueExact();
    }

    /** The order in which working orders meet a bar: oldest first; between bracket legs, the configured winner first. */
    public Comparator<Order> priority() {
        OrderRole first = sameBarExits == SameBarExits.STOP_LOSS_FIRST ? OrderRole.STOP_LOSS : OrderRole.TAKE_PROFIT;
        return Comparator.comparing(Order::createdAt)
                .thenComparing(order -> order.role() == first ? 0 : 1)
                .thenComparing(Order::id);
    }

    private static FillDecision limitFill(BigDecimal limit, boolean buy, Bar bar) {
        if (buy) {
            return bar.low().compareTo(limit) <= 0 ? FillDecision.fillAt(bar.open().min(limit)) : FillDecision.NONE;
        }
        return bar.high().compareTo(limit) >= 0 ? FillDecision.fillAt(bar.open().max(limit)) : FillDecision.NONE;
    }

    /** The price at which the bar set off the stop: the stop itself, or the open when the bar gapped through it. */
    private static Optional<BigDecimal> touchedStop(BigDecimal stop, boolean buy, Bar bar) {
        if (buy) {
            return bar.high().compareTo(stop) >= 0 ? Optional.of(bar.open().max(stop)) : Optional.empty();
        }
        return bar.low().compareTo(stop) <= 0 ? Optional.of(bar.open().min(stop)) : Optional.empty();
    }

    private static boolean withinLimit(BigDecimal price, BigDecimal limit, boolean buy) {
        return buy ? price.compareTo(limit) <= 0 : price.compareTo(limit) >= 0;
    }

    private BigDecimal slipped(BigDecimal price, boolean buy) {
        return Money.movePriceByBasisPoints(price, buy ? slippageBasisPoints : slippageBasisPoints.negate());
    }
}
