package com.papertrader.infrastructure.scripting;

import com.papertrader.domain.agent.ScriptError;

/**
 * Ends a scan that broke a sandbox rule or bound. An Error rather than an exception, because Rhino lets scripts catch
 * exceptions but not Errors: a script cannot catch its way out of its budget.
 */
final class SandboxLimitExceeded extends Error {

    private static final long serialVersionUID = 1L;

    private final ScriptError.Kind kind;

    SandboxLimitExceeded(ScriptError.Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    ScriptError.Kind kind() {
        return kind;
    }
}
