package dev.letterbox.internal.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wire-level checks (what strict mode runs at the end of DATA) load no jakarta.mail class. */
class WireChecksWithoutJakartaTest {
    private static final Pattern LOADED = Pattern.compile("^\\[[^\\]]*\\]\\[info\\]\\[class,load\\] (\\S+) ");

    @Test
    void wireChecksFindMimeDefectsWithoutLoadingJakartaMail(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-verbose:class", "-cp", System.getProperty("java.class.path"),
                WireChecksWithoutJakartaMain.class.getName())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean finished = child.waitFor(30, TimeUnit.SECONDS);
        if (!finished) {
            child.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);

        assertThat(finished).as("child JVM finished within 30 s").isTrue();
        assertThat(child.exitValue()).as("exit code of the child JVM").isZero();
        assertThat(lines).as("the child's report").contains("FOUND MALFORMED_ENCODED_WORD MISSING_DATE"
                + " MISSING_MESSAGE_ID MISSING_CHARSET_FOR_8BIT_TEXT BARE_LF BAD_MULTIPART_BOUNDARY");
        List<String> loaded = lines.stream().map(LOADED::matcher).filter(Matcher::find).map(m -> m.group(1)).toList();
        assertThat(loaded).contains("dev.letterbox.internal.conformance.MessageScan");
        assertThat(loaded).as("jakarta.mail classes loaded by the wire-level checks")
                .noneMatch(name -> name.startsWith("jakarta.mail") || name.startsWith("org.eclipse.angus"));
    }
}
