package com.papertrader.domain.agent;

import java.util.Objects;

/**
 * Why a script did not compile or a scan failed, with the script position when known (line and column 1-based, 0 when unknown).
 */
public record ScriptError(Kind kind, String message, int line, int column) {

    public enum Kind {
        /** The script does not parse, or does not define scan(bars, ctx). */
        SYNTAX,
        /** The script threw, or used something that does not exist (a ReferenceError, TypeError, ...). */
        RUNTIME,
        /** The script touched something the sandbox forbids (Java classes, eval, a too large array or string). */
        SANDBOX,
        /** The scan ran more instructions than allowed, built-in functions' work included (an endless loop, most likely). */
        INSTRUCTION_LIMIT,
        /** The scan ran longer than its wall-clock bound, a last resort behind the instruction budget. */
        TIME_LIMIT,
        /** The scan allocated more memory than allowed. */
        MEMORY_LIMIT,
        /** The scan recursed too deeply. */
        STACK_LIMIT,
        /** The scan returned something that is neither nothing, a signal nor an array of signals. */
        RESULT
    }

    public ScriptError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** One line for an agent's page and the log, e.g. {@code "line 7:12: ReferenceError: x is not defined"}. */
    @Override
    public String toString() {
        String where = line <= 0 ? "" : column <= 0 ? "line " + line + ": " : "line " + line + ":" + column + ": ";
        return where + message;
    }
}
