package com.papertrader.interfaces.rest;

import static com.papertrader.interfaces.rest.JsonValues.JSON;

import com.papertrader.application.notification.Notification;
import com.papertrader.application.notification.NotificationType;
import com.papertrader.application.notification.Notifications;
import com.papertrader.application.trading.TradingSaved;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.trading.order.Fill;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.order.OrderStatus;
import com.papertrader.domain.trading.risk.AccountHalt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What a bar event's saved trading tells the webhooks: each fill, each refused order, each agent its scans stopped and
 * each account it halted, with the fill or order written as the JSON API writes it. Only the server running the desk
 * saves trading, so each is told once.
 */
@ApplicationScoped
public class TradingNotifications {

    @Inject
    Notifications notifications;

    @Inject
    Clock clock;

    void onTradingSaved(@Observes TradingSaved saved) {
        List<Notification> told = new ArrayList<>();
        saved.fills().forEach(fill -> told.add(filled(fill)));
        saved.orders().stream().filter(order -> order.status() == OrderStatus.REJECTED).forEach(order -> told.add(refused(order)));
        saved.agentsStopped().forEach(agent -> told.add(stopped(agent)));
        saved.halts().forEach(halt -> told.add(halted(halt)));
        notifications.publish(told);
    }

    private static Notification filled(Fill fill) {
        return new Notification(NotificationType.FILL, fill.filledAt(), "Filled " + fill.side() + " " + fill.quantity() + " "
                + fill.ticker() + " at " + fill.price().toPlainString() + " (agent " + fill.agentId() + ", account " + fill.accountId() + ")",
                TradingJson.fill(fill));
    }

    private static Notification refused(Order order) {
        return new Notification(NotificationType.ORDER_REJECTED, order.createdAt(), "Refused " + order.side() + " "
                + order.quantity() + " " + order.ticker() + " (agent " + order.agentId() + "): " + order.reason(), TradingJson.order(order));
    }

    private Notification stopped(Agent agent) {
        String error = agent.getLastError().orElse("unknown error");
        return new Notification(NotificationType.AGENT_STOPPED, clock.instant(), "Agent " + agent.getName() + " ("
                + agent.getId() + ") stopped after failed scans in a row: " + error, JSON.createObjectBuilder()
                .add("agentId", agent.getId().value()).add("name", agent.getName()).add("lastError", error).build());
    }

    private static Notification halted(AccountHalt halt) {
        boolean dailyLoss = halt.kind() == AccountHalt.Kind.DAILY_LOSS;
        return new Notification(dailyLoss ? NotificationType.DAILY_LOSS_HALT : NotificationType.DRAWDOWN_LOCK, halt.at(),
                "Account " + halt.accountId() + (dailyLoss ? " halted for the day: " : " locked until released: ") + halt.reason(),
                JSON.createObjectBuilder().add("accountId", halt.accountId()).add("reason", halt.reason())
                        .add("at", halt.at().toString()).build());
    }
}
