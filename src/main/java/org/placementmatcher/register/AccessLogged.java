package org.placementmatcher.register;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose successful answers are recorded in the {@link AccessLog} (by
 * {@link AccessLogFilter}, the one place that records): the path's {@code authority}, and its {@code id} as the
 * child or run the kind says. A page that shows several things (a child's record with its audit) names each
 * kind, and each is recorded.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AccessLogged {
    AccessLog.Kind[] value();
}
