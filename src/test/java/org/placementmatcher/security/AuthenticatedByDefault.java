package org.placementmatcher.security;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import java.lang.annotation.Annotation;

/**
 * Every Quarkus test's HTTP calls authenticate as {@code director} (HTTP Basic, sent at once) unless the call
 * says otherwise ({@code given().auth().none()}, or {@link TestAccounts#as(String)}): tests that are not about security need
 * not repeat it. A test class about signing in ({@link SignedOutByDefault}) sends nothing by default. Registered through META-INF/services as a Quarkus test callback, so that it runs in the
 * application's class loader, whose RestAssured the tests use.
 */
public class AuthenticatedByDefault implements QuarkusTestBeforeEachCallback {

    public static final String DEFAULT_USER = TestAccounts.DIRECTOR;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        boolean signedOut = carries(context.getTestInstance().getClass().getAnnotations(), SignedOutByDefault.class);
        RestAssured.authentication = signedOut
                ? RestAssured.DEFAULT_AUTH
                : RestAssured.preemptive().basic(DEFAULT_USER, TestAccounts.PASSWORD);
    }

    /** By name: the callback and the test may see the annotation through different class loaders. */
    private static boolean carries(Annotation[] annotations, Class<? extends Annotation> type) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getName().equals(type.getName())) {
                return true;
            }
        }
        return false;
    }

    /** The Authorization header of the default user, for calls made without RestAssured. */
    public static String basicAuthorization() {
        return "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((DEFAULT_USER + ":" + TestAccounts.PASSWORD)
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
