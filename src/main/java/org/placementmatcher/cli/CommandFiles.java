package org.placementmatcher.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The commands' files: input read as UTF-8 with a plain message when missing; output written through a
 * temporary file in the same folder, so a failed command never leaves a partial file.
 */
final class CommandFiles {

    /** Writes the content of a file to the path it is given. */
    @FunctionalInterface
    interface Content {
        void writeTo(Path file) throws IOException;
    }

    private CommandFiles() {
    }

    static String read(Path input) throws IOException {
        try {
            return Files.readString(input, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException("input file not found: " + input);
        }
    }

    static void writeAtomically(Path file, String text) throws IOException {
        writeAtomically(file, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    }

    static void writeAtomically(Path file, Content content) throws IOException {
        Path tmp = temporarySibling(file);
        try {
            content.writeTo(tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A temporary file beside the target (same file system, so the final move is atomic), with ordinary permissions. */
    private static Path temporarySibling(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        return dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    }
}
