package com.papertrader.domain.trading.order;

/** Why an order exists: an agent's signal, one leg of a bracket around it, or the end-of-day flatten. */
public enum OrderRole {
    SIGNAL, STOP_LOSS, TAKE_PROFIT, FLATTEN;

    public boolean isBracketLeg() {
        return this == STOP_LOSS || this == TAKE_PROFIT;
    }
}
