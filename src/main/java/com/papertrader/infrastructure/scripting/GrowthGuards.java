package com.papertrader.infrastructure.scripting;

import com.papertrader.domain.agent.ScriptError;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.mozilla.javascript.Callable;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.LambdaFunction;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.ScriptRuntime;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.SerializableCallable;
import org.mozilla.javascript.SymbolKey;
import org.mozilla.javascript.Undefined;

/**
 * Bounds the built-in functions that go through arrays, strings or objects in Java, where Rhino counts no
 * instruction, by replacing each with a wrapper:
 * <ul>
 * <li>growth: one that could build a huge array or string in one call ({@code new Array(1e9).fill(0)},
 * {@code 'x'.repeat(1e9)}, {@code arr.join()} of a million references to one long string, {@code [...Array(1e9)]},
 * {@code f.apply(null, {length: 1e9})}) checks the size it would work on or produce first and ends the scan with a
 * MEMORY_LIMIT error when it is over the limit;</li>
 * <li>work: the methods of arrays and strings, {@code Array.from}, {@code apply} and {@code Object.keys} and its
 * relatives charge the scan one instruction per element, character or property they go through or return, so a loop
 * of such calls is stopped by the instruction budget, the same on any machine, rather than by the wall clock.
 * Constant-time methods ({@code push}, {@code pop}, {@code at}, {@code charAt}, ...) are not charged.</li>
 * </ul>
 * Growth step by step in script code is left to the allocation budget, which the instruction observer checks.
 */
final class GrowthGuards {

    /** Checked (push must not grow an array past the limit) but not charged: constant time per call. */
    private static final Set<String> CONSTANT_TIME_ARRAY_METHODS = Set.of("push", "pop", "at");
    /** Left alone: constant time, or what converting a String object to a string calls (toString, valueOf). */
    private static final Set<String> UNCHARGED_STRING_METHODS = Set.of("constructor", "toString", "valueOf", "charAt",
            "charCodeAt", "codePointAt", "at");

    private final ScriptableObject scope;
    private final int maxArrayLength;
    private final int maxStringLength;

    private GrowthGuards(ScriptableObject scope, SandboxLimits limits) {
        this.scope = scope;
        this.maxArrayLength = limits.maxArrayLength();
        this.maxStringLength = limits.maxStringLength();
    }

    /** Replaces the unbounded built-ins of a fresh, not yet sealed standard library. */
    static void install(ScriptableObject scope, SandboxLimits limits) {
        new GrowthGuards(scope, limits).install();
    }

