package com.papertrader.domain.agent;

import java.util.List;

/** The outcome of compiling an agent's script: a runnable script, or the errors that stop it compiling. */
public sealed interface Compilation {

    record Success(AgentScript script) implements Compilation {
    }

    /** @param errors at least one, in source order */
    record Failure(List<ScriptError> errors) implements Compilation {
        public Failure {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a failed compilation has at least one error");
            }
        }
    }
}
