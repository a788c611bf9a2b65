package com.papertrader.application.reporting;

import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.market.Ticker;
import com.papertrader.domain.trading.order.Fill;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What a ticker's chart shows: its stored bars as candles, and the agents' fills on it as markers. */
public interface ChartQueries {

    /** One bar as a candlestick: start, open, high, low, close, volume. */
    record Candle(Instant start, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, BigDecimal volume) {
    }

    /** A fill as the chart marks it: with the reason of the order (the agent's signal, a bracket leg, the flatten). */
    record TradeMark(Fill fill, String reason) {
    }

    /** The newest {@code count} bars of a ticker with start in [from, to), oldest first. */
    List<Candle> candles(Ticker ticker, Instant from, Instant to, int count);

    /** The newest {@code count} fills of a ticker with time in [from, to), optionally of one agent, oldest first. */
    List<TradeMark> fills(Ticker ticker, Optional<AgentId> agent, Instant from, Instant to, int count);
}