    private void install() {
        ScriptableObject arrayConstructor = (ScriptableObject) scope.get("Array", scope);
        ScriptableObject arrayPrototype = (ScriptableObject) arrayConstructor.get("prototype", arrayConstructor);
        for (Object id : arrayPrototype.getAllIds()) {
            if (id instanceof String name && !name.equals("constructor")
                    && arrayPrototype.get(name, arrayPrototype) instanceof Function original) {
                arrayPrototype.put(name, arrayPrototype, arrayMethod(name, original));
            }
        }
        Function iterator = (Function) arrayPrototype.get(SymbolKey.ITERATOR, arrayPrototype);
        // not charged: for-of counts its steps, and spreading allocates what it iterates, within the allocation budget
        arrayPrototype.put(SymbolKey.ITERATOR, arrayPrototype, lengthChecked("Array.prototype[Symbol.iterator]", iterator));

        replace(arrayConstructor, "from", original -> guard("Array.from", original, (cx, thisObj, args) -> {
            long length = lengthOf(arg(args, 0));
            checkLength("Array.from", length);
            Object result = original.call(cx, scope, thisObj, args);
            charge(cx, length + sizeOf(result));
            return result;
        }));
        ScriptableObject functionPrototype = (ScriptableObject) ScriptableObject.getFunctionPrototype(scope);
        replace(functionPrototype, "apply", original -> argumentListChecked("Function.prototype.apply", original, 1));
        ScriptableObject reflect = (ScriptableObject) scope.get("Reflect", scope);
        replace(reflect, "apply", original -> argumentListChecked("Reflect.apply", original, 2));
        replace(reflect, "construct", original -> argumentListChecked("Reflect.construct", original, 1));
        ScriptableObject objectConstructor = (ScriptableObject) scope.get("Object", scope);
        for (String name : List.of("keys", "values", "entries", "getOwnPropertyNames")) {
            replace(objectConstructor, name, original -> guard("Object." + name, original, (cx, thisObj, args) -> {
                Object result = original.call(cx, scope, thisObj, args);
                charge(cx, sizeOf(result)); // one instruction per property listed
                return result;
            }));
        }

        ScriptableObject stringConstructor = (ScriptableObject) scope.get("String", scope);
        ScriptableObject stringPrototype = (ScriptableObject) stringConstructor.get("prototype", stringConstructor);
        for (Object id : stringPrototype.getAllIds()) {
            if (id instanceof String name && !UNCHARGED_STRING_METHODS.contains(name)
                    && stringPrototype.get(name, stringPrototype) instanceof Function original) {
                stringPrototype.put(name, stringPrototype, stringMethod("String.prototype." + name, original,
                        name.equals("concat"), resultBound(name)));
            }
        }
        replace(stringConstructor, "raw", original -> guard("String.raw", original, (cx, thisObj, args) -> {
            Object template = arg(args, 0);
            Object raw = template instanceof Scriptable object ? ScriptableObject.getProperty(object, "raw") : null;
            double length = totalLength(Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
            if (raw instanceof Scriptable parts) {
                checkLength("String.raw", lengthOf(parts));
                length += totalLength(elements(parts));
            }
            checkStringLength("String.raw", length);
            charge(cx, (long) length);
            return original.call(cx, scope, thisObj, args);
        }));
        ScriptableObject regExpPrototype = (ScriptableObject) ScriptableObject.getClassPrototype(scope, "RegExp");
        Object regExpReplace = regExpPrototype.get(SymbolKey.REPLACE, regExpPrototype);
        if (regExpReplace instanceof Function original) {
            regExpPrototype.put(SymbolKey.REPLACE, regExpPrototype, guard("RegExp.prototype[Symbol.replace]", original,
                    (cx, thisObj, args) -> {
                        checkStringLength("RegExp.prototype[Symbol.replace]",
                                replacementBound(ScriptRuntime.toString(arg(args, 0)), arg(args, 1)));
                        return original.call(cx, scope, thisObj, args);
                    }));
        }
    }

    private Function arrayMethod(String name, Function original) {
        String qualified = "Array.prototype." + name;
        if (CONSTANT_TIME_ARRAY_METHODS.contains(name)) {
            return lengthChecked(qualified, original);
        }
        return charged(qualified, original, switch (name) {
            case "join" -> (cx, thisObj, args) -> join(cx, thisObj, arg(args, 0), qualified);
            case "toString", "toLocaleString" -> (cx, thisObj, args) -> join(cx, thisObj, null, qualified);
            case "concat" -> (cx, thisObj, args) -> {
                long total = lengthOf(thisObj);
                for (Object item : args) {
                    total += ScriptRuntime.isArrayObject(item) ? lengthOf(item) : 1;
                }
                checkLength(qualified, total);
                return original.call(cx, scope, thisObj, args);
            };
            case "flat" -> (cx, thisObj, args) -> {
                Object depth = arg(args, 0);
                checkFlattened(qualified, thisObj, Undefined.isUndefined(depth) ? 1 : ScriptRuntime.toInteger(depth));
                return original.call(cx, scope, thisObj, args);
            };
            case "flatMap" -> (cx, thisObj, args) -> {
                if (!(arg(args, 0) instanceof Callable callback)) {
                    return original.call(cx, scope, thisObj, args);
                }
                long[] produced = {0};
                Object[] counted = args.clone();
                counted[0] = new LambdaFunction(scope, "callback", 3, (SerializableCallable) (c, s, self, callArgs) -> {
                    Object result = callback.call(c, s, self, callArgs);
                    produced[0] += ScriptRuntime.isArrayObject(result) ? lengthOf(result) : 1;
                    checkLength(qualified, produced[0]);
                    return result;
                });
                return original.call(cx, scope, thisObj, counted);
            };
            default -> (cx, thisObj, args) -> original.call(cx, scope, thisObj, args);
        });
    }

    private Function lengthChecked(String name, Function original) {
        return guard(name, original, (cx, thisObj, args) -> {
            checkLength(name, lengthOf(thisObj));
            return original.call(cx, scope, thisObj, args);
        });
    }

    /**
     * An Array.prototype method: checks the length of the array it is called on, runs {@code call}, then charges one
     * instruction per element of that array and of the array (or character of the string) it returned.
     */
    private Function charged(String name, Function original, Body call) {
        return guard(name, original, (cx, thisObj, args) -> {
            long length = lengthOf(thisObj);
            checkLength(name, length);
            Object result = call.call(cx, thisObj, args);
            charge(cx, length + sizeOf(result));
            return result;
        });
    }

    /** Function.prototype.apply and the like, which spread an array-like into arguments: checked and charged on it. */
    private Function argumentListChecked(String name, Function original, int listIndex) {
        return guard(name, original, (cx, thisObj, args) -> {
            long length = lengthOf(arg(args, listIndex));
            checkLength(name, length);
            charge(cx, length);
            return original.call(cx, scope, thisObj, args);
        });
    }

    /** The longest result a String.prototype method could give, for those whose result can outgrow their string. */
    private static ResultBound resultBound(String name) {
        return switch (name) {
            case "repeat" -> (text, args) -> (double) text.length() * ScriptRuntime.toInteger(arg(args, 0));
            case "padStart", "padEnd" -> (text, args) -> ScriptRuntime.toInteger(arg(args, 0));
            case "concat" -> (text, args) -> text.length() + totalLength(args);
            case "replace", "replaceAll" -> (text, args) -> replacementBound(text, arg(args, 1));
            default -> (text, args) -> 0;
        };
    }

    /**
     * A String.prototype method whose result length is bounded by {@code bound} before it runs, charged one
     * instruction per character of its string and of the string (or element of the array) it returned. This and,
     * when {@code stringArguments}, the arguments are converted to strings once here, so a script's toString runs once.
     */
    private Function stringMethod(String name, Function original, boolean stringArguments, ResultBound bound) {
        return guard(name, original, (cx, thisObj, args) -> {
            String text = ScriptRuntime.toString(thisObj);
            Object[] converted = stringArguments ? stringsOf(args) : args;
            checkStringLength(name, bound.of(text, converted));
            Object result = original.call(cx, scope, ScriptRuntime.toObject(cx, scope, text), converted);
            charge(cx, text.length() + sizeOf(result));
            return result;
        });
    }

    /** Array.prototype.join with the output length checked as it grows; a cyclic array joins to "" as in Rhino. */
    private Object join(Context cx, Scriptable thisObj, Object separator, String name) {
        long length = lengthOf(thisObj);
        SandboxContext sandbox = (SandboxContext) cx;
        if (!sandbox.joining.add(thisObj)) {
            return "";
        }
        try {
            String glue = separator == null || Undefined.isUndefined(separator) ? "," : ScriptRuntime.toString(separator);
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < length; i++) {
                if (i > 0) {
                    append(joined, glue, name);
                }
                Object element = ScriptableObject.getProperty(thisObj, i);
                if (element != Scriptable.NOT_FOUND && element != null && !Undefined.isUndefined(element)) {
                    append(joined, ScriptRuntime.toString(element), name);
                }
            }
            return joined.toString();
        } finally {
            sandbox.joining.remove(thisObj);
        }
    }

