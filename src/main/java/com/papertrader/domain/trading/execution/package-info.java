/**
 * Execution: the one {@link com.papertrader.domain.trading.execution.FillModel} shared by live paper trading and
 * backtests, the {@link com.papertrader.domain.trading.execution.FeeModel}s, and the
 * {@link com.papertrader.domain.trading.execution.Broker} the container drives with orders and bars.
 */
package com.papertrader.domain.trading.execution;
