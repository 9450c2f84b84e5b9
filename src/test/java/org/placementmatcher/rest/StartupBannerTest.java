package org.placementmatcher.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.event.ObservesAsync;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StartupBannerTest {

    @Test
    void aWildcardOrLoopbackHostIsReachedAsLocalhost() {
        assertThat(StartupBanner.baseUrl("0.0.0.0", 8080)).isEqualTo("http://localhost:8080");
        assertThat(StartupBanner.baseUrl("::", 8080)).isEqualTo("http://localhost:8080");
        assertThat(StartupBanner.baseUrl("127.0.0.1", 9000)).isEqualTo("http://localhost:9000");
        assertThat(StartupBanner.baseUrl("placement.internal", 8080)).isEqualTo("http://placement.internal:8080");
        assertThat(StartupBanner.baseUrl("fd00::1", 8080)).isEqualTo("http://[fd00::1]:8080");
    }

    @Test
    void theBannerNamesTheUrlsOfTheBoundServer() {
        assertThat(StartupBanner.banner("http://localhost:8080"))
                .startsWith("Placement Matcher is ready.")
                .contains(
                        "http://localhost:8080/q/swagger-ui",
                        "'http://localhost:8080/api/plans?seconds=10'",
                        "http://localhost:8080/q/health");
    }

    /** "Ready" only once the port is bound: the banner follows the HTTP server's start, not the StartupEvent. */
    @Test
    void theBannerWaitsForTheHttpServerNotTheStartupEvent() {
        Method[] observers = Arrays.stream(StartupBanner.class.getDeclaredMethods())
                .filter(m ->
                        m.getParameterCount() == 1 && m.getParameters()[0].isAnnotationPresent(ObservesAsync.class))
                .toArray(Method[]::new);
        assertThat(observers)
                .singleElement()
                .satisfies(m -> assertThat(m.getParameterTypes()[0]).isEqualTo(HttpServerStart.class));
        assertThat(Arrays.stream(StartupBanner.class.getDeclaredMethods())
                        .flatMap(m -> Arrays.stream(m.getParameterTypes())))
                .doesNotContain(StartupEvent.class);
    }
}
