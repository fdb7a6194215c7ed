package dev.letterbox.bench;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * The benchmark harness: every scenario of issue 8, every contender interleaved iteration by iteration (the order
 * rotates each iteration), each scenario printing median, p10, p90 and the ratio to the floor (a counting sink of
 * our own that stores nothing). Whole-process scenarios launch child JVMs. Exits non-zero if a scenario throws.
 *
 * <p>Arguments: scenario names (or {@code all}). System property {@code bench.smoke=true}: 1-3 iterations of
 * everything, small sizes, one tiny child JVM per contender for the heap-limit scenario.
 */
public final class Bench {
    private static final String[] SCENARIOS = {"startStop", "firstStart", "oneMessage", "concurrent", "pipelined",
        "attachment20", "large100", "large1g", "parsed", "junit"};

    private final boolean smoke;
    private final List<Contender> contenders = new ArrayList<>();
    private final List<String[]> targets = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    private Bench(boolean smoke) {
        this.smoke = smoke;
        for (String name : Contender.ALL) {
            contenders.add(Contender.named(name));
        }
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = Boolean.getBoolean("bench.smoke");
        Set<String> only = new HashSet<>();
        for (String a : args) {
            for (String s : a.split("[,\\s]+")) {
                if (!s.isBlank()) {
                    only.add(s);
                }
            }
        }
        if (only.isEmpty() || only.contains("all")) {
            only.addAll(Arrays.asList(SCENARIOS));
        }
        for (String s : only) {
            if (!Arrays.asList(SCENARIOS).contains(s) && !s.equals("all")) {
                System.err.println("unknown scenario " + s + "; known: " + String.join(", ", SCENARIOS));
                System.exit(2);
            }
        }
        Bench bench = new Bench(smoke);
        bench.header();
        long t0 = System.nanoTime();
        for (String s : SCENARIOS) {
            if (only.contains(s)) {
                bench.run(s);
            }
        }
        bench.footer(System.nanoTime() - t0);
        System.exit(bench.failures.isEmpty() ? 0 : 1);
    }

    private void run(String scenario) {
        System.out.println();
        try {
            switch (scenario) {
                case "startStop" -> startStop();
                case "firstStart" -> firstStart();
                case "oneMessage" -> oneMessage();
                case "concurrent" -> concurrent();
                case "pipelined" -> pipelined();
                case "attachment20" -> attachment();
                case "large100" -> large("100 MB attachment at -Xmx128m", smoke ? 2L << 20 : 100L << 20,
                        smoke ? "-Xmx48m" : "-Xmx128m");
                case "large1g" -> {
                    if (smoke) {
                        System.out.println("## 1 GB message at -Xmx256m: skipped in smoke mode (large100 ran tiny)");
                    } else {
                        large("1 GB message at -Xmx256m", (1L << 30) * 57 / 78, "-Xmx256m");
                    }
                }
                case "parsed" -> parsed();
                case "junit" -> junit();
                default -> throw new IllegalArgumentException(scenario);
            }
        } catch (Throwable e) {
            failures.add(scenario + ": " + e);
            System.out.println("!! scenario " + scenario + " FAILED: " + e);
            e.printStackTrace(System.out);
        }
        System.out.flush();
    }

    private int n(int full, int smokeCount) {
        return smoke ? smokeCount : full;
    }

    /** Contenders in the order of iteration i: rotated, so none always goes first. */
    private List<Contender> order(int i) {
        List<Contender> l = new ArrayList<>(contenders);
        java.util.Collections.rotate(l, i % l.size());
        return l;
    }

    // ---- scenarios

    private void startStop() throws Exception {
        int warm = n(40, 1);
        int iterations = n(200, 3);
        System.out.println("## start+stop a server, warm (" + iterations + " iterations after " + warm
                + " warm-up; start() returns when the port accepts, stop() when the library says it is done)");
        Map<String, Samples> times = samples();
        for (int i = 0; i < warm + iterations; i++) {
            for (Contender c : order(i)) {
                long t0 = System.nanoTime();
                c.start().close();
                long dt = System.nanoTime() - t0;
                if (i >= warm) {
                    times.get(c.name()).add(dt);
                }
            }
        }
        double r = timeTable(times, "");
        target("start+stop, warm", "<= 1.10x", r, r <= 1.10);
    }

