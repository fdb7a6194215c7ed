package dev.letterbox.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an SMTP client installed on this machine (curl, swaks, msmtp, python3) as a process: standard input from a
 * file, standard output and error into files (so no pipe can fill up and stall it), a timeout after which the process
 * is killed, and failures that quote its standard error.
 */
final class ClientProcess {
    /** Long enough for a slow shared CI machine; a client that hangs is killed after it. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ClientProcess() {
    }

    /**
     * Skips the calling test when {@code executable} is not on the PATH.
     *
     * @param executable the command, such as {@code swaks}
     * @param debianPackage the Debian package that installs it
     */
    static void assumeInstalled(String executable, String debianPackage) {
        assumeTrue(onPath(executable), () -> executable + " is not installed (not found on the PATH), so this interop"
                + " test is skipped; install it with: apt-get install -y " + debianPackage);
    }

    private static boolean onPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, executable))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs a command with nothing on its standard input.
     *
     * @param command the command and its arguments
     * @return how it ended
     */
    static Outcome run(List<String> command) {
        return run(null, command);
    }

    /**
     * Runs a command, feeding it a file on its standard input.
     *
     * @param stdin the file to read as standard input, or null for none
     * @param command the command and its arguments
     * @return how it ended
     * @throws AssertionError if it has not ended within {@link #TIMEOUT} (it is killed then)
     */
    static Outcome run(Path stdin, List<String> command) {
        return run(TIMEOUT, stdin, command);
    }

    /**
     * Runs a command, feeding it a file on its standard input, killing it after a timeout.
     *
     * @param timeout how long it may run
     * @param stdin the file to read as standard input, or null for none
     * @param command the command and its arguments
     * @return how it ended
     * @throws AssertionError if it has not ended within {@code timeout} (it is killed then)
     */
    static Outcome run(Duration timeout, Path stdin, List<String> command) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("letterbox-interop-", ".out");
            err = Files.createTempFile("letterbox-interop-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new File("/dev/null"))
                            : ProcessBuilder.Redirect.from(stdin.toFile()));
            builder.environment().put("LC_ALL", "C.UTF-8");
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new AssertionError(String.join(" ", command) + " did not end within " + timeout.toMillis()
                        + " ms and was killed; its stderr so far:\n" + read(err)
                        + "\nits stdout so far:\n" + read(out));
            }
            return new Outcome(command, process.exitValue(), read(out), read(err));
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + command, e);
        } finally {
            delete(out);
            delete(err);
        }
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file left behind is harmless
            }
        }
    }

    /**
     * How a client process ended.
     *
     * @param command the command that ran
     * @param exitCode its exit code
     * @param stdout what it wrote to standard output
     * @param stderr what it wrote to standard error
     */
    record Outcome(List<String> command, int exitCode, String stdout, String stderr) {

        /**
         * Checks that the process exited with 0.
         *
         * @return this outcome
         * @throws AssertionError naming the command, its exit code, stderr and stdout otherwise
         */
        Outcome succeeded() {
            if (exitCode != 0) {
                throw new AssertionError("expected " + this + " to succeed");
            }
            return this;
        }

        /**
         * Checks that the process exited with something other than 0.
         *
         * @return this outcome
         * @throws AssertionError naming the command and its output otherwise
         */
        Outcome failed() {
            if (exitCode == 0) {
                throw new AssertionError("expected " + this + " to fail");
            }
            return this;
        }

        @Override
        public String toString() {
            return String.join(" ", command) + " (exit code " + exitCode + ")\n--- stderr:\n" + stderr
                    + "\n--- stdout:\n" + stdout;
        }
    }
}
