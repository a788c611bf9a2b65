package com.papertrader.infrastructure.scripting;

import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.AgentRuntime;
import com.papertrader.domain.agent.AgentScript;
import com.papertrader.domain.agent.Compilation;
import com.papertrader.domain.agent.ScanContext;
import com.papertrader.domain.agent.ScanResult;
import com.papertrader.domain.agent.ScriptError;
import com.papertrader.domain.market.BarWindow;
import com.papertrader.domain.market.MarketCalendar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mozilla.javascript.CompilerEnvirons;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ErrorReporter;
import org.mozilla.javascript.EvaluatorException;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.NativeObject;
import org.mozilla.javascript.Parser;
import org.mozilla.javascript.RhinoException;
import org.mozilla.javascript.Script;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.ast.AstRoot;
import org.mozilla.javascript.ast.BigIntLiteral;

/**
 * Runs agents' scripts in Rhino's compiled mode, sandboxed (see {@link SharedLibrary}, {@link GrowthGuards},
 * {@link SandboxContext}): each script is compiled once into its own scope and then scanned many times.
 * Whatever a script does, compile and scan return an error value instead of throwing, with one exception:
 * the JVM's own OutOfMemoryError and similar VirtualMachineErrors (other than a stack overflow) are not caught.
 */
public final class RhinoAgentRuntime implements AgentRuntime {

    static final int CACHED_SCRIPTS = 64;