    private void firstStart() throws Exception {
        int iterations = n(15, 2);
        System.out.println("## first start -> 220 greeting in a fresh JVM (" + iterations
                + " child JVMs per contender, interleaved; time from the first line of main to the greeting's first"
                + " octets, default JVM flags, same class path for all)");
        Map<String, Samples> times = samples();
        for (int i = 0; i < iterations; i++) {
            for (Contender c : order(i)) {
                List<String> out = child(List.of(), "dev.letterbox.bench.FirstStartChild", List.of(c.name()), 120);
                String line = out.stream().filter(l -> l.startsWith("FIRSTSTART ")).findFirst()
                        .orElseThrow(() -> new IllegalStateException(c.name() + " child printed no result: " + out));
                times.get(c.name()).add(Long.parseLong(line.substring(11).trim()));
            }
        }
        double r = timeTable(times, "");
        target("first start -> 220 in a fresh JVM", "<= 1.25x", r, r <= 1.25);
    }

    private void oneMessage() throws Exception {
        int warm = n(30, 1);
        int iterations = n(200, 3);
        System.out.println("## one 1 KB message on a new connection (Jakarta Mail Transport.send: connect, EHLO, MAIL,"
                + " RCPT, DATA, QUIT; " + iterations + " iterations after " + warm + " warm-up, one warm server each)");
        Map<String, Contender.Running> servers = startAll();
        Map<String, MimeMessage> messages = new LinkedHashMap<>();
        for (Map.Entry<String, Contender.Running> e : servers.entrySet()) {
            messages.put(e.getKey(), Mails.text(Mails.session(e.getValue().port()), 1024, "one message"));
        }
        Map<String, Samples> times = samples();
        try {
            for (int i = 0; i < warm + iterations; i++) {
                for (Contender c : order(i)) {
                    long t0 = System.nanoTime();
                    Transport.send(messages.get(c.name()));
                    long dt = System.nanoTime() - t0;
                    if (i >= warm) {
                        times.get(c.name()).add(dt);
                    }
                }
            }
            for (Map.Entry<String, Contender.Running> e : servers.entrySet()) {
                check(e.getKey(), e.getValue().count(), warm + iterations);
            }
        } finally {
            closeAll(servers);
        }
        double r = timeTable(times, "");
        target("one 1 KB message on a new connection", "<= 1.15x", r, r <= 1.15);
    }

    private void concurrent() throws Exception {
        int senders = 4;
        int perSender = n(500, 20);
        int iterations = n(6, 2);
        System.out.println("## " + senders + " senders x " + perSender + " messages of 1 KB (each sender one Jakarta "
                + "Mail connection; fresh server per iteration; " + iterations + " iterations, the first is warm-up)"
                + "; figure: messages per second, ratio = throughput / floor throughput");
        Map<String, Samples> rates = samples();
        for (int i = 0; i < iterations; i++) {
            for (Contender c : order(i)) {
                try (Contender.Running server = c.start()) {
                    Session session = Mails.session(server.port());
                    MimeMessage message = Mails.text(session, 1024, "concurrent");
                    CountDownLatch go = new CountDownLatch(1);
                    List<Thread> threads = new ArrayList<>();
                    List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
                    for (int s = 0; s < senders; s++) {
                        Thread t = new Thread(() -> {
                            try {
                                go.await();
                                try (Transport transport = session.getTransport("smtp")) {
                                    transport.connect();
                                    for (int m = 0; m < perSender; m++) {
                                        transport.sendMessage(message, message.getAllRecipients());
                                    }
                                }
                            } catch (Throwable e) {
                                errors.add(e);
                            }
                        }, "bench-sender-" + s);
                        threads.add(t);
                        t.start();
                    }
                    long t0 = System.nanoTime();
                    go.countDown();
                    for (Thread t : threads) {
                        t.join();
                    }
                    long dt = System.nanoTime() - t0;
                    if (!errors.isEmpty()) {
                        throw new IllegalStateException(c.name() + ": a sender failed", errors.get(0));
                    }
                    check(c.name(), server.count(), senders * perSender);
                    if (i > 0) {
                        rates.get(c.name()).add(senders * perSender / (dt / 1e9));
                    }
                }
            }
        }
        Table t = new Table("contender", "median msg/s", "p10", "p90", "ratio to floor");
        double floor = rates.get("floor").median();
        double lb = Double.NaN;
        for (Map.Entry<String, Samples> e : rates.entrySet()) {
            Samples s = e.getValue();
            double r = s.median() / floor;
            if (e.getKey().equals("letterbox")) {
                lb = r;
            }
            t.row(e.getKey(), rate(s.median()), rate(s.p10()), rate(s.p90()), Samples.ratio(r));
        }
        System.out.print(t.render());
        target(senders + " senders x " + perSender + " messages (throughput)", ">= 0.90x", lb, lb >= 0.90);
    }

