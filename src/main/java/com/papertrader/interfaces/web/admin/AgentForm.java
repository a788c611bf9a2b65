package com.papertrader.interfaces.web.admin;

import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentDefinition;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.AgentParameters;
import com.papertrader.domain.agent.AgentRiskSettings;
import com.papertrader.domain.agent.WatchedTickers;
import com.papertrader.domain.market.Ticker;
import com.papertrader.domain.trading.portfolio.AccountId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The agent form as typed: every field a string exactly as the user sent it (so a page with errors shows it again),
 * checked with Bean Validation, then turned into an {@link AgentDefinition}, which checks the rest (parameters JSON).
 * The field names are the form's input names and ids.
 */
public class AgentForm {

    /** Constraints only a dry run needs. */
    public interface DryRun {
    }



    /** Longest text kept from any field; longer input is cut here and refused by the field's size limit. */
    private static final int MAX_INPUT = Agent.MAX_SCRIPT_LENGTH + 1;

    @NotBlank(message = "Give the agent an id.")
    @Pattern(regexp = AgentId.PATTERN, message = "The id is 1-63 lower-case letters, digits or dashes, starting with a letter or digit.")
    String id;

    @NotBlank(message = "Give the agent a name.")
    @Size(max = Agent.MAX_NAME_LENGTH, message = "The name is at most {max} characters.")
    @Pattern(regexp = "[^\\p{Cntrl}]*", message = "The name cannot contain control characters such as tabs or line breaks.")
    String name;

    @NotBlank(message = "List the tickers to scan, or * for all.")
    @Size(max = 2000, message = "The ticker list is at most {max} characters.")
    @Pattern(regexp = "\\*|" + Ticker.PATTERN + "(\\s*,\\s*" + Ticker.PATTERN + ")*",
            message = "Use * for all, or ticker symbols such as AAPL, BRK.B separated by commas.")
    String tickers;

    @Size(max = AgentParameters.MAX_JSON_LENGTH, message = "The parameters are at most {max} characters of JSON.")
    String parameters;

    @Pattern(regexp = AccountId.PATTERN, message = "A shared account id is 1-63 lower-case letters, digits or dashes.")
    String account;

    @NotBlank(message = "Give the dollars per position.")
    @Pattern(regexp = "\\d{1,12}(\\.\\d{1,4})?", message = "Dollars, such as 10000 or 2500.50.")
    @DecimalMin(value = "1", message = "At least 1 dollar.")
    @DecimalMax(value = "100000000", message = "At most 100000000 dollars.")
    String positionNotional;

    @NotBlank(message = "Give the most positions open at once.")
    @Pattern(regexp = "\\d{1,4}", message = "A whole number, such as 5.")
    @DecimalMin(value = "1", message = "At least 1.")
    @DecimalMax(value = "1000", message = "At most 1000.")
    String maxOpenPositions;

    @Pattern(regexp = "\\d{1,3}(\\.\\d{1,4})?", message = "A percentage such as 2 or 1.5, or empty for none.")
    @DecimalMin(value = "0", inclusive = false, message = "Above 0 percent.")
    @DecimalMax(value = "100", inclusive = false, message = "Below 100 percent.")
    String stopLossPercent;

    @Pattern(regexp = "\\d{1,4}(\\.\\d{1,4})?", message = "A percentage such as 4 or 2.5, or empty for none.")
    @DecimalMin(value = "0", inclusive = false, message = "Above 0 percent.")
    @DecimalMax(value = "1000", message = "At most 1000 percent.")
    String takeProfitPercent;

    boolean allowPyramiding;

    @Pattern(regexp = "\\d{1,12}(\\.\\d{1,4})?", message = "Dollars, such as 2000 or 1500.50, or empty for no limit.")
    @DecimalMin(value = "0", inclusive = false, message = "Above 0 dollars.")
    String maxDailyLoss;

    @Pattern(regexp = "\\d{1,3}", message = "Whole minutes, such as 15, or empty to hold overnight.")
    @DecimalMax(value = "390", message = "At most 390 minutes (the whole regular session).")
    String flattenMinutesBeforeClose;

