package com.papertrader.domain.agent;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an agent's scan asks for on the ticker it scanned, validated: an order intent, not yet sized or risk-checked.
 * Quantity, notional, prices, stop-loss and take-profit are null when the script left them out.
 *
 * @param quantity    shares; null to let the risk rules size the order (or for {@link Action#EXIT})
 * @param notional    dollars to trade instead of a share count; never together with quantity
 * @param limitPrice  for LIMIT and STOP_LIMIT orders only
 * @param stopPrice   for STOP and STOP_LIMIT orders only
 * @param stopLoss    price at which to close the position this entry opens (BUY and SHORT only)
 * @param trailStopPercent a trailing stop for the position this entry opens, this percent from the best price since
 *                    the entry (BUY and SHORT only; instead of stopLoss)
 * @param trailStopAmount  the same, by this many dollars per share
 * @param takeProfit  price at which to take the profit of the position this entry opens (BUY and SHORT only)
 * @param reason      the script's explanation, shown with the order; may be empty
 */
public record Signal(Action action, BigDecimal quantity, BigDecimal notional, OrderType orderType,
                     BigDecimal limitPrice, BigDecimal stopPrice, BigDecimal stopLoss, BigDecimal trailStopPercent,
                     BigDecimal trailStopAmount, BigDecimal takeProfit, TimeInForce timeInForce, String reason) {

    public static final int MAX_REASON_LENGTH = 200;

    /** The field names a script may use in a signal object. */
    public static final Set<String> FIELDS = Set.of("action", "qty", "notional", "orderType", "limitPrice", "stopPrice",
            "stopLoss", "trailStopPercent", "trailStopAmount", "takeProfit", "timeInForce", "reason");

    public enum Action {
        /** Open or add to a long position. */
        BUY,
        /** Sell (part of) a long position. */
        SELL,
        /** Open or add to a short position. */
        SHORT,
        /** Buy back (part of) a short position. */
        COVER,
        /** Close the whole position in the ticker, long or short. */
        EXIT;

        boolean entersPosition() {
            return this == BUY || this == SHORT;
        }
    }

    public enum OrderType { MARKET, LIMIT, STOP, STOP_LIMIT }

    public enum TimeInForce { DAY, GTC }

    public Signal {
        require(action != null, "action is required: one of buy, sell, short, cover, exit");
        require(orderType != null, "orderType is required");
        require(timeInForce != null, "timeInForce is required");
        require(quantity == null || notional == null, "give qty or notional, not both");
        requirePositive("qty", quantity);
        requirePositive("notional", notional);
        require(action != Action.EXIT || (quantity == null && notional == null),
                "exit closes the whole position and takes no qty or notional; use sell or cover with qty for part of it");
        requirePositive("limitPrice", limitPrice);
        requirePositive("stopPrice", stopPrice);
        boolean needsLimit = orderType == OrderType.LIMIT || orderType == OrderType.STOP_LIMIT;
        boolean needsStop = orderType == OrderType.STOP || orderType == OrderType.STOP_LIMIT;
        String type = orderType.name().toLowerCase(Locale.ROOT);
        require(!needsLimit || limitPrice != null, "a " + type + " order needs limitPrice");
        require(needsLimit || limitPrice == null, "limitPrice is only for limit and stop_limit orders, not " + type);
        require(!needsStop || stopPrice != null, "a " + type + " order needs stopPrice");
        require(needsStop || stopPrice == null, "stopPrice is only for stop and stop_limit orders, not " + type);
        requirePositive("stopLoss", stopLoss);
        requirePositive("takeProfit", takeProfit);
        requirePositive("trailStopPercent", trailStopPercent);
        requirePositive("trailStopAmount", trailStopAmount);
        require(trailStopPercent == null || trailStopPercent.compareTo(BigDecimal.valueOf(100)) < 0,
                "trailStopPercent must be below 100, got " + (trailStopPercent == null ? "" : trailStopPercent.toPlainString()));
        require(trailStopPercent == null || trailStopAmount == null, "give trailStopPercent or trailStopAmount, not both");
        require(stopLoss == null || (trailStopPercent == null && trailStopAmount == null),
                "give stopLoss or a trailing stop (trailStopPercent, trailStopAmount), not both");
        require(action.entersPosition() || (stopLoss == null && takeProfit == null && trailStopPercent == null && trailStopAmount == null),
                "stopLoss, trailing stops and takeProfit belong to entries (buy, short), not " + action.name().toLowerCase(Locale.ROOT));
        if (action.entersPosition()) {
            requireOrdered(action == Action.BUY, stopLoss, limitPrice, takeProfit);
        }
        reason = reason == null ? "" : reason;
        require(reason.length() <= MAX_REASON_LENGTH,
                "reason has " + reason.length() + " characters; at most " + MAX_REASON_LENGTH + " are allowed");
    }

    /** A market order for the day with no quantity, prices or exits of its own. */
    public static Signal market(Action action, String reason) {
        return new Signal(action, null, null, OrderType.MARKET, null, null, null, null, null, null, TimeInForce.DAY, reason);
    }

    /**
     * Reads a signal from the fields a script returned: strings for action, orderType, timeInForce and reason,
     * numbers for the rest; missing or null fields take their defaults (market order, good for the day).
     *
     * @throws InvalidSignalException naming the first field that is unknown, of the wrong type or out of range
     */
    public static Signal from(Map<String, ?> fields) {
        Objects.requireNonNull(fields, "fields");
        for (String key : fields.keySet()) {
            require(FIELDS.contains(key), "unknown field '" + key + "'; a signal has action, qty, notional, orderType, "
                    + "limitPrice, stopPrice, stopLoss, trailStopPercent, trailStopAmount, takeProfit, timeInForce, reason");
        }
        String action = text(fields, "action");
        require(action != null, "action is required: one of buy, sell, short, cover, exit");
        String orderType = text(fields, "orderType");
        String timeInForce = text(fields, "timeInForce");
        return new Signal(
                choice(Action.class, "action", action),
                number(fields, "qty"),
                number(fields, "notional"),
                orderType == null ? OrderType.MARKET : choice(OrderType.class, "orderType", orderType),
                number(fields, "limitPrice"),
                number(fields, "stopPrice"),
                number(fields, "stopLoss"),
                number(fields, "trailStopPercent"),
                number(fields, "trailStopAmount"),
                number(fields, "takeProfit"),
                timeInForce == null ? TimeInForce.DAY : choice(TimeInForce.class, "timeInForce", timeInForce),
                text(fields, "reason"));
    }

    private static String text(Map<String, ?> fields, String name) {
        Object value = fields.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new InvalidSignalException(name + " must be a string, got " + describe(value));
    }

    private static BigDecimal number(Map<String, ?> fields, String name) {
        Object value = fields.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (!(value instanceof Double || value instanceof Float)) {
            throw new InvalidSignalException(name + " must be a number, got " + describe(value));
        }
        double number = ((Number) value).doubleValue();
        require(Double.isFinite(number), name + " must be a finite number, got " + number);
        return BigDecimal.valueOf(number);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String name, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder choices = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                choices.append(choices.length() == 0 ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
            }
            throw new InvalidSignalException(name + " '" + value + "' is not one of " + choices);
        }
    }

    private static String describe(Object value) {
        return value instanceof String text ? "the string '" + text + "'" : value.getClass().getSimpleName() + " " + value;
    }

    private static void requirePositive(String name, BigDecimal value) {
        require(value == null || value.signum() > 0, name + " must be positive, got " + (value == null ? "" : value.toPlainString()));
    }

    /** A long entry needs stopLoss below its limit price below takeProfit; a short entry the reverse. */
    private static void requireOrdered(boolean isLong, BigDecimal stopLoss, BigDecimal limitPrice, BigDecimal takeProfit) {
        String side = isLong ? "a buy" : "a short";
        if (stopLoss != null && limitPrice != null) {
            require(isLong ? stopLoss.compareTo(limitPrice) < 0 : stopLoss.compareTo(limitPrice) > 0,
                    "stopLoss " + stopLoss.toPlainString() + " of " + side + " must be " + (isLong ? "below" : "above")
                            + " its limitPrice " + limitPrice.toPlainString());
        }
        if (takeProfit != null && limitPrice != null) {
            require(isLong ? takeProfit.compareTo(limitPrice) > 0 : takeProfit.compareTo(limitPrice) < 0,
                    "takeProfit " + takeProfit.toPlainString() + " of " + side + " must be " + (isLong ? "above" : "below")
                            + " its limitPrice " + limitPrice.toPlainString());
        }
        if (stopLoss != null && takeProfit != null) {
            require(isLong ? stopLoss.compareTo(takeProfit) < 0 : stopLoss.compareTo(takeProfit) > 0,
                    "stopLoss " + stopLoss.toPlainString() + " of " + side + " must be " + (isLong ? "below" : "above")
                            + " its takeProfit " + takeProfit.toPlainString());
        }
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new InvalidSignalException(problem);
        }
    }
}
