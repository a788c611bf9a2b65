package com.papertrader.domain.agent;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one scan. A failed scan ({@code error} not null) has no signals. A scan that ran may still have returned
 * signals that failed validation: they are left out of {@link #signals()} and described in {@link #rejections()}.
 */
public record ScanResult(List<Signal> signals, List<String> rejections, ScriptError error, Duration duration) {

    public ScanResult {
        signals = List.copyOf(signals);
        rejections = List.copyOf(rejections);
        Objects.requireNonNull(duration, "duration");
        if (error != null && !signals.isEmpty()) {
            throw new IllegalArgumentException("a failed scan has no signals");
        }
    }

    public static ScanResult failed(ScriptError error, Duration duration) {
        return new ScanResult(List.of(), List.of(), Objects.requireNonNull(error, "error"), duration);
    }

    /** The script failed, or returned a signal that was rejected: what an agent's error streak counts. */
    public boolean hasProblem() {
        return error != null || !rejections.isEmpty();
    }

    /** One line describing the failure or the rejections, for {@link Agent#recordScanError}; empty when all went well. */
    public Optional<String> problem() {
        if (error != null) {
            return Optional.of(error.toString());
        }
        return rejections.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", rejections));
    }
}
