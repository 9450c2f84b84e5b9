package org.placementmatcher.data.postcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostcodeDirectoryProducerTest {

    @Test
    void aConfiguredFileIsTheDirectoryEveryInputIsResolvedWith(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(
                dir.resolve("onspd.csv"), "pcd,laua,oseast1m,osnrth1m\nZE1 0AA,S12000027,447700,1141200\n");
        PostcodeDirectoryProducer producer = new PostcodeDirectoryProducer();
        producer.file = Optional.of(file);
        try {
            producer.onStart(null);

            assertThat(producer.directory().resolve("ze10aa")).isPresent();
            assertThat(ServicePostcodes.directory().resolve("CB1 1AA")).isEmpty();
        } finally {
            ServicePostcodes.use(PostcodeDirectory.shipped());
        }
        assertThat(ServicePostcodes.directory().resolve("CB1 1AA")).isPresent();
    }
}
