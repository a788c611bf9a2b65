package com.papertrader.infrastructure.scripting;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.BarWindow;
import java.util.List;
import org.mozilla.javascript.NativeObject;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;

/**
 * {@code bars} in a scan: a read-only view of the ticker's {@link BarWindow}, oldest bar first. Scripts read it in
 * place, with no copy per scan: {@code bars.length}, {@code bars[i].close} (an object per access) or, fastest,
 * {@code bars.close(i)} where a negative index counts from the newest bar ({@code bars.close(-1)}).
 */
final class BarsObject extends ScriptableObject {

    private static final long serialVersionUID = 1L;
    static final List<String> FIELDS = List.of("t", "open", "high", "low", "close", "volume", "vwap", "trades");

    private final transient BarWindow window;

    BarsObject(BarWindow window, Scriptable prototype, Scriptable shared) {
        this.window = window;
        setPrototype(prototype);
        setParentScope(shared);
        sealObject();
    }

    /** The functions every {@code bars} object inherits: one accessor per bar field, and at(i). */
    static NativeObject prototype(ScriptableObject shared) {
        NativeObject prototype = HostFunctions.newObject(shared);
        accessor(prototype, shared, "t", (window, i) -> (double) window.time(i));
        accessor(prototype, shared, "open", BarWindow::open);
        accessor(prototype, shared, "high", BarWindow::high);
        accessor(prototype, shared, "low", BarWindow::low);
        accessor(prototype, shared, "close", BarWindow::close);
        accessor(prototype, shared, "volume", BarWindow::volume);
        accessor(prototype, shared, "vwap", (window, i) -> HostFunctions.numberOrNull(window.vwap(i)));
        accessor(prototype, shared, "trades", (window, i) -> BarObject.field(window.bar(i), "trades"));
        accessor(prototype, shared, "at", (window, i) -> new BarObject(window.bar(i), shared));
        return prototype;
    }

    /** bars.name(i): reads the window's columns directly, the fast way to go through many bars. */
    private static void accessor(NativeObject prototype, ScriptableObject shared, String name, Column column) {
        HostFunctions.define(prototype, shared, BarsObject.class, "bars", name, 1,
                (bars, args) -> column.read(bars.window, bars.index(args)));
    }

    @Override
    public String getClassName() {
        return "Bars";
    }

    @Override
    public Object get(String name, Scriptable start) {
        return name.equals("length") ? window.size() : super.get(name, start);
    }

    @Override
    public boolean has(String name, Scriptable start) {
        return name.equals("length") || super.has(name, start);
    }

    @Override
    public Object get(int index, Scriptable start) {
        return index >= 0 && index < window.size() ? new BarObject(window.bar(index), getParentScope()) : NOT_FOUND;
    }

    @Override
    public boolean has(int index, Scriptable start) {
        return index >= 0 && index < window.size();
    }

    /** For for-in and Object.keys(bars): charged one instruction per bar, as Rhino counts none for building them. */
    @Override
    public Object[] getIds() {
        SandboxContext.current().charge(window.size());
        Object[] ids = new Object[window.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        return ids;
    }

    /** The window index of a script's index argument; negative indexes count back from the newest bar. */
    private int index(Object[] args) {
        int index = HostFunctions.integer(args, 0, "index");
        int size = window.size();
        int resolved = index < 0 ? size + index : index;
        if (resolved < 0 || resolved >= size) {
            throw new IllegalArgumentException("no bar at index " + index + ": the window holds " + size
                    + " bars, indexes 0 to " + (size - 1) + " or -" + size + " to -1");
        }
        return resolved;
    }

    @FunctionalInterface
    private interface Column {
        Object read(BarWindow window, int index);
    }

    /** One bar as a read-only object: {@code bars[i].close}. Holds the bar itself, so it stays right after later scans. */
    static final class BarObject extends ScriptableObject {

        private static final long serialVersionUID = 1L;

        private final transient Bar bar;

        BarObject(Bar bar, Scriptable shared) {
            this.bar = bar;
            setPrototype(ScriptableObject.getObjectPrototype(shared));
            setParentScope(shared);
            sealObject();
        }

        /** A bar field as a script sees it: numbers, with vwap and trades null when the source did not give them. */
        static Object field(Bar bar, String field) {
            return switch (field) {
                case "t" -> (double) bar.start().toEpochMilli();
                case "open" -> bar.open().doubleValue();
                case "high" -> bar.high().doubleValue();
                case "low" -> bar.low().doubleValue();
                case "close" -> bar.close().doubleValue();
                case "volume" -> bar.volume().doubleValue();
                case "vwap" -> bar.vwap() == null ? null : bar.vwap().doubleValue();
                case "trades" -> bar.trades() == null ? null : bar.trades().doubleValue();
                default -> NOT_FOUND;
            };
        }

        @Override
        public String getClassName() {
            return "Bar";
        }

        @Override
        public Object get(String name, Scriptable start) {
            Object value = field(bar, name);
            return value == NOT_FOUND ? super.get(name, start) : value;
        }

        @Override
        public boolean has(String name, Scriptable start) {
            return FIELDS.contains(name) || super.has(name, start);
        }

        @Override
        public Object[] getIds() {
            return FIELDS.toArray();
        }
    }
}
