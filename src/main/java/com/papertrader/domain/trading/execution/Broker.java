package com.papertrader.domain.trading.execution;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.CashDividend;
import com.papertrader.domain.market.CorporateAction;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.Split;
import com.papertrader.domain.market.TradingSession;
import com.papertrader.domain.trading.Money;
import com.papertrader.domain.trading.order.Fill;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.order.OrderId;
import com.papertrader.domain.trading.order.OrderRequest;
import com.papertrader.domain.trading.order.OrderRole;
import com.papertrader.domain.trading.order.OrderStatus;
import com.papertrader.domain.trading.order.OrderType;
import com.papertrader.domain.trading.order.TimeInForce;
import com.papertrader.domain.trading.portfolio.Account;
import com.papertrader.domain.trading.portfolio.EquitySnapshot;
import com.papertrader.domain.trading.portfolio.LedgerEntry;
import com.papertrader.domain.trading.portfolio.Position;
import com.papertrader.domain.trading.portfolio.PositionSide;
import com.papertrader.domain.trading.risk.AccountHalt;
import com.papertrader.domain.trading.risk.RiskCheck;
import com.papertrader.domain.trading.risk.RiskDenial;
import com.papertrader.domain.trading.risk.RiskLimits;
import com.papertrader.domain.trading.risk.RiskRule;
import com.papertrader.domain.trading.risk.RiskRules;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The paper broker: takes orders ({@link #submit}), fills them against bars ({@link #onBar}) with the
 * {@link FillModel} and {@link FeeModel}, keeps positions and accounts, and reports what changed so the caller can
 * save it in one transaction. In-memory and single-threaded (the container serialises calls); no I/O. After a
 * restart it continues from saved entities ({@link #restore}): the database is the truth.
 * <p>
 * Rules the broker adds to the fill model: exits never cross through zero (an exit fill is trimmed to the position
 * and the rest canceled; an entry against an opposite position is canceled); bracket legs are activated, sized to
 * what their parent filled, once the parent is done, and can fill from the next bar; one leg filling cancels the
 * other (OCO); a position that closes cancels the exits still working on it; DAY orders expire at their session's
 * close; agents with {@code flattenMinutesBeforeClose} have their positions closed by a market order placed at the
 * first bar close inside that window.
 * <p>
 * How the container drives it (one instance, calls serialised, e.g. a {@code @Singleton} with write locks):
 * <ol>
 * <li>Start-up: {@link #restore} with all accounts, {@code Position.FIND_OPEN}, {@code Order.FIND_WORKING} plus the
 *     orders of the bars that may be scanned again; {@link #setRiskLimits} per agent; {@link #openAccount} for an
 *     agent without an account (id = agent id).</li>
 * <li>Per closed bar, in time order: {@link #onBar}, then the scanner's signals of that bar through {@link #submit}
 *     with the clock at (or after) the bar's close.</li>
 * <li>On a timer tick: {@link #expireDayOrders} so DAY orders of quiet tickers expire at the close.</li>
 * <li>Saving: each call's {@link BrokerChanges} in one transaction; ids are assigned by the domain, so a new order
 *     is inserted under its client order id (a second one with the same id is refused) and a known one updated.</li>
 * </ol>
 */
public final class Broker {

    private final Clock clock;
    private final FillModel fillModel;
    private final FeeModel feeModel;
    private final List<RiskRule> rules;
    private final MarketCalendar calendar;
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final PositionBook positions = new PositionBook();
    private final LiveOrders liveOrders = new LiveOrders();
    private final Set<String> knownOrderIds = new HashSet<>();
    private final Map<String, RiskLimits> riskLimits = new HashMap<>();
    /** Keys of the corporate actions applied: each applies once. */
    private final Set<String> appliedActions = new HashSet<>();
    private final LosingStreaks losingStreaks = new LosingStreaks();
    /** Whether any agent's limits flatten before the close: when none does, the flatten rule has no bar to act on. */
    private boolean anyFlattens = RiskLimits.DEFAULTS.flattenMinutesBeforeClose() != null;
    private boolean killSwitchEngaged;

    public Broker(Clock clock, FillModel fillModel, FeeModel feeModel) {
        this(clock, fillModel, feeModel, RiskRules.standard());
    }

    public Broker(Clock clock, FillModel fillModel, FeeModel feeModel, List<RiskRule> rules) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fillModel = Objects.requireNonNull(fillModel, "fillModel");
        this.feeModel = Objects.requireNonNull(feeModel, "feeModel");
        this.rules = List.copyOf(rules);
        this.calendar = fillModel.calendar();
    }

    // ---- set-up ----

    /** Opens a new paper account (save the returned entity). */
    public Account openAccount(String id, BigDecimal startingCash, BigDecimal marginMultiplier) {
        if (accounts.containsKey(id)) {
            throw new IllegalArgumentException("Account " + id + " exists already");
        }
        Account account = Account.open(id, startingCash, marginMultiplier, clock.instant());
        accounts.put(id, account);
        return account;
    }

    /**
     * Loads saved state into an empty broker: all accounts, the open positions, and the orders to remember.
     * Every order given counts for idempotency (pass at least those of the bars that may be scanned again);
     * those not yet terminal (with their events loaded, see {@link Order#FIND_WORKING}) become live again.
     */
    public void restore(Collection<Account> savedAccounts, Collection<Position> openPositions, Collection<Order> orders) {
        if (!accounts.isEmpty() || !liveOrders.isEmpty() || !knownOrderIds.isEmpty()) {
            throw new IllegalStateException("restore needs an empty broker");
        }
        savedAccounts.forEach(account -> accounts.put(account.id(), account));
        openPositions.stream().filter(Position::isOpen).forEach(positions::put);
        for (Order order : orders) {
            knownOrderIds.add(order.id());
            if (!order.status().isTerminal()) {
                liveOrders.add(order);
            }
        }
    }

    /** The corporate actions applied before (restored from the store): they are never applied again. */
    public void rememberApplied(Collection<String> actionKeys) {
        appliedActions.addAll(actionKeys);
    }

    /** At a restart: positions closed lately, in any order, so the agents' losing streaks of the day count on. */
    public void rememberClosed(Collection<Position> closed) {
        closed.stream().filter(position -> !position.isOpen())
                .sorted(Comparator.comparing(Position::closedAt).thenComparing(Position::id))
                .forEach(position -> losingStreaks.closed(position, MarketCalendar.tradingDay(position.closedAt())));
    }

    public boolean hasApplied(CorporateAction action) {
        return appliedActions.contains(action.key());
    }

    public void setRiskLimits(String agentId, RiskLimits limits) {
        riskLimits.put(Objects.requireNonNull(agentId, "agentId"), Objects.requireNonNull(limits, "limits"));
        anyFlattens = RiskLimits.DEFAULTS.flattenMinutesBeforeClose() != null
                || riskLimits.values().stream().anyMatch(agentLimits -> agentLimits.flattenMinutesBeforeClose() != null);
    }

    /** The agent's limits, or {@link RiskLimits#DEFAULTS}. */
    public RiskLimits riskLimits(String agentId) {
        return riskLimits.getOrDefault(agentId, RiskLimits.DEFAULTS);
    }

    /** Refuses all new entries until released; exits and working orders carry on. */
    public void engageKillSwitch() {
        killSwitchEngaged = true;
    }

    public void releaseKillSwitch() {
        killSwitchEngaged = false;
    }

    public boolean isKillSwitchEngaged() {
        return killSwitchEngaged;
    }

    // ---- commands ----

    /** Sizes, risk-checks and books an order: accepted (with its held bracket legs), rejected with a reason, or duplicate. */
    public SubmitResult submit(OrderRequest request) {
        OrderId id = request.orderId();
        if (knownOrderIds.contains(id.value())) {
            return new SubmitResult.Duplicate(id);
        }
        Instant now = clock.instant();
        ChangeSet changes = new ChangeSet();
        Account account = accounts.get(request.accountId());
        RiskLimits limits = riskLimits(request.agentId());
        BigDecimal price = request.expectedPrice();
        long quantity = account == null ? 0 : size(request, account, limits, price);
        Instant expiresAt = request.timeInForce() == TimeInForce.DAY ? calendar.nextSession(now).close() : null;
        Order order = Order.fromRequest(request, quantity, expiresAt, now);
        knownOrderIds.add(order.id());
        changes.created(order);

        Optional<RiskDenial> denial = account == null
                ? Optional.of(new RiskDenial(RiskDenial.UNKNOWN_ACCOUNT, "unknown account " + request.accountId()))
                : riskDenial(request, quantity, price, account, limits, now, changes);
        if (denial.isPresent()) {
            changes.event(order, order.reject(denial.get().reason(), now, now));
            return new SubmitResult.Rejected(order, denial.get(), changes.build());
        }
        changes.event(order, order.accept("risk checks passed", now, now));
        liveOrders.add(order);
        List<Order> legs = bracketLegs(order, request, limits, price, now);
        for (Order leg : legs) {
            liveOrders.add(leg);
            knownOrderIds.add(leg.id());
            changes.created(leg);
        }
        return new SubmitResult.Accepted(order, legs, changes.build());
    }

    /**
     * Processes one closed bar: rolls accounts into a new trading day, expires stale DAY orders, fills and triggers
     * the bar's ticker's orders, places end-of-day flatten orders, expires DAY orders whose session closes with this
     * bar, marks the ticker's positions to the close and snapshots the equity of the accounts involved.
     */
    public BrokerChanges onBar(Bar bar) {
        Objects.requireNonNull(bar, "bar");
        LocalDate day = MarketCalendar.tradingDay(bar.start());
        if (!liveOrders.hasTicker(bar.ticker()) && !positions.hasTicker(bar.ticker()) && !isNewDay(day)) {
            return BrokerChanges.NONE; // nothing to fill, expire, flatten or mark: most bars of a wide universe
        }
        Instant now = clock.instant();
        ChangeSet changes = new ChangeSet();
        startDay(day, changes);
        expire(liveOrders.ofTicker(bar.ticker()), bar.start(), now, changes);
        fill(bar, now, changes);
        flatten(bar, now, changes);
        expire(liveOrders.ofTicker(bar.ticker()), bar.end(), now, changes);
        mark(bar, changes);
        liveOrders.forgetFinished(bar.ticker());
        return changes.build();
    }

    /** Expires every DAY order (any ticker) whose session has closed by {@code now}; call on a clock tick. */
    public BrokerChanges expireDayOrders(Instant now) {
        if (!liveOrders.mayExpireBy(now)) {
            return BrokerChanges.NONE;
        }
        ChangeSet changes = new ChangeSet();
        expire(liveOrders.all(), now, clock.instant(), changes);
        liveOrders.forgetFinished();
        return changes.build();
    }

    /**
     * Follows a corporate action at its effective date's open ({@code at}: the start of the ticker's first bar that day),
     * once: the same action again (same key) changes nothing.
     * <ul>
     * <li>A split: every live order of the ticker adjusted ({@link Order#adjustForSplit}; bracket legs too), every open
     *     position split ({@link Position#split}: equity unchanged, a fractional share settled in cash).</li>
     * <li>A cash dividend: every account holding the ticker at the open receives the amount per share of a long
     *     position, or pays it for a short one, on the ex-date (not the pay date: the paper account has nothing to wait
     *     for, and the ex-date is when the price drops by it).</li>
     * </ul>
     */
    public BrokerChanges apply(CorporateAction action, Instant at) {
        if (!appliedActions.add(action.key())) {
            return BrokerChanges.NONE;
        }
        ChangeSet changes = new ChangeSet();
        changes.applied(action);
        if (action instanceof Split split) {
            split(split, at, changes);
        } else if (action instanceof CashDividend dividend) {
            payDividend(dividend, at, changes);
        }
        liveOrders.forgetFinished(action.ticker());
        return changes.build();
    }

    private void split(Split split, Instant at, ChangeSet changes) {
        Instant now = clock.instant();
        List<Order> affected = liveOrders.ofTicker(split.ticker()).stream()
                .filter(order -> !order.status().isTerminal())
                .sorted(Comparator.comparing(order -> order.role().isBracketLeg() ? 0 : 1))
                .toList();
        for (Order order : affected) {
            if (!order.status().isTerminal()) {
                changes.event(order, order.adjustForSplit(split, at, now));
                settleLegs(order, at, now, changes);
            }
        }
        for (Position position : List.copyOf(positions.ofTicker(split.ticker()))) {
            Position.SplitSettlement settlement = position.split(split, at);
            Account account = accounts.get(position.accountId());
            if (settlement.cash().signum() != 0) {
                account.recordCorporateAction(LedgerEntry.Kind.SPLIT_CASH, settlement.cash(), settlement.realized(), split.key(),
                        "cash for the fractional share of " + split.ticker() + " left by the " + split.describe(), at);
            }
            changes.position(position);
            if (!position.isOpen()) {
                positions.remove(position);
                cancelExits(position, "position " + position.ticker() + " closed by the " + split.describe(), at, now, changes);
            }
            revalue(account, at);
            changes.account(account);
        }
    }

    private void payDividend(CashDividend dividend, Instant at, ChangeSet changes) {
        for (Position position : positions.ofTicker(dividend.ticker())) {
            boolean receives = position.side() == PositionSide.LONG;
            BigDecimal amount = Money.cash(dividend.cashAmount().multiply(BigDecimal.valueOf(position.quantity())));
            Account account = accounts.get(position.accountId());
            account.recordCorporateAction(LedgerEntry.Kind.DIVIDEND, receives ? amount : amount.negate(), BigDecimal.ZERO,
                    dividend.key(), (receives ? "received " : "paid (short) ") + dividend.describe() + " on " + position.quantity()
                            + " " + dividend.ticker() + ", ex " + dividend.exDate(), at);
            changes.account(account);
        }
    }

    /** Cancels a live order (a canceled parent that had partly filled still releases its legs for what it filled). */
    public BrokerChanges cancel(String orderId, String reason) {
        Order order = liveOrders.get(orderId);
        if (order == null) {
            throw new IllegalArgumentException("No live order " + orderId);
        }
        Instant now = clock.instant();
        ChangeSet changes = new ChangeSet();
        changes.event(order, order.cancel(reason, now, now));
        settleLegs(order, now, now, changes);
        liveOrders.forgetFinished(order.ticker());
        return changes.build();
    }

    /**
     * A person closes a position: a market order for all of it, at the open of the ticker's next bar. The position's
     * stop and target stay working until the close fills (then they are canceled, as for any close).
     *
     * @throws IllegalArgumentException when there is no such open position
     * @throws IllegalStateException when a close of it is working already
     */
    public BrokerChanges closePosition(String accountId, String ticker, String reason) {
        Position position = positions.get(accountId, ticker);
        if (position == null) {
            throw new IllegalArgumentException("No open position in " + ticker + " in account " + accountId);
        }
        if (hasWorkingFlatten(position)) {
            throw new IllegalStateException("A close of the " + ticker + " position in account " + accountId + " is working already");
        }
        Instant now = clock.instant();
        ChangeSet changes = new ChangeSet();
        int attempt = 1;
        while (knownOrderIds.contains(OrderId.forManualClose(position.openedBy(), ticker, now, attempt).value())) {
            attempt++; // closed, canceled and closed again before the next bar
        }
        Order close = Order.manualClose(OrderId.forManualClose(position.openedBy(), ticker, now, attempt), position.openedBy(),
                accountId, ticker, position.side().closingSide(), position.quantity(), position.lastPrice(), now, now, reason);
        close.accept(reason, now, now);
        changes.created(close);
        liveOrders.add(close);
        knownOrderIds.add(close.id());
        return changes.build();
    }

    /** Closes every open position as {@link #closePosition} does, except those a close is working for already. */
    public List<BrokerChanges> closeAllPositions(String reason) {
        List<BrokerChanges> closes = new ArrayList<>();
        for (Position position : List.copyOf(positions.all())) {
            if (!hasWorkingFlatten(position)) {
                closes.add(closePosition(position.accountId(), position.ticker(), reason));
            }
        }
        return closes;
    }

    // ---- queries ----

    public Optional<Account> account(String id) {
        return Optional.ofNullable(accounts.get(id));
    }

    public List<Account> accounts() {
        return List.copyOf(accounts.values());
    }

    public Optional<Position> position(String accountId, String ticker) {
        return Optional.ofNullable(positions.get(accountId, ticker));
    }

    public List<Position> openPositions() {
        return List.copyOf(positions.all());
    }

    /** Held bracket legs and working orders. */
    public List<Order> liveOrders() {
        return List.copyOf(liveOrders.all());
    }

    // ---- submission ----

    /** Shares for a request: as given, from the notional, from the agent's position size, or the whole position for an exit. */
    private long size(OrderRequest request, Account account, RiskLimits limits, BigDecimal price) {
        if (request.quantity() != null) {
            return request.quantity();
        }
        if (request.notional() != null) {
            return Money.wholeShares(request.notional(), price);
        }
        if (request.side().isEntry()) {
            return Money.wholeShares(Money.percentOf(account.equity(), limits.positionSizePercent()), price);
        }
        return position(account.id(), request.ticker())
                .filter(position -> position.side() == PositionSide.of(request.side()))
                .map(Position::quantity).orElse(0L);
    }

    private Optional<RiskDenial> riskDenial(OrderRequest request, long quantity, BigDecimal price, Account account,
                                           RiskLimits limits, Instant now, ChangeSet changes) {
        LocalDate day = MarketCalendar.tradingDay(now);
        if (request.side().isEntry() && !account.isHaltedOn(day)) {
            limits.dailyLossBreach(account).ifPresent(reason -> {
                account.haltForDay(day, reason);
                changes.account(account);
                changes.halted(new AccountHalt(account.id(), AccountHalt.Kind.DAILY_LOSS, reason, now));
            });
        }
        if (request.side().isEntry() && !account.isLocked()) {
            limits.drawdownBreach(account).ifPresent(reason -> {
                account.lock(reason, now);
                changes.account(account);
                changes.halted(new AccountHalt(account.id(), AccountHalt.Kind.DRAWDOWN, reason, now));
            });
        }
        Map<String, Position> accountPositions = positions.ofAccount(account.id());
        List<Order> working = liveOrders.ofAccount(account.id()).stream()
                .filter(order -> order.status().isWorking())
                .toList();
        RiskCheck check = new RiskCheck(request, quantity, price, feeModel.commissionFor(quantity), account, limits,
                accountPositions, working, killSwitchEngaged, losingStreaks.losses(request.agentId(), day), now, calendar);
        return RiskRules.firstDenial(rules, check);
    }

    /**
     * Stop-loss and take-profit legs: the signal's prices (or its trailing stop), else the agent's percent defaults
     * around the expected price.
     */
    private List<Order> bracketLegs(Order entry, OrderRequest request, RiskLimits limits, BigDecimal price, Instant now) {
        if (!entry.side().isEntry()) {
            return List.of();
        }
        int down = entry.side().isLong() ? -1 : 1;
        BigDecimal stopLoss = request.stopLoss() != null ? request.stopLoss()
                : limits.stopLossPercent() == null || request.trailingStop() != null ? null
                : Money.movePrice(price, limits.stopLossPercent().multiply(BigDecimal.valueOf(down)));
        BigDecimal takeProfit = request.takeProfit() != null ? request.takeProfit()
                : limits.takeProfitPercent() == null ? null
                : Money.movePrice(price, limits.takeProfitPercent().multiply(BigDecimal.valueOf(-down)));
        List<Order> legs = new ArrayList<>();
        if (stopLoss != null) {
            legs.add(entry.bracketLeg(OrderRole.STOP_LOSS, stopLoss, now));
        }
        if (request.trailingStop() != null) {
            legs.add(entry.trailingStopLeg(request.trailingStop(), price, now));
        }
        if (takeProfit != null) {
            legs.add(entry.bracketLeg(OrderRole.TAKE_PROFIT, takeProfit, now));
        }
        return legs;
    }

    // ---- bars ----

    private boolean isNewDay(LocalDate day) {
        for (Account account : accounts.values()) {
            if (day.isAfter(account.tradingDay())) {
                return true;
            }
        }
        return false;
    }

    private void startDay(LocalDate day, ChangeSet changes) {
        for (Account account : accounts.values()) {
            if (day.isAfter(account.tradingDay())) {
                account.startDay(day);
                changes.account(account);
            }
        }
    }

    private void fill(Bar bar, Instant now, ChangeSet changes) {
        Collection<Order> live = liveOrders.ofTicker(bar.ticker());
        if (live.isEmpty()) {
            return;
        }
        long liquidity = fillModel.liquidity(bar);
        List<Order> candidates = new ArrayList<>(live.size());
        for (Order order : live) {
            if (order.canTradeOn(bar.start())) {
                candidates.add(order);
            }
        }
        candidates.sort(fillModel.priority());
        for (Order order : candidates) {
            if (!order.status().isWorking()) {
                continue; // canceled earlier on this bar (OCO, position closed)
            }
            FillDecision decision = fillModel.decide(order, bar);
            if (decision.triggers() && !order.isTriggered()) {
                order.trigger(bar.start());
                changes.order(order);
            }
            if (decision.fills() && liquidity > 0) {
                long filled = fillWithinPosition(order, Math.min(order.remainingQuantity(), liquidity), decision.price(), bar, now, changes);
                liquidity -= filled;
            }
            // after the bar, so its own high never tightens the stop it is tested against (the low may have come first)
            if (order.type() == OrderType.TRAILING_STOP && order.status().isWorking() && !order.isTriggered()
                    && order.trail(bar.high(), bar.low())) {
                changes.order(order);
            }
        }
    }

    /** Fills up to {@code wanted} shares without crossing through zero; returns the shares filled. */
    private long fillWithinPosition(Order order, long wanted, BigDecimal price, Bar bar, Instant now, ChangeSet changes) {
        Position position = positions.get(order.accountId(), order.ticker());
        PositionSide side = PositionSide.of(order.side());
        if (position != null && position.side() != side) {
            changes.event(order, order.cancel("account holds a " + position.side() + " position in " + order.ticker()
                    + "; a " + order.side().label() + " would cross through zero", bar.start(), now));
            settleLegs(order, bar.start(), now, changes);
            return 0;
        }
        if (!order.side().isEntry() && position == null) {
            changes.event(order, order.cancel("no " + side + " position in " + order.ticker() + " left to close", bar.start(), now));
            return 0;
        }
        long quantity = order.side().isEntry() ? wanted : Math.min(wanted, position.quantity());
        BigDecimal commission = feeModel.commissionFor(order.filledQuantity() + quantity).subtract(order.commission());
        Fill fill = order.fill(quantity, price, commission, bar.start(), now);
        changes.event(order, order.lastEvent());
        changes.fill(fill);
        BigDecimal realized = Money.ZERO;
        if (position == null) {
            position = Position.open(fill);
            positions.put(position);
        } else {
            realized = position.apply(fill);
        }
        Account account = accounts.get(order.accountId());
        if (account == null) {
            throw new IllegalStateException("Order " + order.id() + " filled for unknown account " + order.accountId());
        }
        account.recordFill(fill, realized);
        changes.position(position);
        changes.account(account);
        if (order.role().isBracketLeg()) {
            cancelSiblings(order, bar.start(), now, changes);
        }
        if (!position.isOpen()) {
            positions.remove(position);
            losingStreaks.closed(position, MarketCalendar.tradingDay(bar.start()));
            cancelExits(position, "position " + order.ticker() + " closed", bar.start(), now, changes);
        }
        settleLegs(order, bar.start(), now, changes);
        return quantity;
    }

    /** One-cancels-other: a bracket leg that fills cancels its sibling. */
    private void cancelSiblings(Order leg, Instant at, Instant now, ChangeSet changes) {
        for (Order sibling : liveOrders.ofTicker(leg.ticker())) {
            if (sibling != leg && sibling.parentId().equals(leg.parentId()) && !sibling.status().isTerminal()) {
                changes.event(sibling, sibling.cancel("one-cancels-other: " + leg.id() + " filled", at, now));
            }
        }
    }

    private void cancelExits(Position closed, String reason, Instant at, Instant now, ChangeSet changes) {
        for (Order order : liveOrders.ofTicker(closed.ticker())) {
            if (order.status().isWorking() && !order.side().isEntry() && order.accountId().equals(closed.accountId())) {
                changes.event(order, order.cancel(reason, at, now));
            }
        }
    }

    /**
     * Once an entry is done, its held legs are activated for what it filled (from the bar after {@code at}),
     * or canceled when it filled nothing.
     */
    private void settleLegs(Order parent, Instant at, Instant now, ChangeSet changes) {
        if (!parent.status().isTerminal()) {
            return;
        }
        for (Order leg : legsOf(parent)) {
            if (parent.filledQuantity() > 0) {
                if (leg.type() == OrderType.TRAILING_STOP) {
                    leg.startTrailing(parent.averageFillPrice());
                }
                changes.event(leg, leg.activate(parent.filledQuantity(), at, "parent " + parent.id() + " filled "
                        + parent.filledQuantity() + " @ " + parent.averageFillPrice().toPlainString(), at, now));
            } else {
                changes.event(leg, leg.cancel("parent " + parent.id() + " " + parent.status(), at, now));
            }
        }
    }

    private List<Order> legsOf(Order parent) {
        return liveOrders.ofTicker(parent.ticker()).stream()
                .filter(order -> order.parentId().filter(parent.id()::equals).isPresent()
                        && order.status() == OrderStatus.NEW)
                .toList();
    }

    private void expire(Collection<Order> orders, Instant until, Instant now, ChangeSet changes) {
        if (orders.isEmpty()) {
            return;
        }
        for (Order order : List.copyOf(orders)) {
            if (order.status().isWorking() && order.expiresAt() != null && !order.expiresAt().isAfter(until)) {
                changes.event(order, order.expire(order.expiresAt(), now));
                settleLegs(order, order.expiresAt(), now, changes);
            }
        }
    }

    /**
     * At the first bar close inside an agent's flatten window: cancel the working orders on its positions in this
     * ticker and close them with a DAY market order (which fills at the next bar's open); cancel its working entries.
     */
    private void flatten(Bar bar, Instant now, ChangeSet changes) {
        if (!anyFlattens || !positions.hasTicker(bar.ticker()) && !liveOrders.hasTicker(bar.ticker())) {
            return; // no agent flattens, or nothing to close or cancel (e.g. the ticker's last order filled on this bar)
        }
        Optional<TradingSession> session = calendar.sessionAt(bar.start());
        if (session.isEmpty()) {
            return;
        }
        Instant close = session.get().close();
        Predicate<String> inWindow = agentId -> {
            Integer minutes = riskLimits(agentId).flattenMinutesBeforeClose();
            return minutes != null && !bar.end().isBefore(close.minus(Duration.ofMinutes(minutes)));
        };
        for (Position position : List.copyOf(positions.ofTicker(bar.ticker()))) {
            boolean due = inWindow.test(position.openedBy())
                    && !hasWorkingFlatten(position)
                    && !knownOrderIds.contains(OrderId.forFlatten(position.openedBy(), bar.ticker(), bar.start()).value());
            if (due) {
                String reason = "end-of-day flatten " + riskLimits(position.openedBy()).flattenMinutesBeforeClose()
                        + " minutes before the close at " + close;
                cancelAll(bar.ticker(), order -> order.accountId().equals(position.accountId()), () -> reason, bar.end(), now, changes);
                Order flatten = Order.flatten(position.openedBy(), position.accountId(), bar.ticker(),
                        position.side().closingSide(), position.quantity(), bar.close(), bar.start(), close, now, reason);
                flatten.accept("end-of-day flatten", bar.end(), now);
                liveOrders.add(flatten);
                knownOrderIds.add(flatten.id());
                changes.created(flatten);
            }
        }
        cancelAll(bar.ticker(), order -> order.side().isEntry() && inWindow.test(order.agentId()),
                () -> "end-of-day flatten: no entries before the close at " + close, bar.end(), now, changes);
    }

    private boolean hasWorkingFlatten(Position position) {
        return liveOrders.ofTicker(position.ticker()).stream().anyMatch(order -> order.role() == OrderRole.FLATTEN
                && order.status().isWorking() && order.accountId().equals(position.accountId()));
    }

    /**
     * Cancels the ticker's matching live orders, held legs first so that no leg is released by its parent's cancellation.
     * The reason is written only when an order is canceled (it formats an instant, and most bars cancel nothing).
     */
    private void cancelAll(String ticker, Predicate<Order> which, Supplier<String> reason, Instant at, Instant now, ChangeSet changes) {
        List<Order> doomed = liveOrders.ofTicker(ticker).stream()
                .filter(order -> !order.status().isTerminal() && order.role() != OrderRole.FLATTEN && which.test(order))
                .sorted(Comparator.comparing(order -> order.role().isBracketLeg() ? 0 : 1))
                .toList();
        for (Order order : doomed) {
            if (!order.status().isTerminal()) {
                changes.event(order, order.cancel(reason.get(), at, now));
                settleLegs(order, at, now, changes);
            }
        }
    }

    /** Marks the ticker's positions to the bar close, revalues the accounts involved and snapshots their equity. */
    private void mark(Bar bar, ChangeSet changes) {
        Set<String> involved = new LinkedHashSet<>();
        changes.accounts().forEach(account -> involved.add(account.id()));
        for (Position position : positions.ofTicker(bar.ticker())) {
            position.mark(bar.close(), bar.end());
            changes.position(position);
            involved.add(position.accountId());
        }
        for (String accountId : involved) {
            Account account = accounts.get(accountId);
            revalue(account, bar.end());
            changes.account(account);
            changes.snapshot(EquitySnapshot.of(account, bar.end()));
        }
    }

    private void revalue(Account account, Instant at) {
        BigDecimal longValue = Money.ZERO;
        BigDecimal shortValue = Money.ZERO;
        BigDecimal unrealized = Money.ZERO;
        for (Position position : positions.ofAccount(account.id()).values()) {
            if (position.side() == PositionSide.LONG) {
                longValue = longValue.add(position.marketValue());
            } else {
                shortValue = shortValue.add(position.marketValue());
            }
            unrealized = unrealized.add(position.unrealizedPnl());
        }
        account.revalue(longValue, shortValue, unrealized, at);
    }
}
