package com.papertrader.domain.trading.order;

/**
 * The four sides of a stock order. Entries open or add to a position (BUY a long, SELL_SHORT a short);
 * exits reduce it (SELL a long, BUY_TO_COVER a short).
 */
public enum OrderSide {
    BUY, SELL, SELL_SHORT, BUY_TO_COVER;

    /** True when the order pays cash for shares (BUY, BUY_TO_COVER). */
    public boolean isBuy() {
        return this == BUY || this == BUY_TO_COVER;
    }

    /** True when the order opens or adds to a position. */
    public boolean isEntry() {
        return this == BUY || this == SELL_SHORT;
    }

    /** True when the order concerns a long position (BUY, SELL); false for the short sides. */
    public boolean isLong() {
        return this == BUY || this == SELL;
    }

    /** The side that closes what this entry side opens. */
    public OrderSide closingSide() {
        return switch (this) {
            case BUY -> SELL;
            case SELL_SHORT -> BUY_TO_COVER;
            default -> throw new IllegalStateException(this + " is an exit side; it opens nothing");
        };
    }

    /** Lower case with spaces, for messages ("sell short"). */
    public String label() {
        return name().toLowerCase().replace('_', ' ');
    }
}
