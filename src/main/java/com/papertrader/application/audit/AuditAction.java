package com.papertrader.application.audit;

/** What an admin did; stored by name, so a constant is never renamed. */
public enum AuditAction {
    AGENT_CREATED,
    AGENT_CHANGED,
    AGENT_ENABLED,
    AGENT_PAUSED,
    AGENT_DELETED,
    ACCOUNT_RESET,
    DRAWDOWN_LOCK_RELEASED,
    ORDER_CANCELED,
    POSITION_CLOSED,
    KILL_SWITCH_ENGAGED,
    KILL_SWITCH_RELEASED,
    BACKTEST_STARTED,
    BACKTEST_CANCELED,
    TOKEN_CREATED,
    TOKEN_REVOKED,
    SESSIONS_ENDED,
    WEBHOOK_CREATED,
    WEBHOOK_DELETED,
    SWEEP_STARTED,
    SWEEP_CANCELED,
    SWEEP_RESUMED
}
