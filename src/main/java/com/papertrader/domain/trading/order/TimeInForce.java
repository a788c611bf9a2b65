package com.papertrader.domain.trading.order;

/** DAY orders expire at the close of the session they were placed for (early closes included); GTC orders do not. */
public enum TimeInForce {
    DAY, GTC
}
