package com.papertrader.infrastructure.scripting;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated so far by the current thread, from the JVM's per-thread counter (HotSpot and OpenJ9 have it).
 * When the JVM or the server's module rules hide it, allocation budgets are simply not enforced.
 */
final class AllocationMeter {

    private static final com.sun.management.ThreadMXBean THREADS = lookup();

    private AllocationMeter() {
    }

    static boolean isSupported() {
        return THREADS != null;
    }

    /** Bytes the current thread has allocated since it started; 0 when unsupported. */
    static long allocatedBytes() {
        return THREADS == null ? 0 : THREADS.getCurrentThreadAllocatedBytes();
    }

    private static com.sun.management.ThreadMXBean lookup() {
        try {
            if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                    && threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()) {
                return threads;
            }
        } catch (LinkageError | RuntimeException e) {
            // not visible here: run without allocation budgets
        }
        return null;
    }
}
