package org.placementmatcher.data.postcode;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's postcode directory: the file named by {@code placement.postcodes.file} (e.g. the full ONSPD),
 * else the extract shipped with the project. A configured file is read at start-up, so a wrong path stops the
 * service at once rather than at the first postcode.
 */
@Singleton
public class PostcodeDirectoryProducer {

    @ConfigProperty(name = "placement.postcodes.file")
    Optional<Path> file;

    void onStart(@Observes StartupEvent start) {
        file.ifPresent(path -> ServicePostcodes.use(PostcodeDirectory.of(path)));
    }

    @Produces
    @Singleton
    PostcodeDirectory directory() {
        return ServicePostcodes.directory();
    }
}
