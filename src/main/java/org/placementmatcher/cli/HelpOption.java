package org.placementmatcher.cli;

import picocli.CommandLine.Option;

/** {@code -h}/{@code --help} for every command (mixed in: picocli's own help command has its own). */
final class HelpOption {

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "show this help and exit")
    boolean help;
}
