package com.papertrader.interfaces.web.admin;

import com.papertrader.application.StatusService;
import com.papertrader.application.audit.Actor;
import com.papertrader.application.reporting.AccountQueries;
import com.papertrader.application.scanning.ScannerBean;
import com.papertrader.application.scanning.ScriptValidation;
import com.papertrader.application.trading.AgentChangeRefused;
import com.papertrader.application.trading.TradingDesk;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentDryRun;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.AgentParameters;
import com.papertrader.domain.agent.ScriptError;
import com.papertrader.domain.trading.portfolio.Account;
import com.papertrader.domain.trading.portfolio.AccountId;
import com.papertrader.interfaces.web.Pages;
import com.papertrader.interfaces.web.security.Callers;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The agents' admin pages (role admin, see web.xml): the list with enable/pause buttons and delete and account reset
 * links (GET /admin/agents), the form to create (/admin/agents/new) or edit (/admin/agents/{id}/edit) an agent, whose
 * script is compiled before anything is saved and can be dry-run over stored bars, and the actions
 * (POST /admin/agents/{id}/enable|pause|delete, POST /admin/agents/accounts/{account}/reset|release-lock). Delete and
 * reset cannot be undone, so their GET is a page that says what they do and asks first.
 * Every change goes through the {@link TradingDesk}, so it applies at once without a restart.
 */
@WebServlet("/admin/agents/*")
public class AdminAgentsServlet extends HttpServlet {

    private static final Pattern AGENT_PATH = Pattern.compile("/(" + AgentId.PATTERN + ")/(edit|enable|pause|delete)");
    private static final Pattern ACCOUNT_PATH = Pattern.compile("/accounts/(" + AccountId.PATTERN + ")/(reset|release-lock)");
    private static final Pattern KILL_SWITCH_PATH = Pattern.compile("/kill-switch/(engage|release)");
    /** What the list page says after an action; keyed by the action so no text comes from the URL. */
    private static final Map<String, String> DONE = Map.of("created", "created", "saved", "saved", "enable", "enabled",
            "pause", "paused", "delete", "deleted", "reset", "reset", "engage", "engaged", "release", "released", "release-lock", "lock released");

    @Inject
    Pages pages;

    @Inject
    Validator validator;

    @Inject
    TradingDesk desk;

    @Inject
    ScannerBean scanner;

    @Inject
    ScriptValidation scripts;

    @Inject
    StatusService status;

