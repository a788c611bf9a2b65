package com.papertrader.domain.agent;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.BarWindow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs a script over a list of bars as the scanner would, one scan per bar in time order, to preview its signals
 * (the admin form) and to test sample agents. So that scripts which look at {@code ctx.position} behave, it keeps a
 * naive position: every accepted signal fills at its bar's close; entries without qty buy notional / close shares,
 * or 1 share when neither is given. This is a preview of the script's decisions, not a backtest: no risk rules,
 * stops, fees or slippage.
 */
public final class AgentDryRun {

    /** The outcome of the scan on one bar. */
    public record Step(Bar bar, ScanResult result) {
    }

    /** The script did not compile ({@code failure} set), or the steps of every bar. */
    public record Report(Compilation.Failure failure, List<Step> steps) {

        public Report {
            steps = List.copyOf(steps);
        }

        /** The steps that produced signals, rejections or errors. */
        public List<Step> eventful() {
            return steps.stream()
                    .filter(step -> !step.result().signals().isEmpty() || step.result().hasProblem())
                    .toList();
        }
    }

    private final AgentRuntime runtime;
    private final int windowCapacity;

    public AgentDryRun(AgentRuntime runtime, int windowCapacity) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        if (windowCapacity < 1) {
            throw new IllegalArgumentException("window capacity must be at least 1, got " + windowCapacity);
        }
        this.windowCapacity = windowCapacity;
    }

    /** @param bars of one ticker, in time order */
    public Report run(AgentId agentId, String source, AgentParameters parameters, List<Bar> bars) {
        Compilation compilation = runtime.compile(agentId, source);
        if (compilation instanceof Compilation.Failure failure) {
            return new Report(failure, List.of());
        }
        AgentScript script = ((Compilation.Success) compilation).script();
        List<Step> steps = new ArrayList<>();
        BarWindow window = null;
        OpenPosition position = null;
        for (Bar bar : bars) {
            if (window == null) {
                window = new BarWindow(bar.ticker(), windowCapacity);
            }
            window.add(bar);
            ScanResult result = runtime.scan(script, window, new ScanContext(parameters, position));
            for (Signal signal : result.signals()) {
                position = fill(position, signal, bar.close());
            }
            steps.add(new Step(bar, result));
        }
        return new Report(null, steps);
    }

    /** The position after the signal fills at the price; null when flat. */
    static OpenPosition fill(OpenPosition position, Signal signal, BigDecimal price) {
        BigDecimal held = position == null ? BigDecimal.ZERO
                : position.side() == OpenPosition.Side.LONG ? position.quantity() : position.quantity().negate();
        BigDecimal wanted = signal.quantity() != null ? signal.quantity()
                : signal.notional() != null ? signal.notional().divide(price, 4, RoundingMode.DOWN)
                : BigDecimal.ONE;
        BigDecimal change = switch (signal.action()) {
            case BUY -> wanted;
            case SHORT -> wanted.negate();
            case SELL -> held.signum() > 0 ? wanted.min(held).negate() : BigDecimal.ZERO;
            case COVER -> held.signum() < 0 ? wanted.min(held.negate()) : BigDecimal.ZERO;
            case EXIT -> held.negate();
        };
        BigDecimal after = held.add(change);
        if (after.signum() == 0) {
            return null;
        }
        boolean sameSide = held.signum() == after.signum();
        boolean adds = sameSide && change.signum() == after.signum();
        BigDecimal average = !sameSide ? price
                : adds ? position.averagePrice().multiply(held.abs()).add(price.multiply(change.abs()))
                        .divide(after.abs(), 6, RoundingMode.HALF_EVEN)
                : position.averagePrice();
        return new OpenPosition(after.signum() > 0 ? OpenPosition.Side.LONG : OpenPosition.Side.SHORT, after.abs(), average);
    }
}
