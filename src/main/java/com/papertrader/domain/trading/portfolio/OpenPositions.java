package com.papertrader.domain.trading.portfolio;

import java.util.Optional;

/** Where an agent's scan finds its account's open position in the ticker it scans: the broker, as it is now. */
@FunctionalInterface
public interface OpenPositions {

    /** The open position of the account in the ticker, if it holds one. */
    Optional<Position> of(String accountId, String ticker);
}
