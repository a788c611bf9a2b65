package com.papertrader.interfaces.web;

import ognl.enhance.ExpressionCompiler;

/**
 * Thymeleaf's expression language (OGNL) asks for the public interface of the object behind every property read in a
 * template, and works it out by walking the class's interfaces each time: the most expensive step of rendering a
 * long table (a profile under load had it on top). The answer depends on the class alone, so it is kept per class.
 */
final class CachingExpressionCompiler extends ExpressionCompiler {

    private final ClassValue<Class<?>> interfaces = new ClassValue<>() {
        @Override
        protected Class<?> computeValue(Class<?> type) {
            return CachingExpressionCompiler.super.getInterfaceClass(type);
        }
    };

    @Override
    @SuppressWarnings("rawtypes")
    public Class getInterfaceClass(Class type) {
        return interfaces.get(type);
    }
}
