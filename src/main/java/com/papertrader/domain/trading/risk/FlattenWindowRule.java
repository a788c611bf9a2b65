package com.papertrader.domain.trading.risk;

import com.papertrader.domain.market.TradingSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An agent that flattens N minutes before the close opens nothing inside that window (it would be flattened
 * straight away). Calendar-aware: the window ends at 13:00 on early-close days.
 */
public final class FlattenWindowRule implements RiskRule {

    @Override
    public String name() {
        return "flatten window";
    }

    @Override
    public Optional<String> check(RiskCheck check) {
        Integer minutes = check.limits().flattenMinutesBeforeClose();
        if (!check.isEntry() || minutes == null) {
            return Optional.empty();
        }
        Optional<TradingSession> session = check.calendar().sessionAt(check.now());
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Instant flattenAt = session.get().close().minus(Duration.ofMinutes(minutes));
        if (check.now().isBefore(flattenAt)) {
            return Optional.empty();
        }
        return Optional.of("no new entries in the last " + minutes + " minutes before the close at "
                + session.get().close() + " (end-of-day flatten)");
    }
}
