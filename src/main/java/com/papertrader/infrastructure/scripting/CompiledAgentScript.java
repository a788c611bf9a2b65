package com.papertrader.infrastructure.scripting;

import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.AgentParameters;
import com.papertrader.domain.agent.AgentScript;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;

/**
 * One agent's compiled script with its own global scope (whose prototype is the sealed shared library) and its own
 * Rhino context, so neither its globals nor its RegExp statics are visible to other agents. Scans of it run one at
 * a time, under its lock, on whatever thread calls.
 */
final class CompiledAgentScript implements AgentScript {

    private final RhinoAgentRuntime runtime;
    private final AgentId agentId;
    private final String scriptHash;
    private final String sourceName;
    private final ScriptableObject scope;
    private final Function scan;
    private SandboxContext context;
    private AgentParameters convertedParameters;
    private Scriptable scriptParameters;

    CompiledAgentScript(RhinoAgentRuntime runtime, AgentId agentId, String scriptHash, String sourceName,
                        ScriptableObject scope, Function scan, SandboxContext context) {
        this.runtime = runtime;
        this.agentId = agentId;
        this.scriptHash = scriptHash;
        this.sourceName = sourceName;
        this.scope = scope;
        this.scan = scan;
        this.context = context;
    }

    @Override
    public AgentId agentId() {
        return agentId;
    }

    @Override
    public String scriptHash() {
        return scriptHash;
    }

    RhinoAgentRuntime runtime() {
        return runtime;
    }

    String sourceName() {
        return sourceName;
    }

    ScriptableObject scope() {
        return scope;
    }

    Function scan() {
        return scan;
    }

    SandboxContext context() {
        return context;
    }

    /** After a scan was torn down by an Error, Rhino's per-context state is not trusted again: start a fresh context. */
    void replaceContext(SandboxContext fresh) {
        this.context = fresh;
    }

    /** The parameters as a sealed script object, converted again only when they change. */
    Scriptable parameters(AgentParameters parameters, ScriptableObject shared) {
        if (!parameters.equals(convertedParameters)) {
            scriptParameters = (Scriptable) ScriptValues.toScript(parameters.asMap(), shared);
            convertedParameters = parameters;
        }
        return scriptParameters;
    }

    @Override
    public String toString() {
        return "CompiledAgentScript[" + agentId + " " + scriptHash.substring(0, 12) + "]";
    }
}
