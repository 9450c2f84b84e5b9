package org.placementmatcher.data.postcode;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's postcode directory: the file named by {@code placement.postcodes.file} (e.g. the full ONSPD),
 * else the extract shipped with the project. Loaded once, on first use.
 */
@Singleton
public class PostcodeDirectoryProducer {

    @Produces
    @Singleton
    PostcodeDirectory directory(@ConfigProperty(name = "placement.postcodes.file") Optional<Path> file) {
        return file.map(PostcodeDirectory::of).orElseGet(PostcodeDirectory::shipped);
    }
}