    private void pipelined() throws Exception {
        int count = n(5000, 100);
        int iterations = n(16, 2);
        byte[] body = rawText(2048);
        System.out.println("## " + count + " x 2 KB pipelined on one connection (raw socket client, RFC 2920: MAIL, "
                + "RCPT, DATA in one group, then the message, its dot and the next group in one write; fresh "
                + "server per iteration; " + iterations + " iterations, the first is warm-up)");
        Map<String, Samples> times = samples();
        Set<String> noPipelining = new HashSet<>();
        for (int i = 0; i < iterations; i++) {
            for (Contender c : order(i)) {
                if (noPipelining.contains(c.name())) {
                    continue;
                }
                try (Contender.Running server = c.start(); RawSmtp client = new RawSmtp(server.port())) {
                    client.ehlo();
                    if (!client.pipelining()) {
                        noPipelining.add(c.name());
                        continue;
                    }
                    long t0 = System.nanoTime();
                    client.sendPipelined(count, body);
                    long dt = System.nanoTime() - t0;
                    client.quit();
                    check(c.name(), server.count(), count);
                    if (i > 0) {
                        times.get(c.name()).add(dt);
                    }
                }
            }
        }
        for (String name : noPipelining) {
            times.remove(name);
        }
        double r = timeTable(times, "");
        for (String name : noPipelining) {
            System.out.println("| " + name + " | no PIPELINING (not announced in EHLO) |");
        }
        target(count + " x 2 KB pipelined", ">= 0.85x (throughput)", 1 / r, 1 / r >= 0.85);
    }

