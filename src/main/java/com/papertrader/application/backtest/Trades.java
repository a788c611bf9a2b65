package com.papertrader.application.backtest;

import com.papertrader.domain.trading.Money;
import com.papertrader.domain.trading.order.Fill;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.portfolio.PositionSide;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Round trips from the broker's fills: the broker never crosses a position through zero, so each one starts and ends flat. */
public final class Trades {

    private Trades() {
    }

    /** Trades whose excursions are not known (no bars): live accounts. */
    public static List<Trade> from(List<Fill> fills, Map<String, Order> orders) {
        return from(fills, orders, null);
    }

    /**
     * @param fills  in the order they happened
     * @param orders the orders of the fills by id, for their reasons
     * @param path   the bars traded through, for the trades' excursions; null when not known
     * @return closed trades in the order they closed, then the ones still open
     */
    public static List<Trade> from(List<Fill> fills, Map<String, Order> orders, PricePath path) {
        Map<String, OpenTrade> open = new LinkedHashMap<>();
        List<Trade> trades = new ArrayList<>();
        for (Fill fill : fills) {
            String key = fill.accountId() + "|" + fill.ticker();
            String reason = reasonOf(orders.get(fill.orderId()));
            OpenTrade trade = open.computeIfAbsent(key, k -> new OpenTrade(fill, reason));
            trade.add(fill);
            if (trade.held == 0) {
                open.remove(key);
                trades.add(trade.close(fill.filledAt(), reason, path));
            }
        }
        open.values().forEach(trade -> trades.add(trade.close(null, null, path)));
        return trades;
    }

    private static String reasonOf(Order order) {
        return order == null || order.reason() == null ? "" : order.reason();
    }

    private static final class OpenTrade {
        private final String ticker;
        private final PositionSide side;
        private final Instant entryAt;
        private final String entryReason;
        private long held;
        private long entered;
        private BigDecimal entryValue = Money.ZERO;
        private long exited;
        private BigDecimal exitValue = Money.ZERO;
        private BigDecimal pnl = Money.ZERO;

        OpenTrade(Fill first, String reason) {
            if (!first.side().isEntry()) {
                throw new IllegalArgumentException("Fill " + first.id() + " exits a position no earlier fill opened");
            }
            this.ticker = first.ticker();
            this.side = PositionSide.of(first.side());
            this.entryAt = first.filledAt();
            this.entryReason = reason;
        }

        void add(Fill fill) {
            if (fill.side().isEntry()) {
                held += fill.quantity();
                entered += fill.quantity();
                entryValue = entryValue.add(fill.grossValue());
            } else {
                held -= fill.quantity();
                exited += fill.quantity();
                exitValue = exitValue.add(fill.grossValue());
            }
            pnl = pnl.add(fill.cashChange());
        }

        Trade close(Instant exitAt, String exitReason, PricePath path) {
            BigDecimal exitPrice = exited == 0 ? null : average(exitValue, exited);
            BigDecimal entryPrice = average(entryValue, entered);
            double[] range = path == null ? null : path.range(ticker, entryAt, exitAt);
            double adverse = Double.NaN;
            double favourable = Double.NaN;
            if (range != null) {
                double entry = entryPrice.doubleValue();
                double down = Math.max(0, (entry - range[0]) / entry);
                double up = Math.max(0, (range[1] - entry) / entry);
                adverse = side == PositionSide.LONG ? down : up;
                favourable = side == PositionSide.LONG ? up : down;
            }
            return new Trade(ticker, side, entered, entryAt, entryPrice, entryReason, exitAt,
                    exitAt == null ? null : exitPrice, exitReason, exitAt == null ? null : pnl, adverse, favourable);
        }

        private static BigDecimal average(BigDecimal value, long quantity) {
            return value.divide(BigDecimal.valueOf(quantity), Money.PRICE_SCALE, RoundingMode.HALF_UP);
        }
    }
}
