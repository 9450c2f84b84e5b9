package org.placementmatcher.rest;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.contract.TextRules;

/**
 * Typed query parameters, one convention for every resource. Whole numbers are declared {@code Integer},
 * {@code int}, {@code Long} or {@code long} (so the OpenAPI document shows integers) and checked against the
 * range their OpenAPI {@link Parameter} schema states, so the document and the check cannot drift apart; a
 * range known only at run time (e.g. a configured cap) is checked with {@link #inRange}. Enums are written by
 * their lower-case names. A bad value is a 400 naming the parameter (JAX-RS alone would answer 404); an empty
 * value counts as absent.
 */
@Provider
public class QueryParams implements ParamConverterProvider {

    /** The value, or the default when absent; outside [min, max] it is a 400 naming the parameter. */
    public static int inRange(String name, Integer value, int min, int max, int byDefault) {
        if (value == null) {
            return byDefault;
        }
        if (value < min || value > max) {
            throw new InvalidProblemException(List.of(new ProblemError(name, range(min, max) + ", got " + value)));
        }
        return value;
    }

    /** An ISO date parameter, or null when absent; anything else is a 400 naming the parameter. */
    public static java.time.LocalDate isoDate(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidProblemException(
                    List.of(new ProblemError(name, "must be an ISO date (YYYY-MM-DD), got " + TextRules.quote(value))));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        QueryParam query = find(annotations, QueryParam.class);
        if (query == null) {
            return null;
        }
        DefaultValue byDefault = find(annotations, DefaultValue.class);
        String fallback = byDefault == null ? null : byDefault.value();
        if (rawType == Integer.class || rawType == int.class || rawType == Long.class || rawType == long.class) {
            boolean isInt = rawType == Integer.class || rawType == int.class;
            Parameter doc = find(annotations, Parameter.class);
            String min = doc == null ? "" : doc.schema().minimum().trim();
            String max = doc == null ? "" : doc.schema().maximum().trim();
            // A bound the schema leaves open is the type's own: a value past it is refused naming it.
            long lowest = min.isEmpty() ? (isInt ? Integer.MIN_VALUE : Long.MIN_VALUE) : Long.parseLong(min);
            long highest = max.isEmpty() ? (isInt ? Integer.MAX_VALUE : Long.MAX_VALUE) : Long.parseLong(max);
            return (ParamConverter<T>)
                    new WholeNumber(query.value(), lowest, highest, range(lowest, highest), isInt, fallback);
        }
        if (rawType.isEnum()) {
            return (ParamConverter<T>) new Named<>(query.value(), List.of(rawType.getEnumConstants()), fallback);
        }
        return null;
    }

    /** What a value must be, in words. */
    private static String range(long min, long max) {
        return "must be a whole number from " + min + " to " + max;
    }

    /** A refused value: the 400 answer is built here, as a WebApplicationException passes through JAX-RS unchanged. */
    private static BadRequestException refused(String name, String message) {
        return new BadRequestException(ErrorMappers.json(400, ApiErrors.of(name, message)));
    }

    private static <A extends Annotation> A find(Annotation[] annotations, Class<A> type) {
        return annotations == null
                ? null
                : Arrays.stream(annotations)
                        .filter(type::isInstance)
                        .map(type::cast)
                        .findFirst()
                        .orElse(null);
    }

    private record WholeNumber(String name, long min, long max, String expected, boolean isInt, String fallback)
            implements ParamConverter<Number> {
        @Override
        public Number fromString(String value) {
            String text = value == null || value.isBlank() ? fallback : value.trim();
            if (text == null) {
                return null;
            }
            try {
                long parsed = Long.parseLong(text);
                if (parsed >= min && parsed <= max) {
                    // Not a conditional expression: it would widen the Integer to a Long.
                    if (isInt) {
                        return (int) parsed;
                    }
                    return parsed;
                }
                throw refused(name, expected + ", got " + parsed);
            } catch (NumberFormatException e) {
                throw refused(name, expected + ", got " + TextRules.quote(text));
            }
        }

        @Override
        public String toString(Number value) {
            return value == null ? null : value.toString();
        }
    }

    private record Named<E>(String name, List<E> constants, String fallback) implements ParamConverter<E> {
        @Override
        public E fromString(String value) {
            String text = value == null || value.isBlank() ? fallback : value.trim();
            if (text == null) {
                return null;
            }
            for (E constant : constants) {
                if (toString(constant).equals(text)) {
                    return constant;
                }
            }
            throw refused(
                    name,
                    "must be one of "
                            + String.join(
                                    ", ", constants.stream().map(this::toString).toList()) + ", got "
                            + TextRules.quote(text));
        }

        @Override
        public String toString(E value) {
            return value == null ? null : ((Enum<?>) value).name().toLowerCase(Locale.ROOT);
        }
    }
}