    private void attachment() throws Exception {
        long attachment = smoke ? 2L << 20 : 20L << 20;
        int iterations = n(11, 2);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) (attachment * 14 / 10));
        Mails.writeWithAttachment(bytes, attachment, new CRC32());
        byte[] message = bytes.toByteArray();
        bytes = null;
        String label = (attachment >> 20) + " MB attachment";
        System.out.println("## " + label + " (message " + (message.length >> 20) + " MB base64, streamed from a "
                + "prepared array by the raw client so the heap figures are the server's; fresh server per iteration;"
                + " " + iterations + " iterations, the first is warm-up)");
        System.out.println("   peak heap: System.gc(), reset the peak of every heap MemoryPoolMXBean, send, then sum of"
                + " the pools' peaks minus the used heap before sending (an upper bound that includes garbage not yet"
                + " collected); retained: System.gc() while the server still holds the message, used heap minus the"
                + " same baseline");
        Map<String, Samples> times = samples();
        Map<String, Samples> peaks = samples();
        Map<String, Samples> retained = samples();
        for (int i = 0; i < iterations; i++) {
            for (Contender c : order(i)) {
                try (Contender.Running server = c.start()) {
                    gc();
                    long base = usedHeap();
                    resetPeaks();
                    long t0 = System.nanoTime();
                    try (RawSmtp client = new RawSmtp(server.port())) {
                        client.ehlo();
                        client.sendMessage(out -> out.write(message));
                        client.quit();
                    }
                    long dt = System.nanoTime() - t0;
                    long peak = peakHeap() - base;
                    gc();
                    long kept = usedHeap() - base;
                    check(c.name(), server.count(), 1);
                    if (i > 0) {
                        times.get(c.name()).add(dt);
                        peaks.get(c.name()).add(peak);
                        retained.get(c.name()).add(kept);
                    }
                }
            }
        }
        Table t = new Table("contender", "median", "p10", "p90", "ratio to floor", "peak heap (median)",
                "retained while held (median)");
        double floor = times.get("floor").median();
        for (Map.Entry<String, Samples> e : times.entrySet()) {
            Samples s = e.getValue();
            t.row(e.getKey(), Samples.time(s.median()), Samples.time(s.p10()), Samples.time(s.p90()),
                    Samples.ratio(s.median() / floor), Samples.mb(peaks.get(e.getKey()).median()),
                    Samples.mb(retained.get(e.getKey()).median()));
        }
        System.out.print(t.render());
        double r = times.get("letterbox").median() / floor;
        double peak = peaks.get("letterbox").median();
        double kept = retained.get("letterbox").median();
        target(label + " time", "<= 1.3x", r, r <= 1.3);
        targets.add(new String[] {label + " peak heap", "<= +16 MB", Samples.mb(peak), peak <= 16 << 20 ? "met"
            : "MISSED"});
        targets.add(new String[] {label + " retained while held", "<= 1 MB", Samples.mb(kept), kept <= 1 << 20
            ? "met" : "MISSED"});
    }

    private void large(String label, long attachment, String xmx) throws Exception {
        System.out.println("## " + label + (smoke ? " (smoke: " + (attachment >> 20) + " MB attachment at " + xmx
                + ")" : "") + ": one child JVM per contender with " + xmx + " -XX:+ExitOnOutOfMemoryError; the raw "
                + "client streams a generated message; where the contender keeps messages the attachment is read "
                + "back as a decoded stream and its length and CRC-32 compared");
        Table t = new Table("contender", "outcome", "receive", "read attachment back", "peak heap in child",
                "message");
        String letterboxOutcome = "?";
        for (Contender c : contenders) {
            List<String> out;
            try {
                out = child(List.of(xmx, "-XX:+ExitOnOutOfMemoryError"), "dev.letterbox.bench.LargeMessageChild",
                        List.of(c.name(), Long.toString(attachment)), smoke ? 120 : 1200);
            } catch (ChildFailed e) {
                boolean oom = e.output.stream().anyMatch(l -> l.contains("OutOfMemoryError"));
                String outcome = oom ? "OutOfMemoryError" : "failed (exit " + e.exit + ")";
                t.row(c.name(), outcome, "-", "-", "-", "-");
                if (c.name().equals("letterbox") || c.name().equals("floor")) {
                    letterboxOutcome = c.name().equals("letterbox") ? outcome : letterboxOutcome;
                    System.out.println("   " + c.name() + " child output: " + e.output);
                }
                continue;
            }
            String line = out.stream().filter(l -> l.startsWith("LARGE ")).findFirst().orElseThrow();
            String[] f = line.split(" ");
            t.row(c.name(), f[1], Samples.time(Double.parseDouble(f[2])),
                    c.name().equals("floor") ? "-" : Samples.time(Double.parseDouble(f[3])),
                    String.format(Locale.ROOT, "%.0f MB", Long.parseLong(f[4]) / 1048576.0),
                    String.format(Locale.ROOT, "%.0f MB", Long.parseLong(f[5]) / 1048576.0));
            if (c.name().equals("letterbox")) {
                letterboxOutcome = f[1];
            }
        }
        System.out.print(t.render());
        boolean ok = letterboxOutcome.equals("verified");
        targets.add(new String[] {label, "captured, attachment readable as a stream", letterboxOutcome,
            ok ? "met" : "MISSED"});
        if (!ok) {
            throw new IllegalStateException("Letterbox did not capture the " + label + ": " + letterboxOutcome);
        }
    }

    private void parsed() throws Exception {
        int warm = n(50, 1);
        int count = n(300, 3);
        System.out.println("## parsed access to a held message (multipart: text + HTML + 20 KB attachment; " + count
                + " messages after " + warm + " warm-up; access = get the MimeMessage as the library offers it, "
                + "read Subject and the multipart's part count; base line = new MimeMessage(session, "
                + "ByteArrayInputStream) of the same octets with a prepared Session; its second access is the same "
                + "reads on the message it already parsed)");
        Map<String, Contender.Running> servers = startAll();
        try {
            Session plainSession = Mails.session(1);
            byte[] raw = null;
            for (Map.Entry<String, Contender.Running> e : servers.entrySet()) {
                if (e.getKey().equals("floor")) {
                    continue;
                }
                Session session = Mails.session(e.getValue().port());
                MimeMessage m = Mails.rich(session, 20 * 1024);
                if (raw == null) {
                    ByteArrayOutputStream b = new ByteArrayOutputStream();
                    m.writeTo(b);
                    raw = b.toByteArray();
                }
                try (Transport transport = session.getTransport("smtp")) {
                    transport.connect();
                    for (int i = 0; i < warm + count; i++) {
                        transport.sendMessage(m, m.getAllRecipients());
                    }
                }
                check(e.getKey(), e.getValue().count(), warm + count);
            }
            Map<String, Samples> first = samples();
            Map<String, Samples> second = samples();
            for (int i = 0; i < warm + count; i++) {
                for (Contender c : order(i)) {
                    long t0 = System.nanoTime();
                    if (c.name().equals("floor")) {
                        MimeMessage plain = new MimeMessage(plainSession, new ByteArrayInputStream(raw));
                        touch(plain);
                        long t1 = System.nanoTime();
                        touch(plain);
                        long t2 = System.nanoTime();
                        if (i >= warm) {
                            first.get("floor").add(t1 - t0);
                            second.get("floor").add(t2 - t1);
                        }
                        continue;
                    }
                    Contender.Running server = servers.get(c.name());
                    touch(server.parsed(i));
                    long t1 = System.nanoTime();
                    touch(server.parsed(i));
                    long t2 = System.nanoTime();
                    if (i >= warm) {
                        first.get(c.name()).add(t1 - t0);
                        second.get(c.name()).add(t2 - t1);
                    }
                }
            }
            Table t = new Table("contender", "first access median", "p10", "p90", "ratio to plain parse",
                    "second access median", "p10", "p90", "ratio to plain parse");
            double plain = first.get("floor").median();
            for (Map.Entry<String, Samples> e : first.entrySet()) {
                Samples f = e.getValue();
                Samples s = second.get(e.getKey());
                t.row(e.getKey().equals("floor") ? "plain jakarta.mail parse" : e.getKey(),
                        Samples.time(f.median()), Samples.time(f.p10()), Samples.time(f.p90()),
                        Samples.ratio(f.median() / plain), Samples.time(s.median()), Samples.time(s.p10()),
                        Samples.time(s.p90()), Samples.ratio(s.median() / plain));
            }
            System.out.print(t.render());
            double r1 = first.get("letterbox").median() / plain;
            double r2 = second.get("letterbox").median() / plain;
            double again = second.get("letterbox").median() / second.get("floor").median();
            target("parsed access, first", "<= 1.00x a plain parse", r1, r1 <= 1.0);
            target("parsed access, second: no parse left (vs the same reads on an already parsed message)",
                    "<= 1.20x", again, again <= 1.2);
            System.out.println("   letterbox second access = " + Samples.ratio(r2) + " of a plain parse, "
                    + Samples.ratio(again) + " of the same reads on a message jakarta.mail already parsed");
        } finally {
            closeAll(servers);
        }
    }

    private static void touch(MimeMessage m) throws Exception {
        if (m.getSubject() == null || ((Multipart) m.getContent()).getCount() != 2) {
            throw new IllegalStateException("unexpected parsed message");
        }
    }

    private void junit() throws Exception {
        int tests = n(50, 3);
        int iterations = n(16, 1);
        System.out.println("## a JUnit class of tests through the JUnit Platform launcher, each test with a fresh server"
                + " from its library's JUnit integration, sending two mails (Transport.send, one connection each) and"
                + " asserting on them; figure: time of a launcher run of " + tests + " of its tests / " + tests + "; "
                + iterations + " runs per class, interleaved run by run (so load changes hit every class alike)"
                + (smoke ? "" : ", after one warm-up run") + "; sequential, then parallel (JUnit parallel execution, "
                + JUnitScenario.PARALLELISM + " threads)");
        System.out.println("   letterbox: @CaptureMail (a fresh server per test, Mailbox injected); wiser: start/stop in "
                + "@BeforeEach/@AfterEach (it has no JUnit integration); greenmail: GreenMailExtension");
        System.out.println("   CPU: the process's CPU time during a run (every thread: tests, client, servers, JUnit,"
                + " GC, JIT) / its tests, mean of the runs (the process CPU clock ticks in steps of 10 ms, so a median would keep"
                + " the steps); other processes' load moves it far less than the wall time");
        JUnitScenario scenario = new JUnitScenario();
        Map<String, Samples> sequentialCpu = new LinkedHashMap<>();
        Map<String, Samples> sequential = junitRuns(scenario, tests, iterations, false, sequentialCpu);
        double seq = junitTable(sequential, sequentialCpu, "sequential");
        junitBreakdown(sequential);
        extensionOnEmptyTests(scenario, iterations);
        Map<String, Samples> parallelCpu = new LinkedHashMap<>();
        Map<String, Samples> parallel = junitRuns(scenario, tests, iterations, true, parallelCpu);
        double par = junitTable(parallel, parallelCpu, "parallel");
        double seqWiser = sequential.get("letterbox").median() / sequential.get("wiser").median();
        double parWiser = parallel.get("letterbox").median() / parallel.get("wiser").median();
        target("JUnit class, per test, sequential", "<= 1.25x", seq, seq <= 1.25);
        target("JUnit class, per test, parallel", "<= 1.25x", par, par <= 1.25);
        target("JUnit class, per test, sequential, against Wiser", "< 1.00x Wiser", seqWiser, seqWiser < 1.0);
        target("JUnit class, per test, parallel, against Wiser", "< 1.00x Wiser", parWiser, parWiser < 1.0);
        System.out.printf(java.util.Locale.ROOT, "   CPU per test, letterbox / wiser: sequential %.2fx, parallel %.2fx%n",
                sequentialCpu.get("letterbox").mean() / sequentialCpu.get("wiser").mean(),
                parallelCpu.get("letterbox").mean() / parallelCpu.get("wiser").mean());
    }

    /**
     * The extension's own per-test work, measured where nothing else happens: runs of 200 empty tests with and without
     * {@code @CaptureMail(lifecycle = PER_CLASS)} and a {@code Mailbox} parameter, interleaved.
     */
    private void extensionOnEmptyTests(JUnitScenario scenario, int iterations) {
        int tests = UserTests.TESTS;
        Samples plain = new Samples();
        Samples extended = new Samples();
        int warm = smoke ? 0 : 2;
        for (int i = 0; i < warm + iterations; i++) {
            boolean plainFirst = i % 2 == 0;
            double a = scenario.run(plainFirst ? UserTests.Empty.class : UserTests.EmptyWithExtension.class, tests,
                    false).elapsedNanos() / (double) tests;
            double b = scenario.run(plainFirst ? UserTests.EmptyWithExtension.class : UserTests.Empty.class, tests,
                    false).elapsedNanos() / (double) tests;
            if (i >= warm) {
                plain.add(plainFirst ? a : b);
                extended.add(plainFirst ? b : a);
            }
        }
        System.out.println("### the extension's own work per test, on empty tests (" + tests + " a run, sequential)");
        Table t = new Table("class", "per test, median of runs", "p10", "p90");
        t.row("empty test, no extension", Samples.time(plain.median()), Samples.time(plain.p10()),
                Samples.time(plain.p90()));
        t.row("empty test with a Mailbox, @CaptureMail(PER_CLASS)", Samples.time(extended.median()),
                Samples.time(extended.p10()), Samples.time(extended.p90()));
        t.row("the extension's own work (difference of the medians)",
                Samples.time(extended.median() - plain.median()), "", "");
        System.out.print(t.render());
    }

    /**
     * Runs every class of the mode, rotated each iteration; a class that fails has no samples. Returns the wall time
     * per test of each class and puts the process's CPU time per test into {@code cpu}.
     */
    private Map<String, Samples> junitRuns(JUnitScenario scenario, int tests, int iterations, boolean parallel,
                                           Map<String, Samples> cpu) {
        Map<String, Class<?>> classes = JUnitScenario.classes(parallel);
        Map<String, Samples> times = new LinkedHashMap<>();
        for (String name : classes.keySet()) {
            times.put(name, new Samples());
            cpu.put(name, new Samples());
        }
        Map<String, String> failed = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(classes.keySet());
        int warm = smoke ? 0 : 1;
        for (int i = 0; i < warm + iterations; i++) {
            if (i == warm) {
                Breakdown.reset();
            }
            List<String> order = new ArrayList<>(names);
            java.util.Collections.rotate(order, i % order.size());
            for (String name : order) {
                if (failed.containsKey(name)) {
                    continue;
                }
                try {
                    JUnitScenario.Run run = scenario.run(classes.get(name), tests, parallel);
                    if (i >= warm) {
                        times.get(name).add(run.elapsedNanos() / (double) tests);
                        cpu.get(name).add(run.cpuNanos() / (double) tests);
                    }
                } catch (IllegalStateException e) {
                    failed.put(name, e.getMessage().lines().findFirst().orElse(""));
                }
            }
        }
        failed.forEach((name, why) -> System.out.println("   " + name + " (" + (parallel ? "parallel" : "sequential")
                + ") FAILED: " + why));
        return times;
    }

    /** Prints one mode's table; returns Letterbox's ratio to the floor. */
    private static double junitTable(Map<String, Samples> times, Map<String, Samples> cpu, String mode) {
        System.out.println("### " + mode);
        Table t = new Table("contender", "per test, median of runs", "p10", "p90", "ratio to floor",
                "CPU per test, mean", "CPU ratio to floor");
        double floor = times.get("floor").median();
        double floorCpu = cpu.get("floor").mean();
        for (Map.Entry<String, Samples> e : times.entrySet()) {
            Samples s = e.getValue();
            if (s.size() == 0) {
                t.row(e.getKey(), "failed", "-", "-", "-", "-", "-");
                continue;
            }
            Samples c = cpu.get(e.getKey());
            t.row(e.getKey(), Samples.time(s.median()), Samples.time(s.p10()), Samples.time(s.p90()),
                    Samples.ratio(s.median() / floor), Samples.time(c.mean()), Samples.ratio(c.mean() / floorCpu));
        }
        System.out.print(t.render());
        return times.get("letterbox").median() / floor;
    }

    /** Splits Letterbox's sequential per-test time into its steps (medians over every test of the timed runs). */
    private static void junitBreakdown(Map<String, Samples> times) {
        System.out.println("### where a Letterbox test's time goes (sequential; medians per test)");
        Table t = new Table("step", "median per test");
        double steps = 0;
        for (String step : Breakdown.STEPS) {
            double m = Breakdown.median(step);
            steps += m;
            t.row(step, Samples.time(m));
        }
        double timed = times.get(JUnitScenario.LETTERBOX_TIMED).median();
        double withExtension = times.get("letterbox").median();
        double floor = times.get("floor").median();
        double extensionAlone = times.get(JUnitScenario.FLOOR_WITH_EXTENSION).median() - floor;
        t.row("sum of the steps", Samples.time(steps));
        t.row("JUnit's own per-test work (the timed class's time minus its steps)", Samples.time(timed - steps));
        t.row("extension, per-test server (letterbox minus the timed class)", Samples.time(withExtension - timed));
        t.row("extension alone, one server per class (floor + @CaptureMail(PER_CLASS) minus floor)",
                Samples.time(extensionAlone));
        System.out.print(t.render());
    }

    // ---- helpers

    private Map<String, Samples> samples() {
        Map<String, Samples> m = new LinkedHashMap<>();
        for (Contender c : contenders) {
            m.put(c.name(), new Samples());
        }
        return m;
    }

    private Map<String, Contender.Running> startAll() throws Exception {
        Map<String, Contender.Running> m = new LinkedHashMap<>();
        for (Contender c : contenders) {
            m.put(c.name(), c.start());
        }
        return m;
    }

    private static void closeAll(Map<String, Contender.Running> servers) {
        for (Contender.Running r : servers.values()) {
            r.close();
        }
    }

    /** Prints a time table; returns Letterbox's ratio to the floor. */
    private static double timeTable(Map<String, Samples> times, String note) {
        Table t = new Table("contender", "median", "p10", "p90", "ratio to floor");
        double floor = times.get("floor").median();
        for (Map.Entry<String, Samples> e : times.entrySet()) {
            Samples s = e.getValue();
            t.row(e.getKey(), Samples.time(s.median()), Samples.time(s.p10()), Samples.time(s.p90()),
                    Samples.ratio(s.median() / floor));
        }
        System.out.print(t.render());
        if (!note.isEmpty()) {
            System.out.println(note);
        }
        Samples lb = times.get("letterbox");
        return lb == null ? Double.NaN : lb.median() / floor;
    }

    private void target(String scenario, String target, double ratio, boolean met) {
        targets.add(new String[] {scenario, target, Samples.ratio(ratio), met ? "met" : "MISSED"});
    }

    private static void check(String name, int got, int expected) {
        if (got != expected) {
            throw new IllegalStateException(name + " holds " + got + " messages, expected " + expected);
        }
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.0f", perSecond);
    }

    private static byte[] rawText(int size) {
        StringBuilder sb = new StringBuilder("From: app@bench.example\r\nTo: user@bench.example\r\n"
                + "Subject: pipelined\r\n\r\n");
        while (sb.length() < size) {
            sb.append("The quick brown fox jumps over the lazy dog, again and again and again.\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void gc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(30);
        }
    }

    private static List<MemoryPoolMXBean> heapPools() {
        List<MemoryPoolMXBean> l = new ArrayList<>();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                l.add(p);
            }
        }
        return l;
    }

    private static long usedHeap() {
        return heapPools().stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    /** A child JVM that exited non-zero. */
    private static final class ChildFailed extends Exception {
        final int exit;
        final transient List<String> output;

        ChildFailed(int exit, List<String> output) {
            super("child exited with " + exit + ": " + output);
            this.exit = exit;
            this.output = output;
        }
    }

    /** Runs a main class in a child JVM with this JVM's class path; returns its output lines. */
    private static List<String> child(List<String> jvmArgs, String main, List<String> args, int timeoutSeconds)
            throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        String logging = System.getProperty("logback.configurationFile");
        if (logging != null) {
            cmd.add("-Dlogback.configurationFile=" + logging); // the children log as little as this JVM
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main);
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) {
                    lines.add(l);
                }
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        }, "bench-child-output");
        reader.setDaemon(true);
        reader.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor();
            reader.join(5000);
            throw new ChildFailed(-1, List.of("timed out after " + timeoutSeconds + " s", String.valueOf(lines)));
        }
        reader.join(5000);
        if (p.exitValue() != 0) {
            throw new ChildFailed(p.exitValue(), new ArrayList<>(lines));
        }
        return new ArrayList<>(lines);
    }

    private void header() {
        System.out.println("# Letterbox benchmarks" + (smoke ? " (SMOKE MODE: few iterations, small sizes; the "
                + "figures mean nothing)" : ""));
        System.out.println("date: " + OffsetDateTime.now().withNano(0));
        System.out.println("java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", " + ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.println("machine: " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, load average at start: " + loadavg());
        System.out.println("contenders: floor = a counting sink of our own that stores nothing (the ratios' base), "
                + "letterbox = SmtpServer (this build), greenmail = GreenMail " + System.getProperty("bench.greenmail",
                "(version in pom.xml)") + ", wiser = SubEthaSMTP Wiser " + System.getProperty("bench.wiser",
                "(version in pom.xml)") + "; client: Jakarta Mail (Angus) unless said otherwise");
        System.out.println("every scenario interleaves the contenders iteration by iteration, rotating who goes first;"
                + " times are wall-clock System.nanoTime()");
    }

    private void footer(long elapsed) {
        System.out.println();
        System.out.println("## Letterbox against the targets of issue 8 (ratios to the floor in this run)");
        Table t = new Table("scenario", "target", "letterbox", "");
        for (String[] row : targets) {
            t.row(row);
        }
        System.out.print(t.render());
        System.out.println("load average at end: " + loadavg() + "; total " + Samples.time(elapsed));
        if (!failures.isEmpty()) {
            System.out.println("FAILED scenarios: " + failures);
        }
    }

    private static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
