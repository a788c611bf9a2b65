package com.papertrader.domain.trading;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.trading.order.Fill;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.order.OrderRequest;
import com.papertrader.domain.trading.order.OrderSide;
import com.papertrader.domain.trading.order.TimeInForce;
import com.papertrader.domain.trading.portfolio.Position;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** Small builders shared by the trading tests. Times are UTC; New York is UTC-5 in late November 2026. */
public final class TradingFixtures {

    /** Tuesday 2026-11-24 09:30 New York, the open of a regular session (close 21:00Z). */
    public static final Instant TUESDAY_OPEN = Instant.parse("2026-11-24T14:30:00Z");
    /** Friday 2026-11-27 09:30 New York, the day after Thanksgiving: the session closes early at 13:00 (18:00Z). */
    public static final Instant EARLY_CLOSE_DAY_OPEN = Instant.parse("2026-11-27T14:30:00Z");

    private static final AtomicInteger SIGNALS = new AtomicInteger();

    private TradingFixtures() {
    }

    public static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    public static Instant minutesAfter(Instant start, long minutes) {
        return start.plus(Duration.ofMinutes(minutes));
    }

    /** A 5-minute bar with a volume of one million. */
    public static Bar bar(String ticker, Instant start, String open, String high, String low, String close) {
        return bar(ticker, start, open, high, low, close, "1000000");
    }

    public static Bar bar(String ticker, Instant start, String open, String high, String low, String close, String volume) {
        return new Bar(ticker, start, Duration.ofMinutes(5), d(open), d(high), d(low), d(close), d(volume), null, null);
    }

    /** An accepted GTC order for {@code request}, placed at the close of its bar. */
    public static Order workingOrder(OrderRequest request, long quantity) {
        Instant placed = minutesAfter(request.barTime(), 5);
        Order order = Order.fromRequest(request, quantity, null, placed);
        order.accept("test", placed, placed);
        return order;
    }

    public static OrderRequest.Builder gtc(String agent, String ticker, OrderSide side, Instant barTime, String reference) {
        return OrderRequest.builder(agent, ticker, side, barTime, d(reference)).timeInForce(TimeInForce.GTC)
                .signalIndex(SIGNALS.incrementAndGet());
    }

    /** A fill of a fresh market order of {@code account} (agent of the same name) on the bar starting at {@code at}. */
    public static Fill fill(String account, String ticker, OrderSide side, long quantity, String price, String commission, Instant at) {
        Order order = workingOrder(gtc(account, ticker, side, minutesAfter(at, -5), price).quantity(quantity).build(), quantity);
        return order.fill(quantity, d(price), d(commission), at, at);
    }

    /** An open position opened by one commission-free fill. */
    public static Position position(String account, String ticker, OrderSide entrySide, long quantity, String price) {
        return Position.open(fill(account, ticker, entrySide, quantity, price, "0", TUESDAY_OPEN));
    }
}
