package com.papertrader.domain.trading.risk;

import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.trading.Money;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.order.OrderRequest;
import com.papertrader.domain.trading.portfolio.Account;
import com.papertrader.domain.trading.portfolio.Position;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a rule may look at for one order: the request as sized by the broker, the account with its open
 * positions (by ticker) and its working orders, the agent's limits and the broker's switches.
 *
 * @param quantity             shares the order would trade (0 when sizing gave nothing)
 * @param price                the price the order is expected to trade at
 * @param estimatedCommission  commission the fee model would charge for the whole order
 * @param lossesInARowToday    the agent's losing round trips in a row on the current trading day
 */
public record RiskCheck(OrderRequest request, long quantity, BigDecimal price, BigDecimal estimatedCommission,
                        Account account, RiskLimits limits, Map<String, Position> positions, List<Order> workingOrders,
                        boolean killSwitchEngaged, int lossesInARowToday, Instant now, MarketCalendar calendar) {

    public RiskCheck {
        positions = Map.copyOf(positions);
        workingOrders = List.copyOf(workingOrders);
    }

    public boolean isEntry() {
        return request.side().isEntry();
    }

    public String ticker() {
        return request.ticker();
    }

    /** The account's open position in the order's ticker. */
    public Optional<Position> position() {
        return Optional.ofNullable(positions.get(request.ticker()));
    }

    public BigDecimal notional() {
        return Money.value(price, quantity);
    }

    public LocalDate tradingDay() {
        return MarketCalendar.tradingDay(now);
    }

    /** Cash the account's working entry orders would still spend at their expected prices. */
    public BigDecimal reservedBuyingPower() {
        return workingOrders.stream()
                .filter(order -> order.side().isEntry())
                .map(order -> Money.value(order.expectedPrice(), order.remainingQuantity()))
                .reduce(Money.ZERO, BigDecimal::add);
    }

    public boolean hasWorkingEntry(String ticker) {
        return workingOrders.stream().anyMatch(order -> order.side().isEntry() && order.ticker().equals(ticker));
    }

    /** Open positions plus tickers not yet held that a working entry would open. */
    public long openPositionCount() {
        long pendingTickers = workingOrders.stream()
                .filter(order -> order.side().isEntry() && !positions.containsKey(order.ticker()))
                .map(Order::ticker).distinct().count();
        return positions.size() + pendingTickers;
    }
}
