package com.papertrader.application.trading;

import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.trading.execution.BrokerChanges;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.portfolio.Account;
import com.papertrader.domain.trading.portfolio.Position;
import com.papertrader.domain.trading.risk.KillSwitch;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The port to live trading's state in the database: the truth the broker is rebuilt from at start-up and after a
 * failed save, the agents, and the writes of bar events and admin changes, each in one transaction.
 */
public interface TradingStore {

    List<Account> accounts();

    /** Positions closed at or after {@code since}: the day's losing streaks are counted from them at a start. */
    List<Position> positionsClosedSince(Instant since);

    /** The kill switch, while it is engaged. */
    Optional<KillSwitch> killSwitch();

    /** The kill switch engaged, with the closes of the positions it flattened, in one transaction. */
    void saveKillSwitch(KillSwitch engaged, List<BrokerChanges> closes);

    /** The kill switch released. */
    void deleteKillSwitch();

    List<Position> openPositions();

    /**
     * The orders the broker must know: every working one (with its events), and every order of a bar at or after
     * {@code since}, which a backfill or a re-scan may meet again and must not place twice.
     */
    Collection<Order> ordersToRemember(Instant since);

    /** Each ticker's newest bar traded on. */
    Map<String, Instant> cursors();

    List<Agent> agents();

    /** The agent as stored now (a copy to change, then {@link #saveAgent}). */
    Optional<Agent> agent(AgentId id);

    Optional<Agent> agentNamed(String name);

    /**
     * An agent added or changed by a person, with the account opened for it, in one transaction.
     *
     * @return the agent as saved (its version moved on)
     */
    Agent saveAgent(Agent agent, Optional<Account> openedAccount);

    /** @return the agents as saved */
    List<Agent> saveAgents(Collection<Agent> agents);

    /** Deletes an agent with the cancellations of its orders; its orders, fills and scan records stay. */
    void deleteAgent(AgentId id, List<BrokerChanges> canceled);

    /** An account started again, with the cancellations of its orders. */
    void saveReset(Account account, List<BrokerChanges> canceled);

    /** What a person's command on the broker changed (a manual cancel or close), in one transaction. */
    void save(BrokerChanges changes);

    /** Accounts opened outside a bar event (a start-up's), saved at once. */
    void save(Account account);

    /**
     * Everything one bar event changed, in one transaction. Of the agents only their scan health (state, error streak,
     * last error) is written, by id: the scanner's copies are never merged back, so no saved copy has to return to it.
     */
    void save(TradingChanges changes);
}
