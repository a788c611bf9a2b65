package com.papertrader.infrastructure.scripting;

import com.papertrader.domain.agent.ScriptError;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.mozilla.javascript.Context;

/**
 * A Rhino context configured for agent scripts (ES6, compiled mode, no Java classes) that meters the scan it runs:
 * Rhino reports executed instructions every {@link SandboxLimits#observerThreshold()} instructions (counted at loop
 * iterations and calls, not in straight-line code) and {@link #observe} checks the instruction, allocation and time
 * budgets then; built-in functions {@link #charge} the work they do in Java.
 */
final class SandboxContext extends Context {

    /** Allocating more than budget / 128 between two checks puts the scan under close watch. */
    private static final long CLOSE_WATCH_FRACTION = 128;

    private final SandboxLimits limits;
    private long instructions;
    private long deadline;
    private long allocationStart;
    private long allocatedAtLastCheck;
    /** Arrays being joined right now, so a cyclic array joins to "" instead of recursing forever. */
    final Set<Object> joining = Collections.newSetFromMap(new IdentityHashMap<>());

    SandboxContext(SandboxContextFactory factory, SandboxLimits limits) {
        super(factory);
        this.limits = limits;
        setLanguageVersion(VERSION_ES6);
        setInterpretedMode(false);
        setGeneratingDebug(false);
        setInstructionObserverThreshold(limits.observerThreshold());
        setClassShutter(className -> false);
    }

    SandboxLimits limits() {
        return limits;
    }

    /** Resets the budgets: called before each scan. */
    void startMetering() {
        instructions = 0;
        joining.clear();
        deadline = System.nanoTime() + limits.timeBudget().toNanos();
        allocationStart = AllocationMeter.allocatedBytes();
        allocatedAtLastCheck = allocationStart;
        setInstructionObserverThreshold(limits.observerThreshold());
    }

    /** Rhino's report of {@code executed} more instructions: charges them, then checks the allocation and time budgets. */
    void observe(int executed) {
        charge(executed);
        if (AllocationMeter.isSupported()) {
            long allocated = AllocationMeter.allocatedBytes();
            if (allocated - allocationStart > limits.allocationBudgetBytes()) {
                throw new SandboxLimitExceeded(ScriptError.Kind.MEMORY_LIMIT, "the scan allocated more than "
                        + (limits.allocationBudgetBytes() >> 20) + " MB");
            }
            if (allocated - allocatedAtLastCheck > limits.allocationBudgetBytes() / CLOSE_WATCH_FRACTION) {
                // allocating fast (a string doubling in a loop grows 2^n between two checks): check at every count
                // point for the rest of this scan, so the budget is overshot by one step at most
                setInstructionObserverThreshold(1);
            }
            allocatedAtLastCheck = allocated;
        }
        if (System.nanoTime() - deadline > 0) {
            throw new SandboxLimitExceeded(ScriptError.Kind.TIME_LIMIT, "the scan ran longer than "
                    + limits.timeBudget().toMillis() + " ms, the last-resort wall-clock guard behind the instruction budget");
        }
    }

    /**
     * Adds {@code count} instructions to the scan and ends it once the budget is spent. Built-in functions that go
     * through arrays, strings or bars in Java, where Rhino counts nothing, charge one per element, character or bar,
     * so that the instruction budget alone bounds a scan's work.
     */
    void charge(long count) {
        instructions += count;
        if (instructions > limits.instructionBudget()) {
            throw new SandboxLimitExceeded(ScriptError.Kind.INSTRUCTION_LIMIT, "the scan ran more than "
                    + limits.instructionBudget() + " instructions (an endless loop?)");
        }
    }

    /** The calling thread's context, for the functions of host objects, which Rhino does not hand one. */
    static SandboxContext current() {
        return (SandboxContext) Context.getCurrentContext();
    }
}
