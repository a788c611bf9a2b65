package com.papertrader.application.trading;

import com.papertrader.application.audit.Actor;
import com.papertrader.application.scanning.ScannerBean;
import com.papertrader.application.scanning.ScriptValidation;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentDefinition;
import com.papertrader.domain.agent.AgentScriptFiles;
import com.papertrader.domain.agent.ScriptError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Agents as files, for the API: one saved with the admin form's checks (its script compiled first, then the desk's
 * checks of ids, names and versions), every agent written out as its file, and a set of files imported all or nothing.
 */
@ApplicationScoped
public class AgentFiles {

    @Inject
    TradingDesk desk;

    @Inject
    ScannerBean scanner;

    @Inject
    ScriptValidation scripts;

    /** A script that does not compile: each error with its line and column. */
    public static class ScriptRejected extends AgentChangeRefused {

        private final transient List<ScriptError> errors;

        public ScriptRejected(String message, List<ScriptError> errors) {
            super("script", message);
            this.errors = List.copyOf(errors);
        }

        public List<ScriptError> errors() {
            return errors;
        }
    }

    /** A file of an import that cannot be read or compiled: nothing of the import was saved. */
    public static class FileRejected extends AgentChangeRefused {

        private final String file;

        public FileRejected(String file, String message) {
            super("file", message);
            this.file = file;
        }

        public String file() {
            return file;
        }
    }

    /** What an import did, by agent id. */
    public record Imported(List<String> created, List<String> changed) {
    }

    /**
     * Adds an agent, or changes it when {@code creating} is false.
     *
     * @param seenVersion for a change, the version it was prepared against, or null for whatever it is now
     * @throws ScriptRejected     when the script does not compile
     * @throws StaleAgentVersion  when the agent changed since {@code seenVersion}
     * @throws AgentChangeRefused for the desk's other refusals (an id or a name taken, no such agent)
     */
    public Agent save(AgentDefinition definition, boolean creating, Long seenVersion, Actor actor) {
        requireCompiles(definition);
        return creating ? desk.addAgent(definition, actor) : desk.changeAgent(definition, seenVersion, actor);
    }

    /** Every agent's file, by file name ({@code <id>.js}), in id order. */
    public Map<String, String> all() {
        Map<String, String> files = new LinkedHashMap<>();
        scanner.agents().stream().sorted(Comparator.comparing(agent -> agent.getId().value()))
                .forEach(agent -> files.put(agent.getId().value() + ".js", AgentScriptFiles.write(AgentDefinition.of(agent))));
        return files;
    }

    /**
     * Saves every file's agent (added when new, changed when its id exists), after every file was read and its script
     * compiled: one bad file and none is saved. Agents without a file are left as they are.
     *
     * @throws FileRejected naming the first bad file
     */
    public Imported importAll(Map<String, String> files, Actor actor) {
        if (files.isEmpty()) {
            throw new FileRejected("", "There is no agent file (<id>.js) to import.");
        }
        List<AgentDefinition> definitions = new ArrayList<>();
        files.forEach((name, content) -> {
            try {
                AgentDefinition definition = AgentScriptFiles.parse(name, content);
                requireCompiles(definition);
                definitions.add(definition);
            } catch (ScriptRejected rejected) {
                throw new FileRejected(name, "agent file " + name + ": " + rejected.getMessage() + ": "
                        + rejected.errors().stream().map(ScriptError::toString).toList());
            } catch (IllegalArgumentException e) {
                throw new FileRejected(name, e.getMessage());
            }
        });
        List<String> created = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (AgentDefinition definition : definitions) {
            boolean exists = scanner.agents().stream().anyMatch(agent -> agent.getId().equals(definition.id()));
            save(definition, !exists, null, actor);
            (exists ? changed : created).add(definition.id().value());
        }
        return new Imported(created, changed);
    }

    private void requireCompiles(AgentDefinition definition) {
        List<ScriptError> errors = scripts.compile(definition.script());
        if (!errors.isEmpty()) {
            throw new ScriptRejected("the script of agent " + definition.id() + " does not compile", errors);
        }
    }
}
