package com.papertrader.application.backtest;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.trading.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The benchmark: the starting cash split equally over the tickers, whole shares bought at each ticker's first open
 * of the period and valued at its last close, no fees; what cannot buy a whole share stays cash.
 *
 * @param tickers each ticker's holding, in the order given
 */
public record BuyAndHold(BigDecimal startingCash, BigDecimal endEquity, List<Holding> tickers) {

    public record Holding(String ticker, long shares, BigDecimal entryPrice, BigDecimal exitPrice) {

        /** Exit price / entry price - 1. */
        public double tickerReturn() {
            return exitPrice.divide(entryPrice, MathContext.DECIMAL64).doubleValue() - 1;
        }
    }

    /**
     * @param first each ticker's first bar of the period
     * @param last  each ticker's last bar of the period
     */
    public static BuyAndHold of(BigDecimal startingCash, List<String> tickers, Map<String, Bar> first, Map<String, Bar> last) {
        List<String> traded = tickers.stream().filter(first::containsKey).toList();
        List<Holding> holdings = new ArrayList<>();
        BigDecimal end = startingCash;
        if (!traded.isEmpty()) {
            BigDecimal perTicker = startingCash.divide(BigDecimal.valueOf(traded.size()), Money.CASH_SCALE, RoundingMode.DOWN);
            for (String ticker : traded) {
                BigDecimal entry = first.get(ticker).open();
                BigDecimal exit = last.get(ticker).close();
                long shares = Money.wholeShares(perTicker, entry);
                holdings.add(new Holding(ticker, shares, entry, exit));
                end = end.subtract(Money.value(entry, shares)).add(Money.value(exit, shares));
            }
        }
        return new BuyAndHold(startingCash, end, holdings);
    }

    public double totalReturn() {
        return endEquity.divide(startingCash, MathContext.DECIMAL64).doubleValue() - 1;
    }
}
