package dev.letterbox.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting the server and receiving mail must not load jakarta.mail: parsing is lazy, on the test's first ask. */
class ClassLoadingTest {
    private static final Pattern LOADED = Pattern.compile("^\\[[^\\]]*\\]\\[info\\]\\[class,load\\] (\\S+) ");

    @Test
    void noJakartaMailClassIsLoadedToStartTheServerReceiveOrPrintAMessage(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("child.log");
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-verbose:class",
                "-cp", System.getProperty("java.class.path"),
                ReceiveWithoutJakartaMain.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean finished = child.waitFor(30, TimeUnit.SECONDS);
        if (!finished) {
            child.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);

        assertThat(finished).as("child JVM finished within 30 s").isTrue();
        assertThat(child.exitValue()).as("exit code of the child JVM; its output:%n%s", tail(lines)).isZero();
        assertThat(lines).as("the child's report").anyMatch(l -> l.startsWith("RECEIVED "));
        List<String> loaded = loadedClasses(lines);
        assertThat(loaded).as("classes loaded by the child JVM").contains(
                "dev.letterbox.SmtpServer", "dev.letterbox.ReceivedMessage", "dev.letterbox.Mailbox");
        assertThat(loaded).as("jakarta.mail classes loaded to start the server, receive one message and print it")
                .noneMatch(name -> name.startsWith("jakarta.mail") || name.startsWith("org.eclipse.angus"));
    }

    private static List<String> loadedClasses(List<String> lines) {
        return lines.stream().map(LOADED::matcher).filter(Matcher::find).map(m -> m.group(1))
                .collect(Collectors.toList());
    }

    private static String tail(List<String> lines) {
        return lines.subList(Math.max(0, lines.size() - 40), lines.size()).stream()
                .collect(Collectors.joining(System.lineSeparator()));
    }

}
