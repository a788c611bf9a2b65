package com.papertrader.application.scanning;

import com.papertrader.application.trading.OrderSource;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.market.Bar;
import java.util.Collection;
import java.util.List;

/**
 * The agents' scanning as live trading uses it: orders from each closed bar, windows warmed with the bars traded
 * before a start, and agents installed again when a person changes them. {@link AgentScanner} in plain Java (tests,
 * backtests); {@link ScannerBean} in the server.
 */
public interface AgentScanning extends OrderSource {

    /** Every agent, enabled or not. */
    Collection<Agent> agents();

    /** Fills a ticker's window afresh with bars already traded on, oldest first (at a start, after a failed save). */
    void warm(String ticker, List<Bar> bars);

    /** Adds or replaces an agent (as saved); compiles its script if it is enabled and new or changed. */
    void install(Agent agent);

    /** Forgets a deleted agent: it is scanned no more. */
    void uninstall(AgentId agent);
}
