package com.papertrader.infrastructure.scripting;

import static com.papertrader.domain.market.TestBars.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.AgentParameters;
import com.papertrader.domain.agent.AgentScript;
import com.papertrader.domain.agent.Compilation;
import com.papertrader.domain.agent.OpenPosition;
import com.papertrader.domain.agent.ScanContext;
import com.papertrader.domain.agent.ScanResult;
import com.papertrader.domain.agent.ScriptError;
import com.papertrader.domain.agent.Signal;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.BarWindow;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.TestBars;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The script contract of agents/README.md: compile, bars, ctx, signals and errors. */
class RhinoAgentRuntimeTest {

    private static final RhinoAgentRuntime RUNTIME = new RhinoAgentRuntime(SandboxLimits.defaults(), MarketCalendar.nyse());
    private static final AgentId ID = AgentId.of("test-agent");
    private static final Instant OPEN = at(2025, 3, 14, 9, 30);
    /** Closes 1..10, 09:30 to 10:15 New York on a Friday. */
    private static final BarWindow TEN_BARS = TestBars.window(100,
            TestBars.closes("AAPL", OPEN, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10));

    private static AgentScript compile(String source) {
        Compilation compilation = RUNTIME.compile(ID, source);
        if (compilation instanceof Compilation.Failure failure) {
            throw new AssertionError("does not compile: " + failure.errors());
        }
        return ((Compilation.Success) compilation).script();
    }

    private static List<ScriptError> errors(String source) {
        return assertInstanceOf(Compilation.Failure.class, RUNTIME.compile(ID, source)).errors();
    }

    private static ScanResult scan(String source) {
        return scan(source, TEN_BARS, ScanContext.flat(AgentParameters.none()));
    }

    private static ScanResult scan(String source, BarWindow window, ScanContext context) {
        return RUNTIME.scan(compile(source), window, context);
    }

    /** The reason of the one signal a script returns: scripts report what they saw through it. */
    private static String reason(String expression) {
        return reason(expression, TEN_BARS, ScanContext.flat(AgentParameters.none()));
    }

    private static String reason(String expression, BarWindow window, ScanContext context) {
        ScanResult result = scan("function scan(bars, ctx) { return {action: 'buy', reason: String(" + expression + ")}; }",
                window, context);
        assertNull(result.error(), () -> "scan failed: " + result.error());
        return result.signals().get(0).reason();
    }

    private static ScriptError failure(String source) {
        ScanResult result = scan(source);
        assertNotNull(result.error(), "the scan should fail");
        assertEquals(List.of(), result.signals());
        return result.error();
    }

    @Test
    void compilesOnceAndVersionsTheScriptByItsHash() {
        String source = "function scan(bars, ctx) {}";
        AgentScript script = compile(source);
        assertEquals(ID, script.agentId());
        assertEquals(com.papertrader.domain.agent.Agent.sha256(source), script.scriptHash());
    }