    @Inject
    AccountQueries accounts;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = path(request);
        Matcher agentPath = AGENT_PATH.matcher(path);
        Matcher accountPath = ACCOUNT_PATH.matcher(path);
        if (path.equals("/")) {
            list(request, response, null);
        } else if (path.equals("/new")) {
            form(request, response, AgentForm.blank(), true, Map.of(), null);
        } else if (agentPath.matches() && agentPath.group(2).equals("edit")) {
            Optional<Agent> agent = agent(agentPath.group(1));
            if (agent.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "There is no agent " + agentPath.group(1));
                return;
            }
            form(request, response, AgentForm.of(agent.get()), false, Map.of(), null);
        } else if (agentPath.matches() && agentPath.group(2).equals("delete")) {
            Optional<Agent> agent = agent(agentPath.group(1));
            if (agent.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "There is no agent " + agentPath.group(1));
                return;
            }
            confirm(request, response, "Delete agent " + agent.get().getName(), "Deleting " + agent.get().getName() + " ("
                    + agent.get().getId() + ") stops it for good and cancels its working orders; its orders, fills and scans "
                    + "stay as history. It is refused while its account " + agent.get().getAccountId() + " holds open positions.", path);
        } else if (accountPath.matches() && accountPath.group(2).equals("reset")
                && scanner.agents().stream().anyMatch(agent -> agent.getAccountId().equals(accountPath.group(1)))) {
            confirm(request, response, "Reset account " + accountPath.group(1), "Resetting account " + accountPath.group(1)
                    + " cancels its working orders and puts its cash back to the starting cash; its P&L starts again from "
                    + "zero and its order history stays. It is refused while the account holds open positions.", path);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /** The page that asks before a change that cannot be undone; its form posts to the same path. */
    private void confirm(HttpServletRequest request, HttpServletResponse response, String title, String consequence,
                         String path) throws IOException {
        pages.render("admin/confirm", Map.of("title", title, "consequence", consequence, "action", "/admin/agents" + path),
                request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = path(request);
        Matcher agentPath = AGENT_PATH.matcher(path);
        Matcher accountPath = ACCOUNT_PATH.matcher(path);
        Matcher killSwitchPath = KILL_SWITCH_PATH.matcher(path);
        Actor actor = Callers.actor(request);
        try {
            if (path.equals("/new")) {
                submit(request, response, null);
            } else if (agentPath.matches() && agent(agentPath.group(1)).isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "There is no agent " + agentPath.group(1));
            } else if (agentPath.matches()) {
                AgentId id = AgentId.of(agentPath.group(1));
                switch (agentPath.group(2)) {
                    case "edit" -> submit(request, response, id);
                    case "enable" -> desk.enableAgent(id, actor);
                    case "pause" -> desk.pauseAgent(id, actor);
                    default -> desk.deleteAgent(id, actor);
                }
                if (!agentPath.group(2).equals("edit")) {
                    done(request, response, agentPath.group(2), id.value());
                }
            } else if (accountPath.matches()) {
                AccountId account = AccountId.of(accountPath.group(1));
                if (accountPath.group(2).equals("reset")) {
                    desk.resetAccount(account, actor);
                } else {
                    desk.releaseDrawdownLock(account, actor);
                }
                done(request, response, accountPath.group(2), account.value());
            } else if (killSwitchPath.matches()) {
                if (killSwitchPath.group(1).equals("engage")) {
                    desk.engageKillSwitch(actor, request.getParameter("flatten") != null);
                } else {
                    desk.releaseKillSwitch(actor);
                }
                done(request, response, killSwitchPath.group(1), "kill-switch");
            } else {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            }
        } catch (AgentChangeRefused refused) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            list(request, response, refused.getMessage());
        }
    }

    /** Saves the form, or runs the dry run it asks for; any error shows the form again with the input kept. */
    private void submit(HttpServletRequest request, HttpServletResponse response, AgentId editing) throws IOException {
        boolean creating = editing == null;
        boolean dryRun = "dry-run".equals(request.getParameter("action"));
        AgentForm form = AgentForm.from(request, creating ? null : editing.value());
        Map<String, String> errors = new HashMap<>(form.errors(validator, dryRun));
        if (!errors.containsKey("script")) {
            List<ScriptError> compileErrors = scripts.compile(form.script);
            if (!compileErrors.isEmpty()) {
                errors.put("script", compileErrors.stream().map(ScriptError::toString).collect(Collectors.joining("\n")));
            }
        }
        if (errors.isEmpty() && dryRun) {
            AgentDryRun.Report report = scripts.dryRun(form.script, AgentParameters.fromJson(form.parameters == null ? "" : form.parameters),
                    form.dryRunTicker, form.dryRunBarCount());
            form(request, response, form, creating, errors, report);
            return;
        }
        if (errors.isEmpty()) {
            try {
                if (creating) {
                    desk.addAgent(form.toDefinition(), Callers.actor(request));
                } else {
                    desk.changeAgent(form.toDefinition(), form.seenVersion(), Callers.actor(request));
                }
                done(request, response, creating ? "created" : "saved", form.id);
                return;
            } catch (AgentChangeRefused refused) {
                errors.put(refused.field() == null ? "form" : refused.field(), refused.getMessage());
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        form(request, response, form, creating, errors, null);
    }

    /** Post/redirect/get: the list, saying what was done. */
    private void done(HttpServletRequest request, HttpServletResponse response, String action, String subject)
            throws IOException {
        response.sendRedirect(request.getContextPath() + "/admin/agents?done=" + action + "&subject=" + subject);
    }

    private void list(HttpServletRequest request, HttpServletResponse response, String error) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("agents", scanner.agents().stream().sorted(Comparator.comparing(Agent::getName)).toList());
        String done = DONE.get(String.valueOf(request.getParameter("done")));
        String subject = request.getParameter("subject");
        model.put("notice", done != null && subject != null && subject.matches(AgentId.PATTERN) ? subject + " " + done + "." : null);
        model.put("error", error);
        model.put("status", status.current());
        model.put("lockedAccounts", accounts.accounts().stream().filter(Account::isLocked)
                .collect(Collectors.toMap(Account::id, Account::lockReason)));
        pages.render("admin/agents", model, request, response);
    }

    private void form(HttpServletRequest request, HttpServletResponse response, AgentForm form, boolean creating,
                      Map<String, String> errors, AgentDryRun.Report dryRun) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("creating", creating);
        model.put("errors", errors);
        model.put("dryRun", dryRun);
        pages.render("admin/agent-form", model, request, response);
    }

    private Optional<Agent> agent(String id) {
        return scanner.agents().stream().filter(agent -> agent.getId().value().equals(id)).findFirst();
    }

    private static String path(HttpServletRequest request) {
        return request.getPathInfo() == null ? "/" : request.getPathInfo();
    }
}
