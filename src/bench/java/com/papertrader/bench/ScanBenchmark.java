package com.papertrader.bench;

import com.papertrader.domain.agent.AgentDefinition;
import com.papertrader.domain.agent.AgentParameters;
import com.papertrader.domain.agent.AgentScript;
import com.papertrader.domain.agent.AgentScriptFiles;
import com.papertrader.domain.agent.Compilation;
import com.papertrader.domain.agent.OpenPosition;
import com.papertrader.domain.agent.ScanContext;
import com.papertrader.domain.agent.ScanResult;
import com.papertrader.domain.agent.Signal;
import com.papertrader.domain.indicator.Indicators;
import com.papertrader.domain.indicator.Series;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.BarWindow;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.infrastructure.scripting.RhinoAgentRuntime;
import com.papertrader.infrastructure.scripting.SandboxLimits;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Bar-scans per second of the SMA crossover agent (agents/sma-crossover.js) over a 100-bar window, on one thread:
 * in the sandboxed Rhino runtime (instruction observer on, default limits), the same logic in plain Java, and the
 * old design's baseline, a {@code node scan.js} process per scan. Results and the command: BENCHMARKS.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
public class ScanBenchmark {

    private static final int WINDOW = 100;

    private BarWindow window;
    private AgentParameters parameters;
    private ScanContext context;
    private RhinoAgentRuntime runtime;
    private AgentScript script;
    private Path workDirectory;
    private Path nodeScript;
    private Path barsFile;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        AgentDefinition agent = AgentScriptFiles.fromClasspath(getClass().getClassLoader()).stream()
                .filter(definition -> definition.id().value().equals("sma-crossover")).findFirst().orElseThrow();
        parameters = agent.parameters();
        context = ScanContext.flat(parameters);
        window = randomWalk();
        runtime = new RhinoAgentRuntime(SandboxLimits.defaults(), MarketCalendar.nyse());
        script = ((Compilation.Success) runtime.compile(agent.id(), agent.script())).script();

        workDirectory = Files.createTempDirectory("scan-benchmark");
        nodeScript = workDirectory.resolve("scan.js");
        try (InputStream in = getClass().getResourceAsStream("/bench/scan.js")) {
            Files.write(nodeScript, in.readAllBytes());
        }
        barsFile = workDirectory.resolve("window.json");
        checkTheThreeAgree();
    }

    /** Benchmarks of different decisions would compare nothing: all three must give the same signal here. */
    private void checkTheThreeAgree() throws IOException {
        Signal java = smaCrossover(window, parameters, null);
        ScanResult rhino = runtime.scan(script, window, context);
        String node;
        try {
            node = nodeProcessPerScan();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String expected = java == null ? "null" : java.action().name().toLowerCase();
        String fromRhino = rhino.signals().isEmpty() ? "null" : rhino.signals().get(0).action().name().toLowerCase();
        String fromNode = node.equals("null") ? "null" : node.replaceAll(".*\"action\":\"(\\w+)\".*", "$1");
        if (rhino.error() != null || !expected.equals(fromRhino) || !expected.equals(fromNode)) {
            throw new IllegalStateException("the scans disagree: java " + expected + ", rhino " + rhino + ", node " + node);
        }
        System.out.println("Java, Rhino and node agree on the signal at the newest bar: " + expected);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(barsFile);
        Files.deleteIfExists(nodeScript);
        Files.deleteIfExists(workDirectory);
    }

    /** The sample agent in the sandboxed runtime, as the scanner runs it. */
    @Benchmark
    @Warmup(iterations = 2, time = 3)
    @Measurement(iterations = 3, time = 3)
    public ScanResult rhinoSandboxed() {
        return runtime.scan(script, window, context);
    }

    /** The same decision written in Java against the same window and indicators. */
    @Benchmark
    @Warmup(iterations = 2, time = 3)
    @Measurement(iterations = 3, time = 3)
    public Signal plainJava() {
        return smaCrossover(window, parameters, context.position());
    }

    /** The old design: write the window to a file and run a node process that scans it. */
    @Benchmark
    @Warmup(iterations = 1, time = 3)
    @Measurement(iterations = 3, time = 4)
    public String nodeProcessPerScan() throws IOException, InterruptedException {
        Files.writeString(barsFile, json(window, parameters), StandardCharsets.UTF_8);
        Process node = new ProcessBuilder(System.getProperty("node", "/usr/bin/node"), nodeScript.toString(), barsFile.toString())
                .redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (node.waitFor() != 0) {
            throw new IllegalStateException("node failed: " + output);
        }
        return output;
    }

    static Signal smaCrossover(BarWindow window, AgentParameters parameters, OpenPosition position) {
        int fastPeriod = ((BigDecimal) parameters.asMap().get("fast")).intValue();
        int slowPeriod = ((BigDecimal) parameters.asMap().get("slow")).intValue();
        Series fast = Series.parse("sma:" + fastPeriod);
        Series slow = Series.parse("sma:" + slowPeriod);
        if (position == null && Indicators.crossover(window, fast, slow)) {
            return Signal.market(Signal.Action.BUY, "SMA " + fastPeriod + " crossed above SMA " + slowPeriod);
        }
        if (position != null && position.side() == OpenPosition.Side.LONG && Indicators.crossunder(window, fast, slow)) {
            return Signal.market(Signal.Action.EXIT, "SMA " + fastPeriod + " crossed below SMA " + slowPeriod);
        }
        return null;
    }

    /** 100 five-minute bars of a seeded random walk around 100. */
    private static BarWindow randomWalk() {
        BarWindow window = new BarWindow("AAPL", WINDOW);
        Random random = new Random(42);
        Instant start = Instant.parse("2025-03-10T13:30:00Z");
        double price = 100;
        for (int i = 0; i < WINDOW; i++) {
            double open = price;
            price = Math.max(1, price + random.nextGaussian() * 0.2);
            BigDecimal o = money(open);
            BigDecimal c = money(price);
            BigDecimal high = o.max(c).add(new BigDecimal("0.05"));
            BigDecimal low = o.min(c).subtract(new BigDecimal("0.05"));
            window.add(new Bar("AAPL", start.plus(Duration.ofMinutes(5L * i)), Duration.ofMinutes(5), o, high, low, c,
                    BigDecimal.valueOf(1000 + random.nextInt(5000)), null, null));
        }
        return window;
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN);
    }

    private static String json(BarWindow window, AgentParameters parameters) {
        StringBuilder json = new StringBuilder("{\"params\":").append(parameters.toJson()).append(",\"position\":null,\"bars\":[");
        for (int i = 0; i < window.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"t\":").append(window.time(i)).append(",\"open\":").append(window.open(i))
                    .append(",\"high\":").append(window.high(i)).append(",\"low\":").append(window.low(i))
                    .append(",\"close\":").append(window.close(i)).append(",\"volume\":").append(window.volume(i)).append('}');
        }
        return json.append("]}").toString();
    }
}
