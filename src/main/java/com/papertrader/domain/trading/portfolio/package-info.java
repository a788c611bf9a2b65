/**
 * Positions and paper accounts: cost basis, realized and unrealized P&L, marks, equity, buying power and the
 * equity curve. Accounting identity kept by construction: equity = starting cash + realized P&L + unrealized P&L
 * (commissions are part of the cost basis on entry and reduce the proceeds on exit).
 */
package com.papertrader.domain.trading.portfolio;