    @Pattern(regexp = "\\d{1,2}", message = "A whole number of losing trades, such as 3, or empty for none.")
    @DecimalMin(value = "1", message = "At least 1.")
    String coolDownAfterLosses;

    @Pattern(regexp = "\\d{1,2}(\\.\\d{1,4})?", message = "A percentage such as 10 or 7.5, or empty for none.")
    @DecimalMin(value = "0", inclusive = false, message = "Above 0 percent.")
    String maxDrawdownPercent;

    @NotBlank(message = "The script is empty; it must define scan(bars, ctx).")
    @Size(max = Agent.MAX_SCRIPT_LENGTH, message = "The script is at most {max} characters.")
    String script;

    @NotBlank(groups = DryRun.class, message = "Choose a ticker to run over.")
    @Pattern(groups = DryRun.class, regexp = Ticker.PATTERN, message = "A ticker symbol such as AAPL.")
    String dryRunTicker;

    @NotBlank(groups = DryRun.class, message = "Give the number of bars.")
    @Pattern(groups = DryRun.class, regexp = "\\d{1,4}", message = "A whole number of bars, such as 100.")
    @DecimalMin(groups = DryRun.class, value = "1", message = "At least 1 bar.")
    @DecimalMax(groups = DryRun.class, value = "1000", message = "At most 1000 bars.")
    String dryRunBars;

    /** The agent's edit version when the form was opened ({@link Agent#getEditVersion()}); none for a new agent. */
    @Pattern(regexp = "\\d{1,18}", message = "The form is damaged: open it again.")
    String version;

    /** A new agent's form: default risk settings, a script skeleton. */
    static AgentForm blank() {
        AgentForm form = of(AgentRiskSettings.defaults());
        form.id = "";
        form.name = "";
        form.tickers = "*";
        form.parameters = "{}";
        form.script = "function scan(bars, ctx) {\n    return null;\n}\n";
        return form;
    }

    /** The form showing an agent as it is. */
    static AgentForm of(Agent agent) {
        AgentForm form = of(agent.getRisk());
        form.id = agent.getId().value();
        form.name = agent.getName();
        form.tickers = agent.getTickers().isAll() ? "*" : String.join(", ", agent.getTickers().tickers());
        form.parameters = agent.getParameters().toJson();
        form.account = agent.getAccountId().equals(agent.getId().value()) ? null : agent.getAccountId();
        form.script = agent.getScript();
        form.version = String.valueOf(agent.getEditVersion());
        return form;
    }

    private static AgentForm of(AgentRiskSettings risk) {
        AgentForm form = new AgentForm();
        form.positionNotional = risk.getPositionNotional().stripTrailingZeros().toPlainString();
        form.maxOpenPositions = String.valueOf(risk.getMaxOpenPositions());
        form.stopLossPercent = plain(risk.getStopLossPercent());
        form.takeProfitPercent = plain(risk.getTakeProfitPercent());
        form.allowPyramiding = risk.isAllowPyramiding();
        form.maxDailyLoss = plain(risk.getMaxDailyLoss());
        form.flattenMinutesBeforeClose = risk.getFlattenMinutesBeforeClose() == null ? null
                : risk.getFlattenMinutesBeforeClose().toString();
        form.coolDownAfterLosses = risk.getCoolDownAfterLosses() == null ? null : risk.getCoolDownAfterLosses().toString();
        form.maxDrawdownPercent = plain(risk.getMaxDrawdownPercent());
        form.dryRunBars = "100";
        return form;
    }

