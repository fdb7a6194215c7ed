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

/**
 * Starting the server and receiving mail must not load jakarta.mail (parsing is lazy, on the test's first ask), nor
 * anything only an option asks for: the first start of a JVM is bound by the classes it loads.
 */
class ClassLoadingTest {
    private static final Pattern LOADED = Pattern.compile("^\\[[^\\]]*\\]\\[info\\]\\[class,load\\] (\\S+) ");

    @Test
    void noJakartaMailClassIsLoadedToStartTheServerReceiveOrPrintAMessage(@TempDir Path dir) throws Exception {
        List<String> lines = runChild(dir, ReceiveWithoutJakartaMain.class);

        assertThat(lines).as("the child's report").anyMatch(l -> l.startsWith("RECEIVED "));
        List<String> loaded = loadedClasses(lines);
        assertThat(loaded).as("classes loaded by the child JVM").contains(
                "dev.letterbox.SmtpServer", "dev.letterbox.ReceivedMessage", "dev.letterbox.Mailbox");
        assertThat(loaded).as("jakarta.mail classes loaded to start the server, receive one message and print it")
                .noneMatch(name -> name.startsWith("jakarta.mail") || name.startsWith("org.eclipse.angus"));
    }

    @Test
    void aPlainStartAndOneDeliveryLoadNoTlsDkimConformanceExecutorOrOptionsBuilderClass(@TempDir Path dir)
            throws Exception {
        List<String> lines = runChild(dir, FirstStartMain.class);

        assertThat(lines).as("the child's report").anyMatch(l -> l.startsWith("RECEIVED "));
        List<String> loaded = loadedClasses(lines);
        assertThat(loaded).as("classes loaded by the child JVM").contains(
                "dev.letterbox.SmtpServer", "dev.letterbox.internal.smtp.SmtpListener", "dev.letterbox.ReceivedMessage");
        assertThat(loaded).as("classes only TLS, DKIM or the conformance checks need, loaded by SmtpServer.start()"
                        + " and one delivery")
                .noneMatch(name -> name.startsWith("javax.net.ssl.") || name.startsWith("sun.security.ssl.")
                        || name.startsWith("dev.letterbox.internal.tls.") || name.startsWith("dev.letterbox.TlsCertificate")
                        || name.startsWith("dev.letterbox.internal.dkim.") || name.startsWith("dev.letterbox.Dkim")
                        || name.startsWith("dev.letterbox.internal.conformance."));
        assertThat(loaded).as("executor classes loaded by SmtpServer.start() and one delivery (session threads are"
                        + " handed over by the listener itself)")
                .noneMatch(name -> name.startsWith("java.util.concurrent.") && (name.contains("Executor")
                        || name.contains("SynchronousQueue") || name.contains("ForkJoin")));
        assertThat(loaded).as("builder classes loaded by SmtpServer.start() and one delivery")
                .doesNotContain("dev.letterbox.ServerOptions$Builder", "dev.letterbox.ServerOptions$AbstractBuilder");
    }

    private static List<String> runChild(Path dir, Class<?> main) throws Exception {
        Path output = dir.resolve("child.log");
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-verbose:class",
                "-cp", System.getProperty("java.class.path"),
                main.getName())
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
        return lines;
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
