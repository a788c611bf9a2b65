package com.papertrader.infrastructure.scripting;

import static com.papertrader.domain.market.TestBars.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.AgentParameters;
import com.papertrader.domain.agent.AgentRiskSettings;
import com.papertrader.domain.agent.AgentScript;
import com.papertrader.domain.agent.AgentState;
import com.papertrader.domain.agent.Compilation;
import com.papertrader.domain.agent.ScanContext;
import com.papertrader.domain.agent.ScanResult;
import com.papertrader.domain.agent.ScriptError;
import com.papertrader.domain.agent.ScriptError.Kind;
import com.papertrader.domain.agent.WatchedTickers;
import com.papertrader.domain.market.BarWindow;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.TestBars;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile scripts: each ends with a clear error, and an innocent agent scanned right after on the same runtime
 * still gives its signal, seeing an unchanged standard library.
 */
class SandboxTest {

    private static final RhinoAgentRuntime RUNTIME = new RhinoAgentRuntime(SandboxLimits.defaults(), MarketCalendar.nyse());
    private static final BarWindow WINDOW = TestBars.window(100,
            TestBars.closes("AAPL", at(2025, 3, 14, 9, 30), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    private static final ScanContext CONTEXT = ScanContext.flat(AgentParameters.fromJson("{\"period\": 3}"));

    private static final String INNOCENT_SOURCE = """
            function scan(bars, ctx) {
              var seen = [ctx.sma(ctx.params.period), Math.max(1, 2), typeof ({}).polluted, typeof shared,
                          [3, 1, 2].sort().join('-'), Object.keys({a: 1}).length, 'ab'.repeat(2)];
              return {action: 'buy', reason: seen.join(' ')};
            }
            """;
    private static final String INNOCENT_REASON = "9 2 undefined undefined 1-2-3 1 abab";
    private static final AgentScript INNOCENT = compile("innocent", INNOCENT_SOURCE);

    private static AgentScript compile(String id, String source) {
        return assertInstanceOf(Compilation.Success.class, RUNTIME.compile(AgentId.of(id), source),
                () -> "does not compile: " + source).script();
    }

    private static ScanResult scan(String source) {
        return RUNTIME.scan(compile("hostile", source), WINDOW, CONTEXT);
    }

    static Stream<Arguments> hostileScripts() {
        return Stream.of(
                Arguments.of("while (true) {}", Kind.INSTRUCTION_LIMIT, "more than 1000000 instructions"),
                Arguments.of("for (;;) { try { while (true) {} } catch (e) {} finally { continue; } }", Kind.INSTRUCTION_LIMIT,
                        "more than 1000000 instructions"),
                Arguments.of("/(a+)+b/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaac')", Kind.INSTRUCTION_LIMIT,
                        "more than 1000000 instructions"),
                Arguments.of("function f(n) { return f(n + 1) + 1; } f(0);", Kind.STACK_LIMIT, "recursed too deeply"),
                Arguments.of("var a = new Array(1e9); a.fill(0);", Kind.MEMORY_LIMIT,
                        "Array.prototype.fill on 1000000000 elements: agent scripts may use arrays of at most 100000 elements"),
                Arguments.of("new Array(1e9).join('x');", Kind.MEMORY_LIMIT, "Array.prototype.join on 1000000000 elements"),
                Arguments.of("[...Array(1e9)];", Kind.MEMORY_LIMIT, "on 1000000000 elements"),
                Arguments.of("Array.from({length: 1e9});", Kind.MEMORY_LIMIT, "Array.from on 1000000000 elements"),
                Arguments.of("Math.max.apply(null, {length: 1e9});", Kind.MEMORY_LIMIT, "Function.prototype.apply on 1000000000"),
                Arguments.of("var a = [1, 1]; for (var i = 0; i < 40; i++) a = [a, a]; a.flat(Infinity);", Kind.MEMORY_LIMIT,
                        "Array.prototype.flat on"),
                Arguments.of("var s = new Array(1000).fill('x'.repeat(100000)); s.join('');", Kind.MEMORY_LIMIT,
                        "Array.prototype.join would build a string of"),
                Arguments.of("var s = 'x'; while (true) s += s;", Kind.MEMORY_LIMIT, "the scan allocated more than 32 MB"),
                Arguments.of("var a = []; while (true) a.push(new Array(1000));", Kind.MEMORY_LIMIT,
                        "the scan allocated more than 32 MB"),
                Arguments.of("'x'.repeat(1e9);", Kind.MEMORY_LIMIT, "String.prototype.repeat would build a string of 1000000000"),
                Arguments.of("'x'.padEnd(2e9, 'y');", Kind.MEMORY_LIMIT, "String.prototype.padEnd would build"),
                Arguments.of("'x'.repeat(1e5).replace(/x/g, '$`');", Kind.MEMORY_LIMIT, "String.prototype.replace would build"),
                Arguments.of("try { 'x'.repeat(1e9); } catch (e) { }", Kind.MEMORY_LIMIT, "String.prototype.repeat"),
                Arguments.of("java.lang.System.exit(0);", Kind.SANDBOX, "'java' is not available: agent scripts cannot use Java classes"),
                Arguments.of("new Packages.java.io.File('/etc/passwd');", Kind.SANDBOX, "'Packages' is not available"),
                Arguments.of("getClass(bars);", Kind.SANDBOX, "'getClass' is not available"),
                Arguments.of("new JavaAdapter(Object, {});", Kind.SANDBOX, "'JavaAdapter' is not available"),
                Arguments.of("importPackage(java.io);", Kind.SANDBOX, "'importPackage' is not available"),
                Arguments.of("eval('1 + 1');", Kind.SANDBOX, "'eval' is not available"),
                Arguments.of("this.constructor.constructor('return this')();", Kind.SANDBOX,
                        "the Function constructor is not available: agent scripts cannot compile code at run time"),
                Arguments.of("(function () {}).constructor('return 1')();", Kind.SANDBOX, "the Function constructor is not available"),
                Arguments.of("new Function('return 1');", Kind.SANDBOX, "the Function constructor is not available"),
                Arguments.of("Object.prototype.polluted = 1;", Kind.SANDBOX, "Cannot modify a property of a sealed object: polluted"),
                Arguments.of("Object.defineProperty(Object.prototype, 'polluted', {value: 1});", Kind.SANDBOX,
                        "Object.defineProperty cannot change a sealed object"),
                Arguments.of("Reflect.defineProperty(Math, 'max', {value: function () { return 0; }});", Kind.SANDBOX,
                        "Reflect.defineProperty cannot change a sealed object"),
                Arguments.of("Object.prototype.__defineGetter__('polluted', function () { return 1; });", Kind.SANDBOX,
                        "Object.prototype.__defineGetter__ cannot change a sealed object"),
                Arguments.of("Object.freeze(Array.prototype);", Kind.SANDBOX, "Object.freeze cannot change a sealed object"),
                Arguments.of("Object.defineProperty(ctx.params, 'period', {value: 99});", Kind.SANDBOX, "cannot change a sealed object"),
                Arguments.of("Array.prototype.sort = function () { return this; };", Kind.SANDBOX, "sealed object: sort"),
                Arguments.of("Math.max = function () { return 0; };", Kind.SANDBOX, "sealed object: max"),
                Arguments.of("String.prototype.repeat = null;", Kind.SANDBOX, "sealed object: repeat"),
                Arguments.of("Object.getPrototypeOf([].values()).next = null;", Kind.SANDBOX, "sealed object: next"),
                Arguments.of("Object.getPrototypeOf(bars).close = null;", Kind.SANDBOX, "sealed object: close"),
                Arguments.of("Object.getPrototypeOf(ctx).sma = null;", Kind.SANDBOX, "sealed object: sma"),
                Arguments.of("Object.setPrototypeOf(Array.prototype, {polluted: 1});", Kind.SANDBOX,
                        "Object.setPrototypeOf cannot change a sealed object"),
                Arguments.of("Math.__proto__ = {polluted: 1};", Kind.SANDBOX, "sealed object"),
                Arguments.of("delete Math.max; Math.max(1);", Kind.SANDBOX, "sealed object"),
                Arguments.of("globalThis.Object.prototype.polluted = 1;", Kind.SANDBOX, "sealed object: polluted"),
                Arguments.of("JSON.stringify({a: 1});", Kind.RUNTIME, "TypeError"),
                Arguments.of("Promise.resolve(1);", Kind.RUNTIME, "ReferenceError: \"Promise\" is not defined"),
                Arguments.of("new Uint8Array(1e9);", Kind.RUNTIME, "ReferenceError: \"Uint8Array\" is not defined"),
                Arguments.of("Symbol.for('shared');", Kind.RUNTIME, "TypeError"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileScripts")
    void aHostileScriptIsStoppedAndTheNextAgentRunsUnharmed(String body, Kind kind, String message) {
        ScanResult hostile = scan("function scan(bars, ctx) {\n  " + body + "\n  return {action: 'buy', reason: 'escaped'};\n}");

        assertNotNull(hostile.error(), "the hostile scan must fail");
        assertEquals(kind, hostile.error().kind(), hostile.error().toString());
        assertTrue(hostile.error().message().contains(message), hostile.error().message());
        assertEquals(List.of(), hostile.signals());
        assertInnocentAgentUnharmed();
    }

    @Test
    void redefiningGlobalsChangesOnlyTheAgentsOwnScope() {
        ScanResult result = scan("""
                var Math = {max: function () { return -1; }};
                Array = null;
                var shared = 'mine';
                function scan(bars, ctx) { return {action: 'buy', reason: Math.max(1, 2) + ' ' + shared}; }
                """);
        assertEquals("-1 mine", result.signals().get(0).reason());
        assertInnocentAgentUnharmed();
    }

    @Test
    void theAgentsOwnObjectsStayOrdinary() {
        ScanResult result = scan("""
                function Point(x) { this.x = x; }
                Point.prototype.toString = function () { return 'P' + this.x; };
                function scan(bars, ctx) {
                  var o = {};
                  Object.defineProperty(o, 'a', {value: 1, enumerable: true});
                  o.__proto__ = {b: 2};
                  var frozen = Object.freeze({c: 3});
                  return {action: 'buy', reason: [o.a, o.b, frozen.c, Object.isFrozen(frozen), new Point(4)].join(' ')};
                }
                """);
        assertEquals("1 2 3 true P4", result.signals().get(0).reason());
    }

    @Test
    void bigIntIsRefusedBeforeTheScriptRuns() {
        List<ScriptError> errors = assertInstanceOf(Compilation.Failure.class,
                RUNTIME.compile(AgentId.of("hostile"), "function scan() {\n  return 1n << 2000000000n;\n}")).errors();
        assertEquals(new ScriptError(Kind.SANDBOX, "BigInt is not available to agent scripts", 2, 0), errors.get(0));
    }

    @Test
    void aCyclicArrayJoinsWithoutRecursingForever() {
        ScanResult result = scan("function scan() { var a = [1, 2]; a.push(a); return {action: 'buy', reason: a.join('-') + '|' + a}; }");
        assertEquals("1-2-|1,2,", result.signals().get(0).reason());
    }

    /** Between two checks a doubling string grows 2^n; once a scan allocates fast it is checked at every step. */
    @Test
    void aDoublingStringIsStoppedNearTheAllocationBudget() {
        AgentScript doubling = compile("doubling", "function scan() { var s = 'x'; while (true) s += s; }");
        long before = AllocationMeter.allocatedBytes();
        ScanResult result = RUNTIME.scan(doubling, WINDOW, CONTEXT);
        long allocated = AllocationMeter.allocatedBytes() - before;

        assertEquals(Kind.MEMORY_LIMIT, result.error().kind());
        long budget = SandboxLimits.defaults().allocationBudgetBytes();
        assertTrue(allocated < 3 * budget, "allocated " + (allocated >> 20) + " MB for a budget of " + (budget >> 20) + " MB");
        assertInnocentAgentUnharmed();
    }

    /** The wall clock stays as a last resort, for work the instruction count misses. */
    @Test
    void theTimeBudgetStopsAScanThatTheInstructionBudgetWouldNot() {
        RhinoAgentRuntime patient = new RhinoAgentRuntime(SandboxLimits.defaults().withInstructionBudget(Long.MAX_VALUE)
                .withTimeBudget(Duration.ofMillis(100)), MarketCalendar.nyse());
        AgentScript script = ((Compilation.Success) patient.compile(AgentId.of("slow"),
                "function scan() { while (true) {} }")).script();
        long started = System.nanoTime();
        ScanResult result = patient.scan(script, WINDOW, CONTEXT);
        assertEquals(new ScriptError(Kind.TIME_LIMIT,
                "the scan ran longer than 100 ms, the last-resort wall-clock guard behind the instruction budget", 1, 0), result.error());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 5_000);
    }

    @Test
    void anAgentThatOverflowedTheStackScansAgainNormally() {
        AgentScript script = compile("recovering", """
                var scans = 0;
                function dive() { return dive() + 1; }
                function scan(bars, ctx) {
                  scans++;
                  if (scans === 1) dive();
                  return {action: 'buy', reason: 'scan ' + scans + ' ' + /b+/.exec('abbc')[0]};
                }
                """);
        assertEquals(Kind.STACK_LIMIT, RUNTIME.scan(script, WINDOW, CONTEXT).error().kind());
        assertEquals("scan 2 bb", RUNTIME.scan(script, WINDOW, CONTEXT).signals().get(0).reason());
        assertInnocentAgentUnharmed();
    }

    @Test
    void agentsDoNotSeeEachOthersGlobals() {
        AgentScript writer = compile("writer", "var secret = 42; this.leak = 1; function scan() {}");
        RUNTIME.scan(writer, WINDOW, CONTEXT);
        ScanResult reader = scan("function scan() { return {action: 'buy', reason: typeof secret + ' ' + typeof leak}; }");
        assertEquals("undefined undefined", reader.signals().get(0).reason());
    }

    @Test
    void consecutiveErrorsPauseTheAgent() {
        Clock clock = Clock.fixed(Instant.parse("2025-03-14T14:00:00Z"), ZoneOffset.UTC);
        String source = "function scan(bars, ctx) { return bars.close(100); }";
        Agent agent = new Agent(AgentId.of("broken"), "Broken", source, WatchedTickers.all(), AgentParameters.none(),
                AgentRiskSettings.defaults(), clock);
        AgentScript script = compile("broken", source);

        List<Boolean> paused = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ScanResult result = RUNTIME.scan(script, WINDOW, CONTEXT);
            paused.add(agent.recordScanError(result.problem().orElseThrow(), 3));
        }
        assertEquals(List.of(false, false, true), paused);
        assertEquals(AgentState.ERRORED, agent.getState());
        assertEquals("line 1: RangeError: bars.close: no bar at index 100: the window holds 10 bars, indexes 0 to 9 or -10 to -1",
                agent.getLastError().orElseThrow());
    }

    @Test
    void agentsScanSafelyFromSeveralThreads() throws Exception {
        AgentScript counter = compile("counter", "var n = 0; function scan(bars, ctx) { n++; return {action: 'buy', reason: '' + n}; }");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                results.add(threads.submit(() -> {
                    String last = "";
                    for (int i = 0; i < 500; i++) {
                        last = RUNTIME.scan(counter, WINDOW, CONTEXT).signals().get(0).reason();
                        assertEquals(INNOCENT_REASON, RUNTIME.scan(INNOCENT, WINDOW, CONTEXT).signals().get(0).reason());
                    }
                    return last;
                }));
            }
            int highest = Math.max(Integer.parseInt(results.get(0).get()), Integer.parseInt(results.get(1).get()));
            assertEquals(1000, highest, "scans of one agent run one at a time, so no increment is lost");
        } finally {
            threads.shutdownNow();
        }
    }

    private static void assertInnocentAgentUnharmed() {
        ScanResult innocent = RUNTIME.scan(INNOCENT, WINDOW, CONTEXT);
        assertNull(innocent.error(), () -> "the innocent agent failed: " + innocent.error());
        assertEquals(INNOCENT_REASON, innocent.signals().get(0).reason());
    }
}
