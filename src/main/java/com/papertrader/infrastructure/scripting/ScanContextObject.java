package com.papertrader.infrastructure.scripting;

import com.papertrader.domain.agent.OpenPosition;
import com.papertrader.domain.indicator.Indicator;
import com.papertrader.domain.indicator.IndicatorSpec;
import com.papertrader.domain.indicator.Indicators;
import com.papertrader.domain.indicator.Series;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.BarWindow;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.TradingSession;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mozilla.javascript.NativeObject;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;

/**
 * {@code ctx} in a scan: the ticker, the agent's parameters, its position, the newest bar's time in New York and
 * the session it belongs to, and the indicators of {@link Indicators} (inherited functions such as {@code ctx.sma(20)}).
 * Values that cost something to build (position, time, session minutes) are built only when the script reads them.
 */
final class ScanContextObject extends ScriptableObject {

    private static final long serialVersionUID = 1L;
    private static final List<String> PROPERTIES = List.of("ticker", "params", "position", "time", "minutesSinceOpen",
            "minutesToClose");

    private final transient BarWindow window;
    private final transient Scriptable params;
    private final transient OpenPosition position;
    private final transient MarketCalendar calendar;
    private transient Object positionObject;
    private transient Scriptable time;
    private transient Optional<TradingSession> session;

    ScanContextObject(BarWindow window, Scriptable params, OpenPosition position, MarketCalendar calendar,
                      Scriptable prototype, Scriptable shared) {
        this.window = window;
        this.params = params;
        this.position = position;
        this.calendar = calendar;
        setPrototype(prototype);
        setParentScope(shared);
        sealObject();
    }

    /** The indicator functions every {@code ctx} inherits: one per {@link Indicator}, then the crossings. */
    static NativeObject prototype(ScriptableObject shared) {
        NativeObject prototype = HostFunctions.newObject(shared);
        for (Indicator indicator : Indicator.values()) {
            define(prototype, shared, indicator);
        }
        // a crossover compares two series on the newest bar and the one before: four values
        HostFunctions.define(prototype, shared, ScanContextObject.class, "ctx", "crossover", 2, (ctx, args) -> {
            ctx.charge(4);
            return Indicators.crossover(ctx.window, series(args, 0), series(args, 1));
        });
        HostFunctions.define(prototype, shared, ScanContextObject.class, "ctx", "crossunder", 2, (ctx, args) -> {
            ctx.charge(4);
            return Indicators.crossunder(ctx.window, series(args, 0), series(args, 1));
        });
        return prototype;
    }

    /**
     * ctx.name(parameters...[, offset]): a number for an indicator of one output, else an object of its outputs
     * ({@code {macd, signal, histogram}}); NaN becomes null, so "not enough bars yet" reads as a missing value, and
     * the whole object is null while its first output is.
     */
    private static void define(NativeObject prototype, ScriptableObject shared, Indicator indicator) {
        List<Indicator.Parameter> parameters = indicator.parameters();
        HostFunctions.define(prototype, shared, ScanContextObject.class, "ctx", indicator.scriptName(), parameters.size() + 1,
                (ctx, args) -> {
                    ctx.charge(1);
                    double[] values = new double[parameters.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = HostFunctions.number(args, i, parameters.get(i).name());
                    }
                    IndicatorSpec spec = IndicatorSpec.of(indicator, values);
                    int offset = HostFunctions.integer(args, values.length, "offset", 0);
                    if (indicator.hasOneOutput()) {
                        return HostFunctions.numberOrNull(Indicators.value(ctx.window, spec, 0, offset));
                    }
                    return ctx.outputs(spec, offset);
                });
    }

    private Object outputs(IndicatorSpec spec, int offset) {
        if (Double.isNaN(Indicators.value(window, spec, 0, offset))) {
            return null;
        }
        NativeObject object = HostFunctions.newObject((ScriptableObject) getParentScope());
        List<String> names = spec.indicator().outputs();
        for (int i = 0; i < names.size(); i++) {
            object.put(names.get(i), object, HostFunctions.numberOrNull(Indicators.value(window, spec, i, offset)));
        }
        return HostFunctions.sealed(object);
    }

    /**
     * Indicators go through bars in Java, where Rhino counts no instruction: each of the {@code values} computed is
     * charged one instruction per bar of the window, the most one reads (a stream's first read steps through them),
     * so the instruction budget bounds a scan that computes indicators in a loop.
     */
    private void charge(int values) {
        SandboxContext.current().charge((long) values * window.size());
    }

    private static Series series(Object[] args, int index) {
        Object value = index < args.length ? args[index] : null;
        if (value instanceof Number number) {
            return Series.level(number.doubleValue());
        }
        if (value instanceof CharSequence text) {
            return Series.parse(text.toString());
        }
        throw new IllegalArgumentException("series " + (index + 1) + " must be a string such as \"sma:20\" or a number, got "
                + (value == null ? "nothing" : ScriptRuntime.typeof(value)));
    }

    @Override
    public String getClassName() {
        return "ScanContext";
    }

    @Override
    public Object get(String name, Scriptable start) {
        return switch (name) {
            case "ticker" -> window.ticker();
            case "params" -> params;
            case "position" -> position();
            case "time" -> time();
            case "minutesSinceOpen" -> session()
                    .map(s -> (Object) (double) Duration.between(s.open(), window.newest().start()).toMinutes())
                    .orElse(null);
            case "minutesToClose" -> session()
                    .map(s -> (Object) (double) Duration.between(window.newest().end(), s.close()).toMinutes())
                    .orElse(null);
            default -> super.get(name, start);
        };
    }

    @Override
    public boolean has(String name, Scriptable start) {
        return PROPERTIES.contains(name) || super.has(name, start);
    }

    @Override
    public Object[] getIds() {
        return PROPERTIES.toArray();
    }

    private Object position() {
        if (position == null) {
            return null;
        }
        if (positionObject == null) {
            NativeObject object = HostFunctions.newObject((ScriptableObject) getParentScope());
            object.put("side", object, position.side().name().toLowerCase(Locale.ROOT));
            object.put("qty", object, position.quantity().doubleValue());
            object.put("avgPrice", object, position.averagePrice().doubleValue());
            positionObject = HostFunctions.sealed(object);
        }
        return positionObject;
    }

    /** The newest bar's start in New York: what a chart labels the bar with. */
    private Scriptable time() {
        if (time == null) {
            ZonedDateTime start = window.newest().start().atZone(MarketCalendar.NEW_YORK);
            NativeObject object = HostFunctions.newObject((ScriptableObject) getParentScope());
            object.put("epochMs", object, (double) start.toInstant().toEpochMilli());
            object.put("iso", object, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(start));
            object.put("date", object, start.toLocalDate().toString());
            object.put("hour", object, (double) start.getHour());
            object.put("minute", object, (double) start.getMinute());
            object.put("dayOfWeek", object, (double) start.getDayOfWeek().getValue());
            time = HostFunctions.sealed(object);
        }
        return time;
    }

    /** The regular session the newest bar lies in, if it lies in one entirely. */
    private Optional<TradingSession> session() {
        if (session == null) {
            Bar newest = window.newest();
            session = calendar.sessionAt(newest.start()).filter(s -> !newest.end().isAfter(s.close()));
        }
        return session;
    }
}
