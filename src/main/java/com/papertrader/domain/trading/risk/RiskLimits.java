package com.papertrader.domain.trading.risk;

import com.papertrader.domain.trading.Money;
import com.papertrader.domain.trading.portfolio.Account;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * An agent's risk settings. Nullable limits mean "no limit" / "not used".
 *
 * @param positionSizePercent       entry size when the signal gives neither shares nor notional: percent of equity
 * @param maxOpenPositions          open positions (plus tickers with a working entry) the account may have
 * @param maxPositionShares         largest position in shares, or null
 * @param maxPositionNotional       largest position in cash at the expected price, or null
 * @param pyramiding                whether a second entry may add to a held ticker
 * @param maxDailyLoss              loss from the previous close that halts the account's entries for the day, or null
 * @param stopLossPercent           default stop-loss distance from the entry price when the signal gives none, or null
 * @param takeProfitPercent         default take-profit distance from the entry price when the signal gives none, or null
 * @param flattenMinutesBeforeClose close positions this many minutes before the close (early closes too), or null
 * @param coolDownAfterLosses       losing round trips in a row on one trading day after which the agent opens nothing
 *                                  more that day, or null
 * @param maxDrawdownPercent        fall of the account's equity from its peak, in percent, that locks its entries
 *                                  until an admin releases the lock, or null
 */
