package com.papertrader.infrastructure.scripting;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;

/** Makes {@link SandboxContext}s and routes Rhino's instruction reports to their budgets. */
final class SandboxContextFactory extends ContextFactory {

    private final SandboxLimits limits;

    SandboxContextFactory(SandboxLimits limits) {
        this.limits = limits;
    }

    SandboxContext newContext() {
        return (SandboxContext) makeContext();
    }

    @Override
    protected Context makeContext() {
        return new SandboxContext(this, limits);
    }

    @Override
    protected boolean hasFeature(Context cx, int featureIndex) {
        return switch (featureIndex) {
            // no Java access, no XML, and __proto__ only through Object.prototype's setter, which SharedLibrary guards
            case Context.FEATURE_ENHANCED_JAVA_ACCESS, Context.FEATURE_E4X, Context.FEATURE_PARENT_PROTO_PROPERTIES -> false;
            case Context.FEATURE_LOCATION_INFORMATION_IN_ERROR -> true;
            default -> super.hasFeature(cx, featureIndex);
        };
    }

    @Override
    protected void observeInstructionCount(Context cx, int instructionCount) {
        ((SandboxContext) cx).observe(instructionCount);
    }
}
