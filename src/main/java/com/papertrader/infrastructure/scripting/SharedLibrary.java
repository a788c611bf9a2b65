package com.papertrader.infrastructure.scripting;

import com.papertrader.domain.agent.ScriptError;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Function;
import org.mozilla.javascript.LambdaConstructor;
import org.mozilla.javascript.LambdaFunction;
import org.mozilla.javascript.NativeArray;
import org.mozilla.javascript.NativeObject;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.SerializableCallable;
import org.mozilla.javascript.SerializableConstructable;

/**
 * The JavaScript standard library every agent's scope inherits from, built once per runtime and then sealed:
 * a script that assigns to {@code Object.prototype}, {@code Math.floor} or an iterator prototype gets an error
 * instead of changing what other agents see. Built from Rhino's "safe" standard objects (no Java access) minus
 * what agents must not have: Rhino's internal With and Call objects, eval and the Function constructor (no code
 * built at run time), Promise (no job queue), BigInt, typed arrays and ArrayBuffer (allocation outside any budget),
 * JSON.stringify and toSource (output that can grow without bound from a small object graph), Symbol.for (a registry
 * shared by all agents), and Rhino's non-standard static generics such as {@code Array.join} (they would bypass
 * {@link GrowthGuards}).
 * Also holds the prototypes of the host objects {@code bars} and {@code ctx}.
 */
final class SharedLibrary {

    private static final List<String> REMOVED_GLOBALS = List.of("uneval", "Script", "Continuation", "Promise", "BigInt",
            "ArrayBuffer", "SharedArrayBuffer", "DataView", "Atomics", "Int8Array", "Uint8Array", "Uint8ClampedArray",
            "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float32Array", "Float64Array", "BigInt64Array",
            "BigUint64Array", "WeakRef", "FinalizationRegistry", "With", "Call");
    /** Names a script may try for Java or code loading; reading them ends the scan with a clear SANDBOX error. */
    private static final List<String> FORBIDDEN_GLOBALS = List.of("java", "javax", "Packages", "getClass", "JavaAdapter",
            "JavaImporter", "importPackage", "importClass", "eval");
    private static final Set<String> ARRAY_STATICS = Set.of("length", "name", "arity", "arguments", "prototype", "of",
            "from", "isArray");
    private static final Set<String> STRING_STATICS = Set.of("length", "name", "arity", "arguments", "prototype",
            "fromCharCode", "fromCodePoint", "raw");

    /**
     * Lists every object reachable from the roots through own properties (string and symbol keys, getters and setters)
     * and prototypes, including intrinsics only reachable from instances (iterator and generator prototypes).
     */
    private static final String REACHABLE_OBJECTS = """
            function reachable(roots) {
              var samples = [[].values(), new Map().entries(), new Set().values(), ''[Symbol.iterator](),
                             'a'.matchAll(/a/g), function* () {}, (function* () {})(), /a/, new Error(''),
                             (function () { return arguments; })()];
              var pending = roots.concat(samples), seen = new Set(), found = [];
              while (pending.length > 0) {
                var object = pending.pop();
                if (object === null || (typeof object !== 'object' && typeof object !== 'function') || seen.has(object)) {
                  continue;
                }
                seen.add(object);
                found.push(object);
                pending.push(Object.getPrototypeOf(object));
                Reflect.ownKeys(object).forEach(function (key) {
                  var property = Object.getOwnPropertyDescriptor(object, key);
                  if (property) {
                    // object[key], not property.value: reading it loads a lazily created value
                    pending.push('value' in property ? object[key] : undefined, property.get, property.set);
                  }
                });
              }
              return found;
            }
            """;

    private final ScriptableObject scope;
    private final NativeObject barsPrototype;
    private final NativeObject contextPrototype;

    private SharedLibrary(ScriptableObject scope, NativeObject barsPrototype, NativeObject contextPrototype) {
        this.scope = scope;
        this.barsPrototype = barsPrototype;
        this.contextPrototype = contextPrototype;
    }

    /** Builds and seals the library, with the array and string limits of {@code limits}. */
    static SharedLibrary build(SandboxLimits limits) {
        // the building itself runs a little script; it gets its own generous budget
        SandboxLimits building = limits.withInstructionBudget(Long.MAX_VALUE).withTimeBudget(Duration.ofMinutes(1))
                .withAllocationBudget(Long.MAX_VALUE);
        SandboxContext cx = new SandboxContextFactory(building).newContext();
        cx.getFactory().enterContext(cx);
        try {
            cx.startMetering();
            return build(cx);
        } finally {
            Context.exit();
        }
    }

    private static SharedLibrary build(SandboxContext cx) {
        ScriptableObject scope = cx.initSafeStandardObjects(null, false);
        REMOVED_GLOBALS.forEach(scope::delete);
        for (Object id : scope.getAllIds()) {
            scope.get((String) id, scope); // loads the lazily created constructors, so they are sealed too
        }
        for (String name : FORBIDDEN_GLOBALS) {
            scope.delete(name);
            scope.defineProperty(cx, name, self -> {
                throw new SandboxLimitExceeded(ScriptError.Kind.SANDBOX, "'" + name
                        + "' is not available: agent scripts cannot use Java classes or load code");
            }, ScriptableObject.DONTENUM);
        }
        keepOnly((ScriptableObject) scope.get("Array", scope), ARRAY_STATICS);
        keepOnly((ScriptableObject) scope.get("String", scope), STRING_STATICS);
        ((ScriptableObject) scope.get("JSON", scope)).delete("stringify");
        ((ScriptableObject) scope.get("Symbol", scope)).delete("for");
        ((ScriptableObject) scope.get("Symbol", scope)).delete("keyFor");
        disableFunctionConstructor(scope);
        protectProtoSetter(cx, scope);
        protectSealedObjects(scope);
        GrowthGuards.install(scope, cx.limits());
        NativeObject barsPrototype = BarsObject.prototype(scope);
        NativeObject contextPrototype = ScanContextObject.prototype(scope);

        Function reachable = cx.compileFunction(scope, REACHABLE_OBJECTS, "shared-library", 1, null);
        Object found = reachable.call(cx, scope, scope,
                new Object[] {cx.newArray(scope, new Object[] {scope, barsPrototype, contextPrototype})});
        for (Object object : ((NativeArray) found).toArray()) {
            if (object instanceof ScriptableObject reached) {
                reached.delete("toSource");
                reached.sealObject();
            }
        }
        return new SharedLibrary(scope, barsPrototype, contextPrototype);
    }