    /** The same source compiled twice (two runs of a sweep) reuses Rhino's class, never the first compile's variables. */
    @Test
    void compilesOfTheSameSourceShareNoState() throws Exception {
        String source = "var scans = 0;\nfunction scan(bars, ctx) { scans++; return {action: 'buy', reason: 'scan ' + scans}; }";
        AgentScript first = compile(source);
        ScanContext flat = ScanContext.flat(AgentParameters.none());
        RUNTIME.scan(first, TEN_BARS, flat);
        assertEquals("scan 2", RUNTIME.scan(first, TEN_BARS, flat).signals().get(0).reason());

        AgentScript second = compile(source);
        assertEquals("scan 1", RUNTIME.scan(second, TEN_BARS, flat).signals().get(0).reason(), "a fresh scope");
        assertEquals("scan 3", RUNTIME.scan(first, TEN_BARS, flat).signals().get(0).reason(), "the first keeps its own");

        // and on two threads at once, each compile counts only its own scans
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> counts = pool.invokeAll(List.of(() -> scanTimes(source, 500), () -> scanTimes(source, 500)));
            for (Future<String> count : counts) {
                assertEquals("scan 500", count.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String scanTimes(String source, int times) {
        AgentScript script = compile(source);
        String reason = null;
        for (int i = 0; i < times; i++) {
            reason = RUNTIME.scan(script, TEN_BARS, ScanContext.flat(AgentParameters.none())).signals().get(0).reason();
        }
        return reason;
    }

    @Test
    void reportsSyntaxErrorsWithLineAndColumn() {
        List<ScriptError> errors = errors("function scan(bars, ctx) {\n  var x = ;\n}\n");
        assertEquals(new ScriptError(ScriptError.Kind.SYNTAX, "syntax error", 2, 11), errors.get(0));
        assertEquals("line 2:11: syntax error", errors.get(0).toString());
    }

    @Test
    void aScriptMustDefineScan() {
        assertEquals(List.of(new ScriptError(ScriptError.Kind.SYNTAX, "the script must define function scan(bars, ctx)", 0, 0)),
                errors("function scn(bars, ctx) {}"));
        assertEquals("line 2: Error: broken at load", errors("var a = 1;\nthrow new Error('broken at load');").get(0).toString());
        assertEquals(ScriptError.Kind.INSTRUCTION_LIMIT, errors("while (true) {}\nfunction scan() {}").get(0).kind());
        assertEquals(ScriptError.Kind.SYNTAX, errors("x".repeat(70_000)).get(0).kind());
    }

    @Test
    void barsExposesTheWindowOldestFirst() {
        assertEquals("10", reason("bars.length"));
        assertEquals("1 10 10 9", reason("bars.close(0) + ' ' + bars.close(9) + ' ' + bars.close(-1) + ' ' + bars.close(-2)"));
        assertEquals(OPEN.toEpochMilli() + "", reason("bars.t(0)"));
        assertEquals("1000 null null", reason("bars.volume(0) + ' ' + bars.vwap(0) + ' ' + bars.trades(0)"));
        assertEquals("10 10 t,open,high,low,close,volume,vwap,trades", reason("bars[9].close + ' ' + bars.at(-1).high + ' ' + Object.keys(bars[0])"));
        assertEquals("undefined", reason("bars[10]"));
        assertEquals("55", reason("(function () { var sum = 0; for (var i = 0; i < bars.length; i++) sum += bars[i].close; return sum; })()"));
    }

    @Test
    void barsGivesVwapAndTradesWhenTheSourceHasThem() {
        Bar bar = new Bar("AAPL", OPEN, TestBars.FIVE_MINUTES, BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ONE, BigDecimal.TEN,
                new BigDecimal("12.5"), new BigDecimal("4.25"), 7L);
        BarWindow window = TestBars.window(5, List.of(bar));
        assertEquals("4.25 7 12.5 4.25", reason("bars.vwap(0) + ' ' + bars.trades(-1) + ' ' + bars[0].volume + ' ' + bars[0].vwap",
                window, ScanContext.flat(AgentParameters.none())));
    }

    @Test
    void barsIsReadOnlyAndChecksIndexes() {
        ScriptError outside = failure("function scan(bars, ctx) {\n  return bars.close(10);\n}");
        assertEquals(ScriptError.Kind.RUNTIME, outside.kind());
        assertEquals("RangeError: bars.close: no bar at index 10: the window holds 10 bars, indexes 0 to 9 or -10 to -1",
                outside.message());
        assertEquals(2, outside.line());
        assertTrue(failure("function scan(bars, ctx) { return bars.close(1.5); }").message()
                .contains("index must be a whole number, got 1.5"));
        assertEquals(ScriptError.Kind.SANDBOX, failure("function scan(bars, ctx) { bars.length = 3; }").kind());
        assertEquals(ScriptError.Kind.SANDBOX, failure("function scan(bars, ctx) { bars[0].close = 3; }").kind());
        assertTrue(failure("function scan(bars, ctx) { var f = bars.close; return f(0); }").message()
                .contains("bars.close must be called on bars"));
    }

    @Test
    void ctxGivesTickerParametersAndPosition() {
        ScanContext context = new ScanContext(AgentParameters.fromJson("{\"fast\": 10, \"name\": \"x\", \"levels\": [1, 2]}"),
                new OpenPosition(OpenPosition.Side.LONG, new BigDecimal("25"), new BigDecimal("101.5")));
        assertEquals("AAPL 10 x 2 long 25 101.5",
                reason("ctx.ticker + ' ' + ctx.params.fast + ' ' + ctx.params.name + ' ' + ctx.params.levels[1] + ' '"
                        + " + ctx.position.side + ' ' + ctx.position.qty + ' ' + ctx.position.avgPrice", TEN_BARS, context));
        assertEquals("null", reason("ctx.position"));
        assertEquals(ScriptError.Kind.SANDBOX, RUNTIME.scan(compile("function scan(bars, ctx) { ctx.params.fast = 1; }"),
                TEN_BARS, context).error().kind(), "parameters are read-only");
    }

    @Test
    void ctxGivesTheBarTimeInNewYorkAndTheSession() {
        // the newest bar starts 10:15 on Friday 2025-03-14 (EDT) and ends 10:20; the session is 09:30-16:00
        assertEquals("2025-03-14T10:15:00-04:00 2025-03-14 10 15 5 45 340", reason("ctx.time.iso + ' ' + ctx.time.date + ' '"
                + " + ctx.time.hour + ' ' + ctx.time.minute + ' ' + ctx.time.dayOfWeek + ' ' + ctx.minutesSinceOpen + ' '"
                + " + ctx.minutesToClose"));
        assertEquals(TEN_BARS.newest().start().toEpochMilli() + "", reason("ctx.time.epochMs"));
        BarWindow earlyClose = TestBars.window(5, TestBars.closes("AAPL", at(2025, 11, 28, 12, 50), 1));
        assertEquals("200 5", reason("ctx.minutesSinceOpen + ' ' + ctx.minutesToClose", earlyClose,
                ScanContext.flat(AgentParameters.none())), "the day after Thanksgiving closes at 13:00");
        BarWindow preMarket = TestBars.window(5, TestBars.closes("AAPL", at(2025, 3, 14, 8, 0), 1));
        assertEquals("null null", reason("ctx.minutesSinceOpen + ' ' + ctx.minutesToClose", preMarket,
                ScanContext.flat(AgentParameters.none())));
    }

    @Test
    void ctxIndicatorsAreTheJavaIndicators() {
        assertEquals("9 8 5.5 null", reason("ctx.sma(3) + ' ' + ctx.sma(3, 1) + ' ' + ctx.sma(10) + ' ' + ctx.sma(11)"));
        assertEquals("100 1 10 8 1000 5.5", reason("ctx.rsi(3) + ' ' + ctx.atr(3) + ' ' + ctx.highest(3) + ' ' + ctx.lowest(3)"
                + " + ' ' + ctx.avgVolume(5) + ' ' + ctx.vwap()"));
        assertEquals("true false true", reason("ctx.crossover('close', 9.5) + ' ' + ctx.crossunder('close', 9.5) + ' '"
                + " + (ctx.crossover('close', 'sma:3') === false)"));
        assertTrue(reason("ctx.ema(3)").startsWith("9"));
        // an indicator of several outputs is an object of them, null while its first output has no value
        assertEquals("9 8 10 null", reason("ctx.donchian(3).middle + ' ' + ctx.donchian(3).lower + ' ' + ctx.donchian(3).upper"
                + " + ' ' + ctx.donchian(11)"));
        assertEquals("true", reason("String(ctx.macd(2, 3, 2).histogram === ctx.macd(2, 3, 2).macd - ctx.macd(2, 3, 2).signal)"));
    }

    @Test
    void ctxIndicatorArgumentsAreChecked() {
        assertEquals("RangeError: ctx.sma: period is required", failure("function scan(bars, ctx) { ctx.sma(); }").message());
        assertEquals("RangeError: ctx.rsi: rsi period must be at least 1, got 0", failure("function scan(bars, ctx) { ctx.rsi(0); }").message());
        assertEquals("RangeError: ctx.crossover: unknown series 'kama': use close, open, high, low, a number, or an indicator such as "
                + "sma:20, macd.signal:12:26:9 or bb.lower:20:2", failure("function scan(bars, ctx) { ctx.crossover('kama', 'close'); }").message());
        assertEquals("RangeError: ctx.crossover: series 'macd' needs 3 numbers after macd (fast, slow, signal), like macd:12:26:9",
                failure("function scan(bars, ctx) { ctx.crossover('macd', 'close'); }").message());
        assertEquals("RangeError: ctx.macd: macd fast period must be shorter than the slow period, got 26 and 12",
                failure("function scan(bars, ctx) { ctx.macd(26, 12, 9); }").message());
        assertEquals("RangeError: ctx.macd: signal is required", failure("function scan(bars, ctx) { ctx.macd(12, 26); }").message());
        assertEquals("RangeError: ctx.bb: deviations must be a number, got two",
                failure("function scan(bars, ctx) { ctx.bb(20, 'two'); }").message());
        assertEquals("RangeError: ctx.bb: bb deviations must be a number above 0, got -2",
                failure("function scan(bars, ctx) { ctx.bb(20, -2); }").message());
        assertEquals("RangeError: ctx.ema: ema period must be at least 1, got -5", failure("function scan(bars, ctx) { ctx.ema(-5); }").message());
        assertEquals("RangeError: ctx.adx: adx offset must be 0 (the newest bar) or more, got -1",
                failure("function scan(bars, ctx) { ctx.adx(14, -1); }").message());
        assertTrue(failure("function scan(bars, ctx) { ctx.crossover({}, 'close'); }").message()
                .contains("series 1 must be a string such as \"sma:20\" or a number, got object"));
    }

    @Test
    void returnsNothingOneSignalOrAnArray() {
        assertEquals(List.of(), scan("function scan(bars, ctx) {}").signals());
        assertEquals(List.of(), scan("function scan(bars, ctx) { return null; }").signals());
        assertEquals(List.of(Signal.market(Signal.Action.EXIT, "done")),
                scan("function scan(bars, ctx) { return {action: 'exit', reason: 'done'}; }").signals());
        ScanResult two = scan("function scan(bars, ctx) { return [{action: 'buy', qty: 10, stopLoss: 9.5}, undefined, "
                + "{action: 'sell', qty: 10, orderType: 'limit', limitPrice: 11.25, timeInForce: 'gtc'}]; }");
        assertEquals(List.of(
                new Signal(Signal.Action.BUY, new BigDecimal("10"), null, Signal.OrderType.MARKET, null, null,
                        new BigDecimal("9.5"), null, null, null, Signal.TimeInForce.DAY, ""),
                new Signal(Signal.Action.SELL, new BigDecimal("10"), null, Signal.OrderType.LIMIT, new BigDecimal("11.25"), null,
                        null, null, null, null, Signal.TimeInForce.GTC, "")), two.signals());
        assertTrue(two.duration().toNanos() > 0);
    }

    @Test
    void invalidSignalsAreRejectedOneByOne() {
        ScanResult result = scan("function scan(bars, ctx) { return [{action: 'buy', qty: -5}, {action: 'sell'}, "
                + "{action: 'nope'}, 5, {action: 'buy', qty: 0/0}, {action: 'buy', qty: 1, notional: 100}, "
                + "{action: 'buy', orderType: 'limit'}, {action: 'buy', qty: {}}]; }");
        assertEquals(List.of(Signal.market(Signal.Action.SELL, "")), result.signals());
        assertEquals(List.of(
                "signal #1 rejected: qty must be positive, got -5",
                "signal #3 rejected: action 'nope' is not one of buy, sell, short, cover, exit",
                "signal #4 rejected: is a number, not an object like {action: 'buy'}",
                "signal #5 rejected: qty must be a finite number, got NaN",
                "signal #6 rejected: give qty or notional, not both",
                "signal #7 rejected: a limit order needs limitPrice",
                "signal #8 rejected: qty must be a string or a number, got an object"), result.rejections());
        assertTrue(result.hasProblem());
        assertNull(result.error());
    }

    @Test
    void aResultThatIsNoSignalIsAnError() {
        assertEquals(new ScriptError(ScriptError.Kind.RESULT,
                "scan returned a string; return nothing, a signal like {action: 'buy', reason: '...'} or an array of signals", 0, 0),
                failure("function scan(bars, ctx) { return 'buy'; }"));
        assertEquals("scan returned 21 signals; at most 20 are allowed per scan",
                failure("function scan(bars, ctx) { var s = []; for (var i = 0; i < 21; i++) s.push({action: 'buy'}); return s; }").message());
    }

    @Test
    void runtimeErrorsCarryTheScriptLine() {
        ScriptError error = failure("function scan(bars, ctx) {\n  var x = 1;\n  return undefinedThing + x;\n}");
        assertEquals(ScriptError.Kind.RUNTIME, error.kind());
        assertEquals(3, error.line());
        assertTrue(error.message().startsWith("ReferenceError: \"undefinedThing\" is not defined"), error.message());
        assertEquals("line 2: Error: boom", failure("function scan(bars, ctx) {\n  throw new Error('boom');\n}").toString());
        assertEquals("line 1: plain", failure("function scan(bars, ctx) { throw 'plain'; }").toString());
    }

    @Test
    void globalsPersistBetweenScansOfOneAgent() {
        AgentScript script = compile("var count = 0; function scan(bars, ctx) { count++; return {action: 'buy', reason: 'scan ' + count}; }");
        RUNTIME.scan(script, TEN_BARS, ScanContext.flat(AgentParameters.none()));
        ScanResult second = RUNTIME.scan(script, TEN_BARS, ScanContext.flat(AgentParameters.none()));
        assertEquals("scan 2", second.signals().get(0).reason());
    }

    @Test
    void refusesEmptyWindowsAndForeignScripts() {
        AgentScript script = compile("function scan() {}");
        assertThrows(IllegalArgumentException.class,
                () -> RUNTIME.scan(script, new BarWindow("AAPL", 5), ScanContext.flat(AgentParameters.none())));
        RhinoAgentRuntime other = new RhinoAgentRuntime(SandboxLimits.defaults(), MarketCalendar.nyse());
        assertThrows(IllegalArgumentException.class, () -> other.scan(script, TEN_BARS, ScanContext.flat(AgentParameters.none())));
    }
}
