package com.papertrader.domain.trading.risk;

import java.util.Objects;

/**
 * Why an order was refused: the rule that refused it (refusals are counted by it) and the reason in full.
 *
 * @param rule   the refusing rule's {@linkplain RiskRule#name() name}, or {@value #UNKNOWN_ACCOUNT}
 * @param reason what the order's REJECTED event says
 */
public record RiskDenial(String rule, String reason) {

    /** The broker's own refusal of an order for an account it does not hold. */
    public static final String UNKNOWN_ACCOUNT = "unknown account";

    public RiskDenial {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
    }
}
