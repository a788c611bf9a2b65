package com.papertrader.application.reporting;

import com.papertrader.domain.trading.portfolio.Position;

/** The read side of positions: open and closed, by agent (the one whose fill opened it) and account, newest first. */
public interface PositionQueries {

    Page<Position> positions(PositionFilter filter, PageRequest page);
}