    /** The form as posted; {@code id} comes from the URL when editing. Blank optional fields become null. */
    static AgentForm from(HttpServletRequest request, String id) {
        AgentForm form = new AgentForm();
        form.id = id != null ? id : text(request, "id");
        form.name = text(request, "name");
        String tickerText = text(request, "tickers");
        form.tickers = tickerText == null ? null : tickerText.strip().toUpperCase(Locale.ROOT);
        form.parameters = text(request, "parameters");
        form.account = blankToNull(text(request, "account"));
        form.positionNotional = strip(text(request, "positionNotional"));
        form.maxOpenPositions = strip(text(request, "maxOpenPositions"));
        form.stopLossPercent = blankToNull(text(request, "stopLossPercent"));
        form.takeProfitPercent = blankToNull(text(request, "takeProfitPercent"));
        form.allowPyramiding = request.getParameter("allowPyramiding") != null;
        form.maxDailyLoss = blankToNull(text(request, "maxDailyLoss"));
        form.flattenMinutesBeforeClose = blankToNull(text(request, "flattenMinutesBeforeClose"));
        form.coolDownAfterLosses = blankToNull(text(request, "coolDownAfterLosses"));
        form.maxDrawdownPercent = blankToNull(text(request, "maxDrawdownPercent"));
        form.script = text(request, "script");
        form.dryRunTicker = strip(text(request, "dryRunTicker"));
        form.dryRunBars = strip(text(request, "dryRunBars"));
        form.version = id != null ? text(request, "version") : null;
        if (form.dryRunTicker != null) {
            form.dryRunTicker = form.dryRunTicker.toUpperCase(Locale.ROOT);
        }
        return form;
    }

    /**
     * What is wrong, by field name; empty when the form makes a valid agent.
     *
     * @param dryRun whether the dry-run fields must be filled in too
     */
    Map<String, String> errors(Validator validator, boolean dryRun) {
        Map<String, TreeSet<String>> messages = new TreeMap<>();
        for (ConstraintViolation<AgentForm> violation : dryRun ? validator.validate(this, Default.class, DryRun.class)
                : validator.validate(this)) {
            messages.computeIfAbsent(violation.getPropertyPath().toString(), field -> new TreeSet<>()).add(violation.getMessage());
        }
        Map<String, String> errors = new TreeMap<>();
        messages.forEach((field, texts) -> errors.put(field, String.join(" ", texts)));
        if (!errors.containsKey("parameters")) {
            try {
                AgentParameters.fromJson(parameters == null ? "" : parameters);
            } catch (IllegalArgumentException e) {
                errors.put("parameters", "The parameters must be a JSON object such as {\"period\": 20}: " + e.getMessage());
            }
        }
        return errors;
    }

    /** The agent the form describes; call only when {@link #errors} is empty. */
    AgentDefinition toDefinition() {
        return new AgentDefinition(AgentId.of(id), name.strip(), script, WatchedTickers.parse(tickers),
                AgentParameters.fromJson(parameters == null ? "" : parameters),
                new AgentRiskSettings(new BigDecimal(positionNotional), Integer.parseInt(maxOpenPositions),
                        decimal(stopLossPercent), decimal(takeProfitPercent), allowPyramiding, decimal(maxDailyLoss),
                        wholeNumber(flattenMinutesBeforeClose), wholeNumber(coolDownAfterLosses), decimal(maxDrawdownPercent)),
                account);
    }

    int dryRunBarCount() {
        return Integer.parseInt(dryRunBars);
    }

    // getters for the template

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getTickers() {
        return tickers;
    }

    public String getParameters() {
        return parameters;
    }

    public String getAccount() {
        return account;
    }

    public String getPositionNotional() {
        return positionNotional;
    }

    public String getMaxOpenPositions() {
        return maxOpenPositions;
    }

    public String getStopLossPercent() {
        return stopLossPercent;
    }

    public String getTakeProfitPercent() {
        return takeProfitPercent;
    }

    public boolean isAllowPyramiding() {
        return allowPyramiding;
    }

    public String getMaxDailyLoss() {
        return maxDailyLoss;
    }

    public String getFlattenMinutesBeforeClose() {
        return flattenMinutesBeforeClose;
    }

    public String getCoolDownAfterLosses() {
        return coolDownAfterLosses;
    }

    public String getMaxDrawdownPercent() {
        return maxDrawdownPercent;
    }

    public String getScript() {
        return script;
    }

    public String getVersion() {
        return version;
    }

    /** The edit version the form was opened at; call only when {@link #errors} is empty. */
    Long seenVersion() {
        return version == null ? null : Long.valueOf(version);
    }

    public String getDryRunTicker() {
        return dryRunTicker;
    }

    public String getDryRunBars() {
        return dryRunBars;
    }

    private static String text(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null || value.length() <= MAX_INPUT ? value : value.substring(0, MAX_INPUT);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Integer wholeNumber(String value) {
        return value == null ? null : Integer.valueOf(value);
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