    private void append(StringBuilder joined, String part, String name) {
        checkStringLength(name, (double) joined.length() + part.length());
        joined.append(part);
    }

    /** Counts what flat(depth) would produce, without recursion (arrays may nest deeply or contain themselves). */
    private void checkFlattened(String name, Scriptable array, double depth) {
        ArrayDeque<Object[]> pending = new ArrayDeque<>();
        pending.push(new Object[] {array, depth});
        long work = 0;
        while (!pending.isEmpty()) {
            Object[] next = pending.pop();
            Scriptable current = (Scriptable) next[0];
            double level = (Double) next[1];
            long length = lengthOf(current);
            work += 1 + length;
            checkLength(name, work);
            for (int i = 0; i < length; i++) {
                Object element = ScriptableObject.getProperty(current, i);
                if (level >= 1 && ScriptRuntime.isArrayObject(element)) {
                    pending.push(new Object[] {element, level - 1});
                }
            }
        }
    }

    /**
     * The longest result a replace could give: every position of the text may match, and each match inserts the
     * replacement, where each {@code $} pattern ({@code $&}, {@code $`}, {@code $'}) may insert up to the whole text.
     */
    private static double replacementBound(String text, Object replacement) {
        if (replacement instanceof Callable) {
            return 0; // the callback's work is script code, counted by the instruction observer
        }
        String pattern = ScriptRuntime.toString(replacement);
        long dollars = pattern.chars().filter(c -> c == '$').count();
        return text.length() + (text.length() + 1.0) * (pattern.length() + dollars * (double) text.length());
    }

