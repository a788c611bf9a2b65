package com.papertrader.interfaces.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import ognl.ObjectPropertyAccessor;
import ognl.OgnlException;

/**
 * Reads a record's component in a template ({@code ${status.feed}}) through its accessor, found once per record class.
 * OGNL (Thymeleaf's expression language) knows only JavaBean getters: for a record it searched every public method of
 * the class, lower-casing each name, on every read — the top of a profile of the Overview, which reads twenty of them.
 * Anything that is not a component (a method, a getter) is left to OGNL as before.
 */
final class RecordPropertyAccessor extends ObjectPropertyAccessor {

    private final ClassValue<Map<String, Method>> components = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            RecordComponent[] all = type.getRecordComponents();
            // A record declared inside a class (a view's row) is not public itself; its components are meant to be read.
            return all == null ? Map.of() : Arrays.stream(all).map(RecordComponent::getAccessor).filter(Method::trySetAccessible)
                    .collect(Collectors.toUnmodifiableMap(Method::getName, accessor -> accessor));
        }
    };

    @Override
    @SuppressWarnings("rawtypes")
    public Object getPossibleProperty(Map context, Object target, String name) throws OgnlException {
        Method accessor = components.get(target.getClass()).get(name);
        if (accessor == null) {
            return super.getPossibleProperty(context, target, name);
        }
        try {
            return accessor.invoke(target);
        } catch (IllegalAccessException e) {
            throw new OgnlException(name, e);
        } catch (InvocationTargetException e) {
            throw new OgnlException(name, e.getCause());
        }
    }
}