    ScriptableObject scope() {
        return scope;
    }

    NativeObject barsPrototype() {
        return barsPrototype;
    }

    NativeObject contextPrototype() {
        return contextPrototype;
    }

    private static void keepOnly(ScriptableObject object, Set<String> kept) {
        for (Object id : object.getAllIds()) {
            if (id instanceof String name && !kept.contains(name)) {
                object.delete(name);
            }
        }
    }

    /**
     * Replaces the Function constructor, which compiles code at run time (and in compiled mode defines a Java class
     * per call), by one that refuses; {@code f instanceof Function} keeps working.
     */
    private static void disableFunctionConstructor(ScriptableObject scope) {
        ScriptableObject functionPrototype = (ScriptableObject) ScriptableObject.getFunctionPrototype(scope);
        SerializableCallable refuse = (cx, callScope, thisObj, args) -> {
            throw refusal();
        };
        SerializableConstructable refuseNew = (cx, callScope, args) -> {
            throw refusal();
        };
        LambdaConstructor disabled = new LambdaConstructor(scope, "Function", 1, refuse, refuseNew);
        disabled.setImmunePrototypeProperty(functionPrototype);
        functionPrototype.put("constructor", functionPrototype, disabled);
        scope.defineProperty("Function", disabled, ScriptableObject.DONTENUM);
    }

    /**
     * Rhino's seal stops assignment and delete, but not Object.defineProperty and its relatives: those refuse
     * sealed objects here, so a script cannot redefine the shared library (or bars, ctx and params) through them.
     */
    private static void protectSealedObjects(ScriptableObject scope) {
        ScriptableObject object = (ScriptableObject) scope.get("Object", scope);
        for (String name : List.of("defineProperty", "defineProperties", "setPrototypeOf", "preventExtensions", "freeze", "seal")) {
            refuseSealedTarget(scope, object, "Object." + name, name, 0);
        }
        ScriptableObject reflect = (ScriptableObject) scope.get("Reflect", scope);
        for (String name : List.of("defineProperty", "setPrototypeOf", "preventExtensions")) {
            refuseSealedTarget(scope, reflect, "Reflect." + name, name, 0);
        }
        ScriptableObject objectPrototype = (ScriptableObject) ScriptableObject.getObjectPrototype(scope);
        for (String name : List.of("__defineGetter__", "__defineSetter__")) {
            refuseSealedTarget(scope, objectPrototype, "Object.prototype." + name, name, -1);
        }
    }

    /** Wraps holder[name] so that it refuses when its target (argument {@code targetIndex}, or -1 for this) is sealed. */
    private static void refuseSealedTarget(ScriptableObject scope, ScriptableObject holder, String qualified, String name,
                                           int targetIndex) {
        holder.put(name, holder, sealedTargetRefused(scope, (Function) holder.get(name, holder), qualified, targetIndex));
    }

    private static Function sealedTargetRefused(ScriptableObject scope, Function original, String qualified, int targetIndex) {
        int length = ((Number) ScriptableObject.getProperty(original, "length")).intValue();
        return new LambdaFunction(scope, qualified.substring(qualified.lastIndexOf('.') + 1), length,
                (SerializableCallable) (cx, callScope, thisObj, args) -> {
                    Object target = targetIndex < 0 ? thisObj : targetIndex < args.length ? args[targetIndex] : null;
                    if (target instanceof ScriptableObject object && object.isSealed()) {
                        throw new SandboxLimitExceeded(ScriptError.Kind.SANDBOX, qualified
                                + " cannot change a sealed object: the standard library, bars, ctx and ctx.params are read-only");
                    }
                    return original.call(cx, callScope, thisObj, args);
                });
    }

    /** {@code x.__proto__ = y} goes through this setter (the factory turns Rhino's special __proto__ reference off). */
    private static void protectProtoSetter(Context cx, ScriptableObject scope) {
        ScriptableObject object = (ScriptableObject) scope.get("Object", scope);
        Scriptable objectPrototype = ScriptableObject.getObjectPrototype(scope);
        Scriptable property = (Scriptable) ScriptableObject.callMethod(cx, object, "getOwnPropertyDescriptor",
                new Object[] {objectPrototype, "__proto__"});
        Scriptable guarded = cx.newObject(scope);
        guarded.put("get", guarded, property.get("get", property));
        guarded.put("set", guarded, sealedTargetRefused(scope, (Function) property.get("set", property),
                "Object.prototype.__proto__", -1));
        guarded.put("configurable", guarded, Boolean.TRUE);
        ScriptableObject.callMethod(cx, object, "defineProperty", new Object[] {objectPrototype, "__proto__", guarded});
    }

    private static SandboxLimitExceeded refusal() {
        return new SandboxLimitExceeded(ScriptError.Kind.SANDBOX,
                "the Function constructor is not available: agent scripts cannot compile code at run time");
    }
}
