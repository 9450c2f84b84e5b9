package org.placementmatcher.register;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import org.placementmatcher.contract.ProblemError;

/**
 * Typed query parameters: whole numbers ({@code Integer}, {@code Long}) within the range their OpenAPI
 * {@link Parameter} schema states (so the document and the check cannot drift apart), and enums by their
 * lower-case names. A bad value answers 400 naming the parameter, not the 404 JAX-RS gives by default.
 */
@Provider
public class QueryParameters implements ParamConverterProvider {

    /** A query parameter's value refused; answered as 400 with the parameter's name as the path. */
    public static class BadValue extends BadRequestException {
        private final transient ProblemError error;

        BadValue(String parameter, String message) {
            super(message);
            this.error = new ProblemError(parameter, message);
        }

        public ProblemError error() {
            return error;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        QueryParam query = find(annotations, QueryParam.class);
        if (query == null) {
            return null;
        }
        if (rawType == Integer.class || rawType == int.class || rawType == Long.class || rawType == long.class) {
            Parameter doc = find(annotations, Parameter.class);
            long min = bound(doc == null ? "" : doc.schema().minimum(), Long.MIN_VALUE);
            long max = bound(doc == null ? "" : doc.schema().maximum(), Long.MAX_VALUE);
            boolean isInt = rawType == Integer.class || rawType == int.class;
            return (ParamConverter<T>) new WholeNumber(query.value(), Math.max(min, isInt ? Integer.MIN_VALUE : min),
                    Math.min(max, isInt ? Integer.MAX_VALUE : max), isInt);
        }
        if (rawType.isEnum()) {
            return (ParamConverter<T>) new Named<>(query.value(), List.of(rawType.getEnumConstants()));
        }
        return null;
    }

    private static long bound(String value, long absent) {
        return value == null || value.isBlank() ? absent : Long.parseLong(value.trim());
    }

    private static <A extends Annotation> A find(Annotation[] annotations, Class<A> type) {
        return annotations == null ? null : Arrays.stream(annotations).filter(type::isInstance).map(type::cast)
                .findFirst().orElse(null);
    }

    private record WholeNumber(String name, long min, long max, boolean isInt) implements ParamConverter<Number> {
        @Override
        public Number fromString(String value) {
            try {
                long parsed = Long.parseLong(value.trim());
                if (parsed >= min && parsed <= max) {
                    // Not a conditional expression: it would widen the Integer to a Long.
                    if (isInt) {
                        return (int) parsed;
                    }
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new BadValue(name, "must be a whole number from " + min + " to " + max + ", got '" + value + "'");
        }

        @Override
        public String toString(Number value) {
            return value.toString();
        }
    }

    private record Named<E>(String name, List<E> constants) implements ParamConverter<E> {
        @Override
        public E fromString(String value) {
            for (E constant : constants) {
                if (toString(constant).equals(value.trim())) {
                    return constant;
                }
            }
            throw new BadValue(name, "must be one of " + String.join(", ", constants.stream().map(this::toString).toList())
                    + ", got '" + value + "'");
        }

        @Override
        public String toString(E value) {
            return ((Enum<?>) value).name().toLowerCase(Locale.ROOT);
        }
    }
}
