package com.papertrader.infrastructure.scripting;

import org.mozilla.javascript.LambdaFunction;
import org.mozilla.javascript.NativeObject;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.SerializableCallable;
import org.mozilla.javascript.Undefined;

/** Helpers for the Java functions that {@code bars} and {@code ctx} offer to scripts. */
final class HostFunctions {

    private HostFunctions() {
    }

    /** An empty object inheriting from Object.prototype of the shared library. */
    static NativeObject newObject(ScriptableObject shared) {
        NativeObject object = new NativeObject();
        object.setPrototype(ScriptableObject.getObjectPrototype(shared));
        object.setParentScope(shared);
        return object;
    }

    /**
     * Defines a non-enumerable function on a host prototype. The body's IllegalArgumentExceptions (bad arguments)
     * become JavaScript RangeErrors that name the function, so the script gets a line number and may catch them.
     */
    static <T> void define(ScriptableObject prototype, ScriptableObject shared, Class<T> receiver, String receiverName,
                           String name, int length, Body<T> body) {
        String qualified = receiverName + "." + name;
        LambdaFunction function = new LambdaFunction(shared, name, length, (SerializableCallable) (cx, scope, thisObj, args) -> {
            if (!receiver.isInstance(thisObj)) {
                throw ScriptRuntime.typeError(qualified + " must be called on " + receiverName + ", as in " + qualified + "(...)");
            }
            try {
                return body.call(receiver.cast(thisObj), args);
            } catch (IllegalArgumentException e) {
                throw ScriptRuntime.rangeError(qualified + ": " + e.getMessage());
            }
        });
        prototype.defineProperty(name, function, ScriptableObject.DONTENUM);
    }

    /** A whole-number argument, or the default when it is missing or undefined. */
    static int integer(Object[] args, int index, String name, int defaultValue) {
        Object value = index < args.length ? args[index] : Undefined.instance;
        if (Undefined.isUndefined(value)) {
            if (defaultValue == Integer.MIN_VALUE) {
                throw new IllegalArgumentException(name + " is required");
            }
            return defaultValue;
        }
        double number = value instanceof Number || value instanceof CharSequence ? ScriptRuntime.toNumber(value) : Double.NaN;
        if (number != Math.rint(number) || Math.abs(number) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be a whole number, got " + ScriptRuntime.toString(value));
        }
        return (int) number;
    }

    /** A whole-number argument that must be given. */
    static int integer(Object[] args, int index, String name) {
        return integer(args, index, name, Integer.MIN_VALUE);
    }

    /** A number argument that must be given (a numeric string counts, as for {@link #integer}). */
    static double number(Object[] args, int index, String name) {
        Object value = index < args.length ? args[index] : Undefined.instance;
        if (Undefined.isUndefined(value)) {
            throw new IllegalArgumentException(name + " is required");
        }
        double number = value instanceof Number || value instanceof CharSequence ? ScriptRuntime.toNumber(value) : Double.NaN;
        if (Double.isNaN(number)) {
            throw new IllegalArgumentException(name + " must be a number, got " + ScriptRuntime.toString(value));
        }
        return number;
    }

    /** Rhino's representation of an optional number: null for NaN (a missing value). */
    static Object numberOrNull(double value) {
        return Double.isNaN(value) ? null : value;
    }

    /** Marks a value object read-only for scripts: assignments throw "Cannot modify a property of a sealed object". */
    static <T extends ScriptableObject> T sealed(T object) {
        object.sealObject();
        return object;
    }

    @FunctionalInterface
    interface Body<T> {
        Object call(T receiver, Object[] args);
    }
}
