package com.papertrader.application.reporting;

import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.trading.order.Fill;
import com.papertrader.domain.trading.portfolio.Account;
import com.papertrader.domain.trading.portfolio.AccountId;
import com.papertrader.domain.trading.portfolio.EquitySnapshot;
import com.papertrader.domain.trading.portfolio.LedgerEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The read side of paper accounts: their figures as of the last saved bar event, their agents and equity curves. */
public interface AccountQueries {

    /** Every account, in id order. */
    List<Account> accounts();

    Optional<Account> account(AccountId id);

    /** Every agent by the id of the account it trades in, accounts in id order. */
    Map<String, List<Agent>> agentsByAccount();

    /** The newest {@code count} points of an account's equity curve, oldest first. */
    List<EquitySnapshot> equityCurve(AccountId account, int count);

    /** The account's cash movements, newest first. */
    Page<LedgerEntry> ledger(AccountId account, PageRequest page);

    /** When the account was last reset to its starting cash; empty if never. */
    Optional<Instant> lastReset(AccountId account);

    /** The account's equity snapshots from {@code since} on, oldest first. */
    List<EquitySnapshot> equitySince(AccountId account, Instant since);

    /** The account's fills from {@code since} on, in the order they happened. */
    List<Fill> fillsSince(AccountId account, Instant since);

    /** The start of the newest bar the desk traded on (any ticker): where the market's time stands for the accounts. */
    Optional<Instant> newestBarTraded();
}
