package com.papertrader.infrastructure.scripting;

import com.papertrader.domain.agent.InvalidSignalException;
import com.papertrader.domain.agent.Signal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.NativeObject;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Undefined;

/** Converts values between Java and scripts: agent parameters in, signals out. */
final class ScriptValues {

    private ScriptValues() {
    }

    /** What a scan returned, read as signals: the valid ones, and a message per rejected one. */
    record Signals(List<Signal> accepted, List<String> rejections) {
    }

    /** The scan returned something that is not nothing, a signal or an array of signals. */
    static final class InvalidResult extends Exception {

        private static final long serialVersionUID = 1L;

        InvalidResult(String message) {
            super(message);
        }
    }

    /** A JSON-like Java value (as in AgentParameters) as a sealed script value; numbers become doubles. */
    static Object toScript(Object value, ScriptableObject shared) {
        if (value instanceof Map<?, ?> map) {
            NativeObject object = HostFunctions.newObject(shared);
            map.forEach((key, element) -> object.put((String) key, object, toScript(element, shared)));
            return HostFunctions.sealed(object);
        }
        if (value instanceof List<?> list) {
            NativeArray array = new NativeArray(list.stream().map(element -> toScript(element, shared)).toArray());
            array.setPrototype(ScriptableObject.getClassPrototype(shared, "Array"));
            array.setParentScope(shared);
            return HostFunctions.sealed(array);
        }
        if (value instanceof BigDecimal number) {
            return number.doubleValue();
        }
        return value; // String, Boolean or null
    }

    /**
     * Reads the value scan returned: undefined or null for no signal, a signal object, or an array of signal objects
     * (undefined and null elements skipped). Property reads may run script code (getters), so call it while metered.
     */
    static Signals signals(Object result, int maxSignals) throws InvalidResult {
        List<Signal> accepted = new ArrayList<>();
        List<String> rejections = new ArrayList<>();
        if (result == null || Undefined.isUndefined(result)) {
            return new Signals(accepted, rejections);
        }
        if (result instanceof NativeArray array) {
            long count = array.getLength();
            if (count > maxSignals) {
                throw new InvalidResult("scan returned " + count + " signals; at most " + maxSignals + " are allowed per scan");
            }
            for (int i = 0; i < count; i++) {
                Object element = array.get(i, array);
                if (element != null && !Undefined.isUndefined(element) && element != Scriptable.NOT_FOUND) {
                    read(element, "signal #" + (i + 1), accepted, rejections);
                }
            }
            return new Signals(accepted, rejections);
        }
        if (!isPlainObject(result)) {
            throw new InvalidResult("scan returned " + describe(result)
                    + "; return nothing, a signal like {action: 'buy', reason: '...'} or an array of signals");
        }
        read(result, "signal", accepted, rejections);
        return new Signals(accepted, rejections);
    }

    private static void read(Object value, String label, List<Signal> accepted, List<String> rejections) {
        try {
            if (!isPlainObject(value)) {
                throw new InvalidSignalException("is " + describe(value) + ", not an object like {action: 'buy'}");
            }
            accepted.add(Signal.from(fields((Scriptable) value)));
        } catch (InvalidSignalException e) {
            rejections.add(label + " rejected: " + e.getMessage());
        }
    }

    /** The object's own enumerable properties as plain Java values; undefined ones are left out. */
    private static Map<String, Object> fields(Scriptable object) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Object id : object.getIds()) {
            String name = id.toString();
            Object value = id instanceof Integer index ? object.get(index, object) : object.get(name, object);
            if (Undefined.isUndefined(value) || value == Scriptable.NOT_FOUND) {
                continue;
            }
            if (value instanceof CharSequence text) {
                fields.put(name, text.toString());
            } else if (value == null || value instanceof Number || value instanceof Boolean) {
                fields.put(name, value);
            } else {
                throw new InvalidSignalException(name + " must be a string or a number, got " + describe(value));
            }
        }
        return fields;
    }

    private static boolean isPlainObject(Object value) {
        return value instanceof Scriptable && !(value instanceof Function) && !ScriptRuntime.isArrayObject(value);
    }

    private static String describe(Object value) {
        if (ScriptRuntime.isArrayObject(value)) {
            return "an array";
        }
        String type = ScriptRuntime.typeof(value);
        return (type.startsWith("o") ? "an " : "a ") + type;
    }
}
