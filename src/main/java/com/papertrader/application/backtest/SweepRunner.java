package com.papertrader.application.backtest;

import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentParameters;
import com.papertrader.domain.market.Bar;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;

/**
 * Runs a sweep's combinations, each a whole backtest by the same {@link Backtester} over the same bars, on
 * {@code parallelism} threads: the calling thread and {@code parallelism - 1} more from the executor, each taking the
 * next combination nobody has started. A combination whose script stops (its scans keep failing, e.g. it rejects a
 * parameter) or whose run throws is reported failed and the others go on. Canceling ends the runs going (canceled,
 * with what they did) and starts no more. Plain Java: the bars are read by every thread and changed by none.
 */
public final class SweepRunner {

    /** One combination of a sweep: the run that stores its result and the parameters its script reads. */
    public record Combination(String runId, AgentParameters parameters) {
    }

    /** Hears what becomes of each combination; called on the thread that runs it. */
    public interface Outcomes {
        /** @return the run's progress, which the run reports to and whose cancel it obeys */
        RunProgress started(Combination combination, long bars);

        void finished(Combination combination, BacktestResult result);

        void failed(Combination combination, String reason);
    }

    private final Backtester backtester;
    private final Agent agent;
    private final List<String> tickers;
    private final BigDecimal startingCash;
    private final List<Bar> warmup;
    private final List<List<Bar>> series;
    private final long bars;

    /** @param series the period's bars, one list per ticker, each in time order */
    public SweepRunner(Backtester backtester, Agent agent, List<String> tickers, BigDecimal startingCash, List<Bar> warmup,
                       List<List<Bar>> series) {
        this.backtester = backtester;
        this.agent = agent;
        this.tickers = List.copyOf(tickers);
        this.startingCash = startingCash;
        this.warmup = List.copyOf(warmup);
        this.series = series.stream().map(List::copyOf).toList();
        this.bars = this.series.stream().mapToLong(List::size).sum();
    }

    /**
     * Runs the combinations and returns when every one started has ended. Fewer threads run when the executor refuses
     * some (the calling thread always runs).
     */
    public void run(List<Combination> combinations, int parallelism, Executor executor, Outcomes outcomes, BooleanSupplier canceled) {
        Queue<Combination> queue = new ConcurrentLinkedQueue<>(combinations);
        List<CompletableFuture<Void>> others = new ArrayList<>();
        for (int i = 1; i < Math.min(parallelism, combinations.size()); i++) {
            try {
                others.add(CompletableFuture.runAsync(() -> work(queue, outcomes, canceled), executor));
            } catch (RejectedExecutionException e) {
                break;
            }
        }
        work(queue, outcomes, canceled);
        others.forEach(CompletableFuture::join);
    }

    private void work(Queue<Combination> queue, Outcomes outcomes, BooleanSupplier canceled) {
        Combination next;
        while (!canceled.getAsBoolean() && (next = queue.poll()) != null) {
            RunProgress progress = outcomes.started(next, bars);
            BacktestResult result;
            try {
                result = backtester.run(agent, next.parameters(), tickers, startingCash, warmup, Backtester.inTimeOrder(series),
                        progress, () -> progress.canceled() || canceled.getAsBoolean());
            } catch (RuntimeException e) {
                outcomes.failed(next, e.getMessage() == null ? e.toString() : e.getMessage());
                continue;
            }
            if (result.agentStopped().isPresent() && !result.canceled()) {
                outcomes.failed(next, "the script stopped: " + result.agentStopped().get());
            } else {
                outcomes.finished(next, result);
            }
        }
    }
}