    /** A function that looks like the original to scripts (same name and length) and runs {@code body} instead. */
    private Function guard(String name, Function original, Body body) {
        return new LambdaFunction(scope, ScriptRuntime.toString(ScriptableObject.getProperty(original, "name")),
                lengthProperty(original), (SerializableCallable) (cx, callScope, thisObj, args) -> body.call(cx, thisObj, args));
    }

    private void replace(ScriptableObject holder, String name, UnaryOperator<Function> wrapping) {
        holder.put(name, holder, wrapping.apply((Function) holder.get(name, holder)));
    }

    private void checkLength(String name, double length) {
        if (length > maxArrayLength) {
            throw new SandboxLimitExceeded(ScriptError.Kind.MEMORY_LIMIT, name + " on " + (long) length
                    + " elements: agent scripts may use arrays of at most " + maxArrayLength + " elements");
        }
    }

    private void checkStringLength(String name, double length) {
        if (length > maxStringLength) {
            throw new SandboxLimitExceeded(ScriptError.Kind.MEMORY_LIMIT, name + " would build a string of "
                    + (long) length + " characters: agent scripts may build strings of at most " + maxStringLength);
        }
    }

    /** Charges the scan for work done in Java, where Rhino counts no instruction. */
    private static void charge(Context cx, long work) {
        ((SandboxContext) cx).charge(work);
    }

    /** Elements or characters of a built-in's result; other results count 0 (reading their length may run script code). */
    private static long sizeOf(Object result) {
        return result instanceof NativeArray array ? array.getLength() : result instanceof CharSequence text ? text.length() : 0;
    }

    private static long lengthOf(Object value) {
        if (value instanceof NativeArray array) {
            return array.getLength();
        }
        if (value instanceof CharSequence text) {
            return text.length();
        }
        if (value instanceof Scriptable object) {
            Object length = ScriptableObject.getProperty(object, "length");
            return length == Scriptable.NOT_FOUND ? 0 : ScriptRuntime.toLength(length);
        }
        return 0;
    }

    /** The elements of an array-like whose length has been checked. */
    private static Object[] elements(Scriptable arrayLike) {
        Object[] elements = new Object[(int) lengthOf(arrayLike)];
        for (int i = 0; i < elements.length; i++) {
            elements[i] = ScriptableObject.getProperty(arrayLike, i);
        }
        return elements;
    }

    private static Object[] stringsOf(Object[] args) {
        Object[] strings = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = ScriptRuntime.toString(args[i]);
        }
        return strings;
    }

    private static double totalLength(Object[] values) {
        double total = 0;
        for (Object value : values) {
            total += value instanceof CharSequence text ? text.length()
                    : value == null || Undefined.isUndefined(value) || value == Scriptable.NOT_FOUND ? 0
                    : ScriptRuntime.toString(value).length();
        }
        return total;
    }

    private static int lengthProperty(Function function) {
        Object length = ScriptableObject.getProperty(function, "length");
        return length instanceof Number number ? number.intValue() : 0;
    }

    private static Object arg(Object[] args, int index) {
        return index < args.length ? args[index] : Undefined.instance;
    }

    @FunctionalInterface
    private interface Body {
        Object call(Context cx, Scriptable thisObj, Object[] args);
    }

    @FunctionalInterface
    private interface ResultBound {
        double of(String text, Object[] args);
    }
}
