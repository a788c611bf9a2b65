package com.papertrader.infrastructure.scripting;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on one scan (and on the one run of a script's top level when it is compiled).
 *
 * @param instructionBudget     instructions a scan may run: Rhino's count, plus what built-in functions charge for the
 *                              elements, characters and bars they go through in Java; decides whether a scan is too
 *                              expensive, the same way on a quiet and on a saturated machine
 * @param timeBudget            wall-clock bound of a scan, checked with the instruction count: only a last resort (for
 *                              work the instruction count misses, see agents/README.md), set far above what a scan
 *                              within the instruction budget takes so that load does not decide a scan's outcome
 * @param allocationBudgetBytes bytes the scanning thread may allocate during a scan, checked with the instruction count
 *                              (ignored where the JVM cannot count a thread's allocations)
 * @param observerThreshold     instructions between two checks of the three bounds above (Rhino counts them at loop
 *                              iterations and calls); a scan seen allocating fast is then checked at every count, so
 *                              a loop doubling a string stops within one doubling of the allocation budget
 * @param maxArrayLength        longest array a built-in function will work on or produce in one call
 * @param maxStringLength       longest string a built-in function will produce in one call
 * @param maxSignals            most signals one scan may return
 */
public record SandboxLimits(long instructionBudget, Duration timeBudget, long allocationBudgetBytes, int observerThreshold,
                            int maxArrayLength, int maxStringLength, int maxSignals) {

    public SandboxLimits {
        Objects.requireNonNull(timeBudget, "timeBudget");
        positive("instructionBudget", instructionBudget);
        positive("timeBudget", timeBudget.toNanos());
        positive("allocationBudgetBytes", allocationBudgetBytes);
        positive("observerThreshold", observerThreshold);
        positive("maxArrayLength", maxArrayLength);
        positive("maxStringLength", maxStringLength);
        positive("maxSignals", maxSignals);
    }

    /**
     * 1 M instructions, 10 s, 32 MB, a check every 100 instructions, 100,000 elements, 1 M characters, 20 signals.
     * A scan that spends its whole instruction budget takes well under a second on one quiet core, and a saturated
     * machine or a long garbage-collection pause slows it a few times: 10 s leaves the outcome to the budgets.
     */
    public static SandboxLimits defaults() {
        return new SandboxLimits(1_000_000, Duration.ofSeconds(10), 32L << 20, 100, 100_000, 1_000_000, 20);
    }

    public SandboxLimits withInstructionBudget(long instructions) {
        return new SandboxLimits(instructions, timeBudget, allocationBudgetBytes, observerThreshold, maxArrayLength,
                maxStringLength, maxSignals);
    }

    public SandboxLimits withTimeBudget(Duration time) {
        return new SandboxLimits(instructionBudget, time, allocationBudgetBytes, observerThreshold, maxArrayLength,
                maxStringLength, maxSignals);
    }

    public SandboxLimits withAllocationBudget(long bytes) {
        return new SandboxLimits(instructionBudget, timeBudget, bytes, observerThreshold, maxArrayLength,
                maxStringLength, maxSignals);
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("sandbox limit " + name + " must be positive, got " + value);
        }
    }
}
