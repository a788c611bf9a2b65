package com.papertrader.domain.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An agent's own risk settings; the trading risk rules read them when they size and bound the agent's orders.
 * Percentages are plain percent (2 means 2 %), measured from the entry price.
 */
@Embeddable
public class AgentRiskSettings {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** The regular session's length: an end-of-day flatten further ahead would close positions as they open. */
    private static final int SESSION_MINUTES = 390;
    private static final BigDecimal DEFAULT_MAX_DAILY_LOSS = new BigDecimal("2000");

    /** Dollars put into one new position when a signal names neither a quantity nor a notional. */
    @Column(name = "position_notional", nullable = false, precision = 19, scale = 4)
    private BigDecimal positionNotional;

    @Column(name = "max_open_positions", nullable = false)
    private int maxOpenPositions;

    /** Default stop-loss distance in percent, or null for none. */
    @Column(name = "stop_loss_percent", precision = 9, scale = 4)
    private BigDecimal stopLossPercent;

    /** Default take-profit distance in percent, or null for none. */
    @Column(name = "take_profit_percent", precision = 9, scale = 4)
    private BigDecimal takeProfitPercent;

    /** Whether a signal may add to a position the agent already holds in that ticker. */
    @Column(name = "allow_pyramiding", nullable = false)
    private boolean allowPyramiding;

    /** Dollars lost in the account since the previous close that stop the agent's entries for the day, or null for no limit. */
    @Column(name = "max_daily_loss", precision = 19, scale = 4)
    private BigDecimal maxDailyLoss;

    /** Minutes before the session's close (early closes too) at which the agent's positions are closed, or null to hold overnight. */
    @Column(name = "flatten_minutes_before_close")
    private Integer flattenMinutesBeforeClose;

    /** Losing round trips in a row on one trading day after which the agent opens nothing more that day, or null. */
    @Column(name = "cool_down_after_losses")
    private Integer coolDownAfterLosses;

    /** Fall of the account's equity from its peak, in percent, that locks the agent's entries until an admin releases it, or null. */
    @Column(name = "max_drawdown_percent", precision = 9, scale = 4)
    private BigDecimal maxDrawdownPercent;

    protected AgentRiskSettings() {
        // for JPA
    }

    /** As the full constructor, with the default daily loss limit and no end-of-day flatten. */
    public AgentRiskSettings(BigDecimal positionNotional, int maxOpenPositions, BigDecimal stopLossPercent,
                             BigDecimal takeProfitPercent, boolean allowPyramiding) {
        this(positionNotional, maxOpenPositions, stopLossPercent, takeProfitPercent, allowPyramiding, DEFAULT_MAX_DAILY_LOSS, null, null, null);
    }

    /**
     * @throws IllegalArgumentException naming the setting that is out of range
     */
    public AgentRiskSettings(BigDecimal positionNotional, int maxOpenPositions, BigDecimal stopLossPercent,
                             BigDecimal takeProfitPercent, boolean allowPyramiding, BigDecimal maxDailyLoss,
                             Integer flattenMinutesBeforeClose, Integer coolDownAfterLosses, BigDecimal maxDrawdownPercent) {
        Objects.requireNonNull(positionNotional, "positionNotional");
        if (positionNotional.signum() <= 0) {
            throw new IllegalArgumentException("position notional must be positive, got " + positionNotional.toPlainString());
        }
        if (maxOpenPositions < 1) {
            throw new IllegalArgumentException("max open positions must be at least 1, got " + maxOpenPositions);
        }
        if (stopLossPercent != null && (stopLossPercent.signum() <= 0 || stopLossPercent.compareTo(HUNDRED) >= 0)) {
            throw new IllegalArgumentException("stop-loss percent must be above 0 and below 100, got " + stopLossPercent.toPlainString());
        }
        if (takeProfitPercent != null && takeProfitPercent.signum() <= 0) {
            throw new IllegalArgumentException("take-profit percent must be above 0, got " + takeProfitPercent.toPlainString());
        }
        if (maxDailyLoss != null && maxDailyLoss.signum() <= 0) {
            throw new IllegalArgumentException("max daily loss must be positive, got " + maxDailyLoss.toPlainString());
        }
        if (flattenMinutesBeforeClose != null && (flattenMinutesBeforeClose < 0 || flattenMinutesBeforeClose > SESSION_MINUTES)) {
            throw new IllegalArgumentException("flatten minutes before the close must be 0 to " + SESSION_MINUTES + ", got "
                    + flattenMinutesBeforeClose);
        }
        if (coolDownAfterLosses != null && coolDownAfterLosses < 1) {
            throw new IllegalArgumentException("cool-down after losses must be at least 1, got " + coolDownAfterLosses);
        }
        if (maxDrawdownPercent != null && (maxDrawdownPercent.signum() <= 0 || maxDrawdownPercent.compareTo(HUNDRED) >= 0)) {
            throw new IllegalArgumentException("max drawdown percent must be above 0 and below 100, got "
                    + maxDrawdownPercent.toPlainString());
        }
        this.positionNotional = positionNotional;
        this.maxOpenPositions = maxOpenPositions;
        this.stopLossPercent = stopLossPercent;
        this.takeProfitPercent = takeProfitPercent;
        this.allowPyramiding = allowPyramiding;
        this.maxDailyLoss = maxDailyLoss;
        this.flattenMinutesBeforeClose = flattenMinutesBeforeClose;
        this.coolDownAfterLosses = coolDownAfterLosses;
        this.maxDrawdownPercent = maxDrawdownPercent;
    }

