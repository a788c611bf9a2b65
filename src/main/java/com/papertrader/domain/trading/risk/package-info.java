/**
 * Pre-trade risk: per-agent {@link com.papertrader.domain.trading.risk.RiskLimits} and a list of small
 * {@link com.papertrader.domain.trading.risk.RiskRule}s, each returning a denial reason or passing
 * (LEAN / Nautilus style). Entries are checked by every rule; exits only by the rules that protect positions,
 * so a halted account or an engaged kill switch can still close what it holds.
 */
package com.papertrader.domain.trading.risk;
