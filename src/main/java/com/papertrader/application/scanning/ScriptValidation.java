package com.papertrader.application.scanning;

import com.papertrader.application.ingest.BarStore;
import com.papertrader.application.settings.ScannerSettings;
import com.papertrader.domain.agent.AgentDryRun;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.AgentParameters;
import com.papertrader.domain.agent.AgentRuntime;
import com.papertrader.domain.agent.Compilation;
import com.papertrader.domain.agent.ScriptError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * What the admin form asks before saving a script: does it compile (errors with line and column), and what would it
 * have signalled over the last N stored bars of a ticker. Places no order and changes no agent.
 */
@ApplicationScoped
public class ScriptValidation {

    /** Scripts are checked under this id; it is never an agent's. */
    private static final AgentId CHECK = AgentId.of("script-check");

    @Inject
    AgentRuntime runtime;

    @Inject
    BarStore bars;

    @Inject
    ScannerSettings settings;

    /** Empty when the script compiles. */
    public List<ScriptError> compile(String source) {
        return runtime.compile(CHECK, source) instanceof Compilation.Failure failure ? failure.errors() : List.of();
    }

    /** Scans the script bar by bar over the newest {@code lastBars} stored bars of the ticker, as the scanner would. */
    public AgentDryRun.Report dryRun(String source, AgentParameters parameters, String ticker, int lastBars) {
        return new AgentDryRun(runtime, settings.windowSize()).run(CHECK, source, parameters, bars.latest(ticker, lastBars));
    }
}
