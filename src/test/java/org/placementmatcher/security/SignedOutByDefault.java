package org.placementmatcher.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class about signing in itself: its calls carry no credentials unless they say so
 * ({@link TestAccounts#as(String)}), instead of {@link AuthenticatedByDefault}'s {@code director}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SignedOutByDefault {}
