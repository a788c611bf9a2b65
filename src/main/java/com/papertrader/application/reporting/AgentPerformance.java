package com.papertrader.application.reporting;

import com.papertrader.domain.trading.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * An agent's results over the positions it opened. A round trip is a position from its opening fill to the fill that
 * closed it; the win rate is the share of closed round trips whose realized P&L is positive (a break-even trip is not
 * a win). Realized P&L counts every position (partial exits of open ones too); unrealized only the open ones.
 */
public final class AgentPerformance {

    /** An agent without positions. */
    public static final AgentPerformance NONE = new AgentPerformance(0, 0, 0, Money.ZERO, Money.ZERO);

    private final int openPositions;
    private final int closedTrips;
    private final int winningTrips;
    private final BigDecimal realizedPnl;
    private final BigDecimal unrealizedPnl;

    /**
     * @param winningTrips  closed round trips with a positive realized P&amp;L
     * @param realizedPnl   over every position, open ones' partial exits included
     * @param unrealizedPnl over the open positions
     */
    public AgentPerformance(int openPositions, int closedTrips, int winningTrips, BigDecimal realizedPnl, BigDecimal unrealizedPnl) {
        this.openPositions = openPositions;
        this.closedTrips = closedTrips;
        this.winningTrips = winningTrips;
        this.realizedPnl = realizedPnl;
        this.unrealizedPnl = unrealizedPnl;
    }

    public int openPositions() {
        return openPositions;
    }

    public int closedTrips() {
        return closedTrips;
    }

    public int winningTrips() {
        return winningTrips;
    }

    public BigDecimal realizedPnl() {
        return realizedPnl;
    }

    public BigDecimal unrealizedPnl() {
        return unrealizedPnl;
    }

    public BigDecimal totalPnl() {
        return realizedPnl.add(unrealizedPnl);
    }

    /** Winning / closed round trips as a ratio to four decimals (0.6667); empty before the first closed trip. */
    public Optional<BigDecimal> winRate() {
        return closedTrips == 0 ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(winningTrips).divide(BigDecimal.valueOf(closedTrips), 4, RoundingMode.HALF_UP));
    }
}
