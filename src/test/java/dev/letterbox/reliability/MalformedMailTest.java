package dev.letterbox.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.SmtpServer;
import dev.letterbox.testing.Smtp;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every accessor of a captured message and of its parts, on every message of the {@link MalformedMail} corpus, held
 * on the heap and in a temporary file: none throws an exception its javadoc does not document, and the heap a held
 * message keeps once everything was read stays within a bounded multiple of its size (measured after a GC).
 */
class MalformedMailTest {
    /**
     * The bound on the heap a held message keeps after everything was read, as a multiple of its size plus a base:
     * the view keeps a node, its headers and its attachment object per part, and the bodies read as text. Measured:
     * at most 1.0x for the large single-part cases, 7x for 1000 nested attached messages, 20x for 10,000 parts of
     * 55 octets each (about 1 KB of objects per part); the base covers what the first parse of a JVM loads.
     */
    private static final long RETAINED_PER_OCTET = 32;
    private static final long RETAINED_BASE = 4L << 20;
    private static BothStorages servers;

    @TempDir
    Path scratch;

    @BeforeAll
    static void start() {
        servers = new BothStorages();
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    static Stream<Arguments> corpus() {
        return MalformedMail.all().stream()
                .flatMap(c -> Stream.of(Arguments.of(c, "heap"), Arguments.of(c, "file")));
    }

    @ParameterizedTest(name = "{0} on the {1}")
    @MethodSource("corpus")
    void everyAccessorReadsMalformedMailWithoutUndocumentedExceptions(MalformedMail.Case c, String where) {
        SmtpServer server = servers.server(where.equals("file"));
        ReceivedMessage m = Smtp.deliver(server, "a@example.com", List.of("b@example.com"), c.octets());
        assertThat(m.raw()).isEqualTo(c.octets());

        long before = heapUsed();
        List<String> violations = EveryAccessor.violationsOf(m, scratch);
        long retained = heapUsed() - before;

        assertThat(violations).as("accessors that threw undocumented exceptions").isEmpty();
        assertThat(retained)
                .as("heap retained by the parsed and read message of %d octets", c.octets().length)
                .isLessThanOrEqualTo(RETAINED_PER_OCTET * c.octets().length + RETAINED_BASE);
        server.mailbox().clear();
    }

    private static long heapUsed() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