public record RiskLimits(BigDecimal positionSizePercent, int maxOpenPositions, Long maxPositionShares,
                         BigDecimal maxPositionNotional, boolean pyramiding, BigDecimal maxDailyLoss,
                         BigDecimal stopLossPercent, BigDecimal takeProfitPercent, Integer flattenMinutesBeforeClose,
                         Integer coolDownAfterLosses, BigDecimal maxDrawdownPercent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** 10% of equity per entry, at most 5 positions of 10,000 shares / 25,000.00, no pyramiding, 2,000.00 daily loss. */
    public static final RiskLimits DEFAULTS = new RiskLimits(BigDecimal.TEN, 5, 10_000L, new BigDecimal("25000.00"),
            false, new BigDecimal("2000.00"), null, null, null, null, null);

    public RiskLimits {
        requirePositive(positionSizePercent, "position size percent");
        if (positionSizePercent == null || positionSizePercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("position size percent must be in (0, 100], was " + positionSizePercent);
        }
        if (maxOpenPositions < 1) {
            throw new IllegalArgumentException("max open positions must be at least 1, was " + maxOpenPositions);
        }
        if (maxPositionShares != null && maxPositionShares < 1) {
            throw new IllegalArgumentException("max position shares must be positive, was " + maxPositionShares);
        }
        requirePositive(maxPositionNotional, "max position notional");
        requirePositive(maxDailyLoss, "max daily loss");
        requirePositive(stopLossPercent, "stop loss percent");
        if (stopLossPercent != null && stopLossPercent.compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw new IllegalArgumentException("stop loss percent must be below 100, was " + stopLossPercent);
        }
        requirePositive(takeProfitPercent, "take profit percent");
        if (takeProfitPercent != null && takeProfitPercent.compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw new IllegalArgumentException("take profit percent must be below 100, was " + takeProfitPercent);
        }
        if (flattenMinutesBeforeClose != null && flattenMinutesBeforeClose < 0) {
            throw new IllegalArgumentException("flatten minutes must not be negative, was " + flattenMinutesBeforeClose);
        }
        if (coolDownAfterLosses != null && coolDownAfterLosses < 1) {
            throw new IllegalArgumentException("cool-down after losses must be at least 1, was " + coolDownAfterLosses);
        }
        requirePositive(maxDrawdownPercent, "max drawdown percent");
        if (maxDrawdownPercent != null && maxDrawdownPercent.compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw new IllegalArgumentException("max drawdown percent must be below 100, was " + maxDrawdownPercent);
        }
    }

    /** Why the account's day P&L breaches this agent's max daily loss, if it does. */
    public Optional<String> dailyLossBreach(Account account) {
        if (maxDailyLoss == null || account.dayPnl().compareTo(maxDailyLoss.negate()) > 0) {
            return Optional.empty();
        }
        return Optional.of("day P&L " + Money.cash(account.dayPnl()).toPlainString() + " breached the max daily loss of "
                + Money.cash(maxDailyLoss).toPlainString());
    }

    /** Why the account's fall from its peak equity reaches this agent's max drawdown, if it does. */
    public Optional<String> drawdownBreach(Account account) {
        BigDecimal peak = account.peakEquity();
        BigDecimal fall = peak.subtract(account.equity());
        // fall / peak >= limit %, compared without dividing
        if (maxDrawdownPercent == null || fall.multiply(HUNDRED).compareTo(maxDrawdownPercent.multiply(peak)) < 0) {
            return Optional.empty();
        }
        BigDecimal percent = fall.multiply(HUNDRED).divide(peak, 2, RoundingMode.HALF_UP);
        return Optional.of("equity " + Money.cash(account.equity()).toPlainString() + " is " + percent.toPlainString()
                + "% below its peak of " + Money.cash(peak).toPlainString() + " (max drawdown " + maxDrawdownPercent.toPlainString() + "%)");
    }

    public RiskLimits withPositionSizePercent(BigDecimal value) {
        return new RiskLimits(value, maxOpenPositions, maxPositionShares, maxPositionNotional, pyramiding, maxDailyLoss,
                stopLossPercent, takeProfitPercent, flattenMinutesBeforeClose, coolDownAfterLosses, maxDrawdownPercent);
    }

    public RiskLimits withMaxOpenPositions(int value) {
        return new RiskLimits(positionSizePercent, value, maxPositionShares, maxPositionNotional, pyramiding, maxDailyLoss,
                stopLossPercent, takeProfitPercent, flattenMinutesBeforeClose, coolDownAfterLosses, maxDrawdownPercent);
    }

    public RiskLimits withMaxPositionShares(Long value) {
        return new RiskLimits(positionSizePercent, maxOpenPositions, value, maxPositionNotional, pyramiding, maxDailyLoss,
                stopLossPercent, takeProfitPercent, flattenMinutesBeforeClose, coolDownAfterLosses, maxDrawdownPercent);
    }

    public RiskLimits withMaxPositionNotional(BigDecimal value) {
        return new RiskLimits(positionSizePercent, maxOpenPositions, maxPositionShares, value, pyramiding, maxDailyLoss,
                stopLossPercent, takeProfitPercent, flattenMinutesBeforeClose, coolDownAfterLosses, maxDrawdownPercent);
    }

    public RiskLimits withPyramiding(boolean value) {
        return new RiskLimits(positionSizePercent, maxOpenPositions, maxPositionShares, maxPositionNotional, value, maxDailyLoss,
                stopLossPercent, takeProfitPercent, flattenMinutesBeforeClose, coolDownAfterLosses, maxDrawdownPercent);
    }

    public RiskLimits withMaxDailyLoss(BigDecimal value) {
        return new RiskLimits(positionSizePercent, maxOpenPositions, maxPositionShares, maxPositionNotional, pyramiding, value,
                stopLossPercent, takeProfitPercent, flattenMinutesBeforeClose, coolDownAfterLosses, maxDrawdownPercent);
    }

    public RiskLimits withBracketPercents(BigDecimal stopLoss, BigDecimal takeProfit) {
        return new RiskLimits(positionSizePercent, maxOpenPositions, maxPositionShares, maxPositionNotional, pyramiding,
                maxDailyLoss, stopLoss, takeProfit, flattenMinutesBeforeClose, coolDownAfterLosses, maxDrawdownPercent);
    }

    public RiskLimits withFlattenMinutesBeforeClose(Integer value) {
        return new RiskLimits(positionSizePercent, maxOpenPositions, maxPositionShares, maxPositionNotional, pyramiding,
                maxDailyLoss, stopLossPercent, takeProfitPercent, value, coolDownAfterLosses, maxDrawdownPercent);
    }

    public RiskLimits withCoolDownAfterLosses(Integer value) {
        return new RiskLimits(positionSizePercent, maxOpenPositions, maxPositionShares, maxPositionNotional, pyramiding,
                maxDailyLoss, stopLossPercent, takeProfitPercent, flattenMinutesBeforeClose, value, maxDrawdownPercent);
    }

    public RiskLimits withMaxDrawdownPercent(BigDecimal value) {
        return new RiskLimits(positionSizePercent, maxOpenPositions, maxPositionShares, maxPositionNotional, pyramiding,
                maxDailyLoss, stopLossPercent, takeProfitPercent, flattenMinutesBeforeClose, coolDownAfterLosses, value);
    }

    private static void requirePositive(BigDecimal value, String name) {
        if (value != null && value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