    /**
     * $10,000 per position, at most 5 open, 2 % stop-loss, 4 % take-profit, no pyramiding, $2,000 daily loss, no flatten,
     * no cool-down, no drawdown lock.
     */
    public static AgentRiskSettings defaults() {
        return new AgentRiskSettings(BigDecimal.valueOf(10_000), 5, BigDecimal.valueOf(2), BigDecimal.valueOf(4), false);
    }

    public BigDecimal getPositionNotional() {
        return positionNotional;
    }

    public int getMaxOpenPositions() {
        return maxOpenPositions;
    }

    /** Null when the agent sets no default stop-loss. */
    public BigDecimal getStopLossPercent() {
        return stopLossPercent;
    }

    /** Null when the agent sets no default take-profit. */
    public BigDecimal getTakeProfitPercent() {
        return takeProfitPercent;
    }

    public boolean isAllowPyramiding() {
        return allowPyramiding;
    }

    /** Null when the agent's entries are not stopped by a day's loss. */
    public BigDecimal getMaxDailyLoss() {
        return maxDailyLoss;
    }

    /** Null when the agent's positions are held overnight. */
    public Integer getFlattenMinutesBeforeClose() {
        return flattenMinutesBeforeClose;
    }

    /** Null when losses in a row do not stop the agent's entries. */
    public Integer getCoolDownAfterLosses() {
        return coolDownAfterLosses;
    }

    /** Null when no drawdown locks the agent's entries. */
    public BigDecimal getMaxDrawdownPercent() {
        return maxDrawdownPercent;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AgentRiskSettings that
                && positionNotional.compareTo(that.positionNotional) == 0
                && maxOpenPositions == that.maxOpenPositions
                && sameAmount(stopLossPercent, that.stopLossPercent)
                && sameAmount(takeProfitPercent, that.takeProfitPercent)
                && allowPyramiding == that.allowPyramiding
                && sameAmount(maxDailyLoss, that.maxDailyLoss)
                && Objects.equals(flattenMinutesBeforeClose, that.flattenMinutesBeforeClose)
                && Objects.equals(coolDownAfterLosses, that.coolDownAfterLosses)
                && sameAmount(maxDrawdownPercent, that.maxDrawdownPercent);
    }

    @Override
    public int hashCode() {
        return Objects.hash(positionNotional.stripTrailingZeros(), maxOpenPositions,
                stopLossPercent == null ? null : stopLossPercent.stripTrailingZeros(),
                takeProfitPercent == null ? null : takeProfitPercent.stripTrailingZeros(), allowPyramiding,
                maxDailyLoss == null ? null : maxDailyLoss.stripTrailingZeros(), flattenMinutesBeforeClose, coolDownAfterLosses,
                maxDrawdownPercent == null ? null : maxDrawdownPercent.stripTrailingZeros());
    }

    /** Each setting by its agent-file key, as a person reads it ("none" where unset); in the agent file's order. */
    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("positionNotional", plain(positionNotional));
        settings.put("maxOpenPositions", Integer.toString(maxOpenPositions));
        settings.put("stopLossPercent", plain(stopLossPercent));
        settings.put("takeProfitPercent", plain(takeProfitPercent));
        settings.put("allowPyramiding", Boolean.toString(allowPyramiding));
        settings.put("maxDailyLoss", plain(maxDailyLoss));
        settings.put("flattenMinutesBeforeClose", flattenMinutesBeforeClose == null ? "none" : flattenMinutesBeforeClose.toString());
        settings.put("coolDownAfterLosses", coolDownAfterLosses == null ? "none" : coolDownAfterLosses.toString());
        settings.put("maxDrawdownPercent", plain(maxDrawdownPercent));
        return settings;
    }

    @Override
    public String toString() {
        return "AgentRiskSettings" + settings();
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** An amount as a person writes it: 750.5 whether it was read back from the database as 750.5000 or given as 750.50. */
    private static String plain(BigDecimal value) {
        return value == null ? "none" : value.stripTrailingZeros().toPlainString();
    }
}
