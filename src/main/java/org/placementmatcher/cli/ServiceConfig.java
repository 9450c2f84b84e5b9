package org.placementmatcher.cli;

import io.smallrye.config.DotEnvConfigSourceProvider;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.PropertiesConfigSourceLoader;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;

/**
 * The service's settings read without starting Quarkus, from the sources Quarkus reads them from, in the same
 * order: system properties, environment variables, a {@code .env} file, {@code config/application.properties}
 * in the working directory, and the built-in application.properties (profile prod). Used by commands that must
 * act on the service's own database (add-user) and by {@link Main} before the service starts.
 */
final class ServiceConfig {

    private ServiceConfig() {}

    /** The settings, with {@code overrides} above every other source (tests). */
    static SmallRyeConfig read(Map<String, String> overrides) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .addDefaultSources()
                .addDefaultInterceptors()
                .withSources(new DotEnvConfigSourceProvider().getConfigSources(loader))
                .withSources(PropertiesConfigSourceLoader.inFileSystem("config/application.properties", 260, loader))
                .withSources(PropertiesConfigSourceLoader.inClassPath("application.properties", 250, loader));
        if (!overrides.isEmpty()) {
            builder.withSources(new PropertiesConfigSource(overrides, "command-line test overrides", 500));
        }
        return builder.build();
    }
}
