package com.papertrader.domain.trading.execution;

import com.papertrader.domain.trading.portfolio.Position;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Each agent's losing round trips in a row on one trading day (a closed position with a negative realized P&L is a
 * loss, any other close ends the streak; a new day starts from none), for the cool-down rule.
 */
final class LosingStreaks {

    private record Streak(LocalDate day, int losses) {
    }

    private final Map<String, Streak> byAgent = new HashMap<>();

    /** A position the agent opened has closed on {@code day}. */
    void closed(Position position, LocalDate day) {
        Streak streak = byAgent.get(position.openedBy());
        int before = streak != null && streak.day().equals(day) ? streak.losses() : 0;
        byAgent.put(position.openedBy(), new Streak(day, position.realizedPnl().signum() < 0 ? before + 1 : 0));
    }

    /** The agent's losses in a row on {@code day}. */
    int losses(String agentId, LocalDate day) {
        Streak streak = byAgent.get(agentId);
        return streak != null && streak.day().equals(day) ? streak.losses() : 0;
    }
}
