package com.papertrader.domain.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A scripted trading agent: its scan script (identified by the script's SHA-256, the script "version"),
 * the tickers it watches, the parameters its script reads, its risk settings, and whether the scanner runs it.
 * After a configurable number of consecutive scan errors the agent stops itself ({@link AgentState#ERRORED})
 * so one broken script cannot flood the log; a person enables it again.
 */
@Entity
@Table(name = "agent")
@NamedQuery(name = "Agent.findAll", query = "SELECT a FROM Agent a ORDER BY a.name")
@NamedQuery(name = "Agent.findByState", query = "SELECT a FROM Agent a WHERE a.state = :state ORDER BY a.name")
@NamedQuery(name = "Agent.findByName", query = "SELECT a FROM Agent a WHERE a.name = :name")
@NamedQuery(name = Agent.UPDATE_SCAN_HEALTH, query = "UPDATE Agent a SET a.state = :state, a.lastError = :lastError,"
        + " a.consecutiveErrors = :consecutiveErrors WHERE a.id = :id")
public class Agent {

    /** Writes what scans change of an agent (state, last error, error streak), leaving a person's edits alone. */
    public static final String UPDATE_SCAN_HEALTH = "Agent.updateScanHealth";

    /** Scripts are small programs; this keeps one row (and one compile) cheap. */
    public static final int MAX_SCRIPT_LENGTH = 65_536;
    public static final int MAX_NAME_LENGTH = 100;
    /** Longer error messages are cut to this length. */
    public static final int MAX_ERROR_LENGTH = 1000;

    @EmbeddedId
    private AgentId id;

    @Version
    @Column(name = "lock_version", nullable = false)
    private long lockVersion;

    @Column(name = "name", nullable = false, unique = true, length = MAX_NAME_LENGTH)
    private String name;

    @Column(name = "script", nullable = false, length = MAX_SCRIPT_LENGTH)
    private String script;

    @Column(name = "script_hash", nullable = false, length = 64)
    private String scriptHash;

    @Convert(converter = WatchedTickersConverter.class)
    @Column(name = "tickers", nullable = false, length = 2000)
    private WatchedTickers tickers;

    @Convert(converter = AgentParametersConverter.class)
    @Column(name = "parameters", nullable = false, length = AgentParameters.MAX_JSON_LENGTH)
    private AgentParameters parameters;

    @Embedded
    private AgentRiskSettings risk;

    /** The paper account it trades when shared with other agents; null for its own (named after the agent). */
    @Column(length = 64)
    private String accountId;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private AgentState state;

    @Column(name = "last_error", length = MAX_ERROR_LENGTH)
    private String lastError;

    @Column(name = "consecutive_errors", nullable = false)
    private int consecutiveErrors;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Agent() {
        // for JPA
    }

    /** A new agent starts enabled. */
    public Agent(AgentId id, String name, String script, WatchedTickers tickers, AgentParameters parameters,
                 AgentRiskSettings risk, Clock clock) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = validName(name);
        this.script = validScript(script);
        this.scriptHash = sha256(script);
        this.tickers = Objects.requireNonNull(tickers, "tickers");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.risk = Objects.requireNonNull(risk, "risk");
        this.state = AgentState.ENABLED;
        this.createdAt = clock.instant();
        touch(clock);
    }

    /** The SHA-256 (lowercase hex) of a script's text: the version of an agent's script. */
    public static String sha256(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public void rename(String newName, Clock clock) {
        this.name = validName(newName);
        touch(clock);
    }

    /** A new script version starts with a clean error count; the state is left for a person to change. */
    public void replaceScript(String newScript, Clock clock) {
        this.script = validScript(newScript);
        this.scriptHash = sha256(newScript);
        this.consecutiveErrors = 0;
        this.lastError = null;
        touch(clock);
    }

    public void watch(WatchedTickers newTickers, Clock clock) {
        this.tickers = Objects.requireNonNull(newTickers, "tickers");
        touch(clock);
    }

    public void reparameterize(AgentParameters newParameters, Clock clock) {
        this.parameters = Objects.requireNonNull(newParameters, "parameters");
        touch(clock);
    }

    public void changeRiskSettings(AgentRiskSettings newRisk, Clock clock) {
        this.risk = Objects.requireNonNull(newRisk, "risk");
        touch(clock);
    }

    /** Runs the agent again, forgetting its error streak. */
    public void enable(Clock clock) {
        this.state = AgentState.ENABLED;
        this.consecutiveErrors = 0;
        touch(clock);
    }

    public void pause(Clock clock) {
        this.state = AgentState.PAUSED;
        touch(clock);
    }

    /**
     * Notes a failed scan. The {@code maxConsecutive}-th error in a row stops an enabled agent.
     *
     * @return true when this error stopped the agent
     */
    public boolean recordScanError(String message, int maxConsecutive) {
        if (maxConsecutive < 1) {
            throw new IllegalArgumentException("max consecutive errors must be at least 1, got " + maxConsecutive);
        }
        String text = message == null || message.isBlank() ? "unknown error" : message;
        this.lastError = text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
        this.consecutiveErrors++;
        if (state == AgentState.ENABLED && consecutiveErrors >= maxConsecutive) {
            this.state = AgentState.ERRORED;
            return true;
        }
        return false;
    }

    /** Ends an error streak; the last error stays visible. */
    public void recordScanSuccess() {
        this.consecutiveErrors = 0;
    }

    /** Trades in a paper account shared with the other agents that name it. */
    public void tradeIn(String sharedAccount, Clock clock) {
        AgentId.of(sharedAccount); // an account id follows the agent id's rule (AccountId): lower-case letters, digits and dashes
        this.accountId = sharedAccount;
        touch(clock);
    }

    /** The paper account this agent's orders go to: its own (its id) unless it shares one. */
    public String getAccountId() {
        return accountId == null ? id.value() : accountId;
    }

    public boolean isEnabled() {
        return state == AgentState.ENABLED;
    }

    /** Whether the scanner should run this agent on a new bar of the ticker. */
    public boolean scans(String ticker) {
        return isEnabled() && tickers.contains(ticker);
    }

    public AgentId getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getScript() {
        return script;
    }

    public String getScriptHash() {
        return scriptHash;
    }

    public WatchedTickers getTickers() {
        return tickers;
    }

    public AgentParameters getParameters() {
        return parameters;
    }

    public AgentRiskSettings getRisk() {
        return risk;
    }

    public AgentState getState() {
        return state;
    }

    public Optional<String> getLastError() {
        return Optional.ofNullable(lastError);
    }

    public int getConsecutiveErrors() {
        return consecutiveErrors;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /**
     * What a person last saw of this agent (its last change, to the millisecond, as the database keeps it): an edit
     * form carries it, so saving a form opened before someone else's change can be refused instead of undoing it.
     */
    public long getEditVersion() {
        return updatedAt.toEpochMilli();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Agent that && id != null && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return "Agent[" + id + " '" + name + "' " + state + " script " + scriptHash.substring(0, 12) + "]";
    }

    /**
     * To the millisecond, the edit version's unit: the copy in memory then holds what the database does (PostgreSQL
     * rounds a clock's nanoseconds to microseconds, which can carry into the next millisecond).
     */
    private void touch(Clock clock) {
        this.updatedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String validName(String name) {
        Objects.requireNonNull(name, "name");
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("agent name must be 1-" + MAX_NAME_LENGTH + " characters, got "
                    + trimmed.length());
        }
        return trimmed;
    }

    private static String validScript(String script) {
        Objects.requireNonNull(script, "script");
        if (script.isBlank()) {
            throw new IllegalArgumentException("agent script is empty; it must define scan(bars, ctx)");
        }
        if (script.length() > MAX_SCRIPT_LENGTH) {
            throw new IllegalArgumentException("agent script has " + script.length() + " characters; at most "
                    + MAX_SCRIPT_LENGTH + " are allowed");
        }
        return script;
    }
}
