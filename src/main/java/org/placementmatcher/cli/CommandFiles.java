package org.placementmatcher.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.placementmatcher.contract.InvalidProblemException;
import org.placementmatcher.contract.ProblemError;

/**
 * The commands' files: input read as UTF-8, with plain messages when it cannot be; output written through
 * a temporary file in the same folder, so a failed command never leaves a partial file.
 */
final class CommandFiles {

    private CommandFiles() {}

    /** The file's text; text that is not UTF-8 is invalid input, as the contract's JSON is UTF-8. */
    static String read(Path input) throws IOException {
        try {
            return Files.readString(input, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new InvalidProblemException(List.of(new ProblemError("$", "the input is not UTF-8 text")));
        } catch (NoSuchFileException e) {
            throw new IOException("input file not found: " + input);
        } catch (IOException e) {
            throw new IOException("cannot read input file " + input + ": " + reason(e));
        }
    }

    static void writeAtomically(Path file, String text) throws IOException {
        try {
            Path tmp = temporarySibling(file);
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + reason(e));
        }
    }

    /** The file system's own reason, without the paths it repeats (and without a Java class name). */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fileSystem) {
            return fileSystem.getReason() != null ? fileSystem.getReason() : "failed at " + fileSystem.getFile();
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage();
    }

    /** A temporary file beside the target (same file system, so the final move is atomic), with ordinary permissions. */
    private static Path temporarySibling(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        return dir.resolve(
                "." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    }
}
