package dev.letterbox.reliability;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/**
 * The files this JVM holds open, read from {@code /proc/self/fd} (Linux only): the targets of the descriptors that
 * point at a Letterbox temporary file or at a deleted file.
 */
final class OpenFiles {
    private static final Path FD = Path.of("/proc/self/fd");

    private OpenFiles() {
    }

    /** Skips the calling test where descriptors cannot be listed. */
    static void assumeListable() {
        Assumptions.assumeTrue(Files.isDirectory(FD),
                "open descriptors are counted through /proc/self/fd, which this system (" + System.getProperty("os.name")
                        + ") does not have");
    }

    /** @return the target of every descriptor naming a letterbox temporary file or a deleted file */
    static Set<String> captureOrDeleted() {
        Set<String> targets = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(FD)) {
            for (Path fd : fds) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    continue; // closed since the listing (such as the listing's own descriptor)
                }
                if (target.contains("letterbox-") || target.endsWith(" (deleted)")) {
                    targets.add(target);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + FD, e);
        }
        return targets;
    }
}