    private final SandboxLimits limits;
    private final MarketCalendar calendar;
    private final SandboxContextFactory factory;
    private final SharedLibrary library;
    /**
     * The classes Rhino generated, by source name and text. Every compile of a source seen before (each run of a sweep,
     * each backtest of an agent) executes the same class in a new scope, where its functions and variables are made
     * afresh, so no state passes between compiles; without it each would be a new class the JIT compiles again, which on
     * a sweep's threads cost more CPU than the scans. Least recently used dropped beyond {@link #CACHED_SCRIPTS}.
     */
    private final Map<String, Script> generated = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Script> eldest) {
            return size() > CACHED_SCRIPTS;
        }
    });

    public RhinoAgentRuntime(SandboxLimits limits, MarketCalendar calendar) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.factory = new SandboxContextFactory(limits);
        this.library = SharedLibrary.build(limits);
    }

    @Override
    public Compilation compile(AgentId agentId, String source) {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(source, "source");
        if (source.length() > Agent.MAX_SCRIPT_LENGTH) {
            return new Compilation.Failure(List.of(new ScriptError(ScriptError.Kind.SYNTAX, "the script has "
                    + source.length() + " characters; at most " + Agent.MAX_SCRIPT_LENGTH + " are allowed", 0, 0)));
        }
        String sourceName = agentId.value() + ".js";
        SandboxContext cx = factory.newContext();
        factory.enterContext(cx);
        try {
            List<ScriptError> errors = check(cx, source, sourceName);
            if (!errors.isEmpty()) {
                return new Compilation.Failure(errors);
            }
            NativeObject scope = new NativeObject();
            scope.setPrototype(library.scope());
            scope.setParentScope(null);
            scope.defineProperty("globalThis", scope, ScriptableObject.DONTENUM);
            Script script = generated.get(sourceName + "\n" + source);
            if (script == null) {
                script = cx.compileString(source, sourceName, 1, null);
                generated.put(sourceName + "\n" + source, script);
            }
            cx.startMetering();
            script.exec(cx, scope);
            if (!(ScriptableObject.getProperty(scope, "scan") instanceof Function scan)) {
                return new Compilation.Failure(List.of(new ScriptError(ScriptError.Kind.SYNTAX,
                        "the script must define function scan(bars, ctx)", 0, 0)));
            }
            return new Compilation.Success(new CompiledAgentScript(this, agentId, Agent.sha256(source), sourceName,
                    scope, scan, factory.newContext()));
        } catch (SandboxLimitExceeded | StackOverflowError | RuntimeException e) {
            return new Compilation.Failure(List.of(errorOf(e, sourceName)));
        } finally {
            Context.exit();
        }
    }

    @Override
    public ScanResult scan(AgentScript agentScript, BarWindow window, ScanContext context) {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(context, "context");
        if (!(agentScript instanceof CompiledAgentScript script) || script.runtime() != this) {
            throw new IllegalArgumentException("script " + agentScript + " was not compiled by this runtime");
        }
        if (window.isEmpty()) {
            throw new IllegalArgumentException("cannot scan the empty bar window of " + window.ticker()
                    + " with agent " + script.agentId());
        }
        synchronized (script) {
            long started = System.nanoTime();
            SandboxContext cx = script.context();
            factory.enterContext(cx);
            try {
                cx.startMetering();
                ScriptableObject shared = library.scope();
                Object[] arguments = {
                        new BarsObject(window, library.barsPrototype(), shared),
                        new ScanContextObject(window, script.parameters(context.parameters(), shared),
                                context.position(), calendar, library.contextPrototype(), shared)};
                Object result = script.scan().call(cx, script.scope(), script.scope(), arguments);
                ScriptValues.Signals signals = ScriptValues.signals(result, limits.maxSignals());
                return new ScanResult(signals.accepted(), signals.rejections(), null, since(started));
            } catch (ScriptValues.InvalidResult e) {
                return ScanResult.failed(new ScriptError(ScriptError.Kind.RESULT, e.getMessage(), 0, 0), since(started));
            } catch (SandboxLimitExceeded | StackOverflowError | RuntimeException e) {
                if (!(e instanceof RhinoException)) {
                    script.replaceContext(factory.newContext());
                }
                return ScanResult.failed(errorOf(e, script.sourceName()), since(started));
            } finally {
                Context.exit();
            }
        }
    }

    /** Syntax errors with line and column, and the constructs the sandbox refuses before running anything. */
    private static List<ScriptError> check(Context cx, String source, String sourceName) {
        List<ScriptError> errors = new ArrayList<>();
        ErrorReporter collector = new ErrorReporter() {
            @Override
            public void warning(String message, String name, int line, String lineSource, int column) {
                // warnings do not stop a script
            }

            @Override
            public void error(String message, String name, int line, String lineSource, int column) {
                errors.add(new ScriptError(ScriptError.Kind.SYNTAX, message, line, column));
            }

            @Override
            public EvaluatorException runtimeError(String message, String name, int line, String lineSource, int column) {
                return new EvaluatorException(message, name, line, lineSource, column);
            }
        };
        CompilerEnvirons environment = new CompilerEnvirons();
        environment.initFromContext(cx);
        environment.setErrorReporter(collector);
        AstRoot root;
        try {
            root = new Parser(environment, collector).parse(source, sourceName, 1);
        } catch (EvaluatorException e) {
            if (errors.isEmpty()) {
                errors.add(new ScriptError(ScriptError.Kind.SYNTAX, e.details(), e.lineNumber(), e.columnNumber()));
            }
            return errors;
        }
        root.visit(node -> {
            if (node instanceof BigIntLiteral) {
                errors.add(new ScriptError(ScriptError.Kind.SANDBOX, "BigInt is not available to agent scripts",
                        node.getLineno(), 0));
            }
            return true;
        });
        return errors;
    }

    /** The script error for whatever ended a compile or a scan, with the script line where it can be found. */
    private static ScriptError errorOf(Throwable failure, String sourceName) {
        if (failure instanceof SandboxLimitExceeded limit) {
            return new ScriptError(limit.kind(), limit.getMessage(), scriptLine(limit, sourceName), 0);
        }
        if (failure instanceof StackOverflowError) {
            return new ScriptError(ScriptError.Kind.STACK_LIMIT,
                    "the scan recursed too deeply: the call stack overflowed", scriptLine(failure, sourceName), 0);
        }
        if (failure instanceof NegativeArraySizeException) {
            return new ScriptError(ScriptError.Kind.MEMORY_LIMIT, "the script built a string or array larger than Java can hold",
                    scriptLine(failure, sourceName), 0);
        }
        if (failure instanceof RhinoException rhino) {
            String details = details(rhino);
            ScriptError.Kind kind = rhino instanceof EvaluatorException && details.contains("sealed object")
                    ? ScriptError.Kind.SANDBOX : ScriptError.Kind.RUNTIME;
            return new ScriptError(kind, details, Math.max(rhino.lineNumber(), 0), Math.max(rhino.columnNumber(), 0));
        }
        return new ScriptError(ScriptError.Kind.RUNTIME, "internal error while running the script: " + failure,
                scriptLine(failure, sourceName), 0);
    }

    /** The exception's message; computing it may run script code (a thrown object's toString), which may itself fail. */
    private static String details(RhinoException exception) {
        try {
            return exception.details();
        } catch (SandboxLimitExceeded | StackOverflowError | RhinoException e) {
            return exception.getClass().getSimpleName() + " (its message could not be computed: " + e.getMessage() + ")";
        }
    }

    /** Compiled scripts are Java classes whose stack frames carry the script's file name and line. */
    private static int scriptLine(Throwable failure, String sourceName) {
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (sourceName.equals(frame.getFileName()) && frame.getLineNumber() > 0) {
                return frame.getLineNumber();
            }
        }
        return 0;
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
