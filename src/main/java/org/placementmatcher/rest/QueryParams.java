package org.placementmatcher.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.ProblemError;
import org.placementmatcher.contract.TextRules;

/**
 * Typed query parameters, one convention for every resource: declare them {@code Integer}
 * (so the OpenAPI document shows integers) and check the range with {@link #inRange}. A value that is not
 * a whole number is a 400 naming the parameter (JAX-RS would answer 404), an empty one counts as absent.
 */
@Provider
public class QueryParams implements ParamConverterProvider {

    /** The value, or the default when absent; outside [min, max] it is a 400 naming the parameter. */
    public static int inRange(String name, Integer value, int min, int max, int byDefault) {
        if (value == null) {
            return byDefault;
        }
        if (value < min || value > max) {
            throw new InvalidProblemException(List.of(new ProblemError(name,
                    "must be a whole number from " + min + " to " + max + ", got " + value)));
        }
        return value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = queryParamName(annotations);
        if (name == null || rawType != Integer.class) {
            return null;
        }
        return (ParamConverter<T>) new ParamConverter<Integer>() {
            @Override
            public Integer fromString(String text) {
                if (text == null || text.isBlank()) {
                    return null;
                }
                try {
                    return Integer.valueOf(text.trim());
                } catch (NumberFormatException e) {
                    // A WebApplicationException passes through JAX-RS unchanged; any other would become a 404.
                    throw new BadRequestException(ErrorMappers.json(400, ApiErrors.of(name,
                            "must be a whole number, got " + TextRules.quote(text))));
                }
            }

            @Override
            public String toString(Integer value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static String queryParamName(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam query) {
                    return query.value();
                }
            }
        }
        return null;
    }
}
