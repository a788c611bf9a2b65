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

    private int openPositions;
    private int closedTrips;
    private int winningTrips;
    private BigDecimal realizedPnl = Money.ZERO;
    private BigDecimal unrealizedPnl = Money.ZERO;

    /** Counts one position of the agent. */
    public AgentPerformance add(boolean open, BigDecimal realized, BigDecimal unrealized) {
        realizedPnl = realizedPnl.add(realized);
        if (open) {
            openPositions++;
            unrealizedPnl = unrealizedPnl.add(unrealized);
        } else {
            closedTrips++;
            if (realized.signum() > 0) {
                winningTrips++;
            }
        }
        return this;
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
