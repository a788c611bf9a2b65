package com.papertrader.application.backtest;

import com.papertrader.domain.trading.order.Fill;
import com.papertrader.domain.trading.order.Order;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Live record against replay: the orders and fills an agent's live paper trading recorded for a day, compared with
 * a backtest of the same stored bars. Orders match by their client order id (agent, ticker, bar, signal), fills by
 * fill id; each side is described by what must agree (status, quantities, prices, times), and every id whose
 * descriptions differ, or that only one side has, is a difference.
 */
public record ParityReport(int liveOrders, int replayedOrders, int liveFills, int replayedFills, List<Difference> differences) {

    /** @param live what the live side recorded, null if it has nothing under this id; likewise {@code replay} */
    public record Difference(String kind, String id, String live, String replay) {
    }

    public ParityReport {
        differences = List.copyOf(differences);
    }

    public static ParityReport compare(List<Order> liveOrders, List<Fill> liveFills, List<Order> replayedOrders, List<Fill> replayedFills) {
        List<Difference> differences = new ArrayList<>();
        differences.addAll(differences("order", liveOrders, replayedOrders, Order::id, ParityReport::describe));
        differences.addAll(differences("fill", liveFills, replayedFills, Fill::id, ParityReport::describe));
        return new ParityReport(liveOrders.size(), replayedOrders.size(), liveFills.size(), replayedFills.size(), differences);
    }

    public boolean identical() {
        return differences.isEmpty();
    }

    static String describe(Order order) {
        return order.side().label() + " " + order.quantity() + " " + order.ticker() + " " + order.type() + " "
                + order.status() + ", filled " + order.filledQuantity()
                + (order.averageFillPrice() == null ? "" : " @ " + order.averageFillPrice().toPlainString())
                + ", placed " + order.createdAt() + " (" + order.reason() + ")";
    }

    static String describe(Fill fill) {
        return fill.side().label() + " " + fill.quantity() + " " + fill.ticker() + " @ " + fill.price().toPlainString()
                + ", commission " + fill.commission().toPlainString() + ", at " + fill.filledAt();
    }

    private static <T> List<Difference> differences(String kind, List<T> live, List<T> replay, Function<T, String> id,
                                                    Function<T, String> describe) {
        Map<String, String> liveById = new TreeMap<>();
        live.forEach(item -> liveById.put(id.apply(item), describe.apply(item)));
        Map<String, String> replayById = new TreeMap<>();
        replay.forEach(item -> replayById.put(id.apply(item), describe.apply(item)));
        Set<String> ids = new TreeSet<>(liveById.keySet());
        ids.addAll(replayById.keySet());
        List<Difference> differences = new ArrayList<>();
        for (String key : ids) {
            String a = liveById.get(key);
            String b = replayById.get(key);
            if (!Objects.equals(a, b)) {
                differences.add(new Difference(kind, key, a, b));
            }
        }
        return differences;
    }
}
