package org.placementmatcher.data.postcode;

/**
 * The postcode directory every input is resolved with: the shipped extract unless the service was configured
 * with another file ({@code placement.postcodes.file}, set at start-up by {@link PostcodeDirectoryProducer}).
 * Held here, once for the process, because the contract's readers are static and called from everywhere.
 */
public final class ServicePostcodes {

    private static volatile PostcodeDirectory directory;

    private ServicePostcodes() {}

    public static PostcodeDirectory directory() {
        PostcodeDirectory current = directory;
        if (current == null) {
            synchronized (ServicePostcodes.class) {
                if (directory == null) {
                    directory = PostcodeDirectory.shipped();
                }
                current = directory;
            }
        }
        return current;
    }

    /** Uses this directory from now on (the service's configured file; tests). */
    public static void use(PostcodeDirectory configured) {
        directory = configured;
    }
}
