package dev.letterbox.internal.diagnostics;

import dev.letterbox.ReceivedMessage;
import dev.letterbox.Transcript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes what a test captured, for a person to open: each message as {@code NN.eml} (00, 01, ... in arrival order,
 * the index of {@code mailbox.messages().get(i)}; exactly the octets received) plus {@code summary.txt} with the
 * envelope, key headers and MIME structure of each, {@code transcripts.txt} with every SMTP session, and the HTML
 * report {@code index.html} with its files {@code NN-...} ({@link HtmlReport}). Stale files of an earlier run in the
 * same directory are removed first.
 */
public final class FailureReport {
    /** The name of the summary file. */
    public static final String SUMMARY = "summary.txt";
    /** The name of the file with the transcript of every SMTP session. */
    public static final String TRANSCRIPTS = "transcripts.txt";
    /**
     * What a file name may not contain; compiled once, as every test that starts names its report directory.
     * Parentheses, brackets and commas are safe on every system, and the name of an overloaded test method has them
     * ({@code sends(Mailbox,TestInfo)}).
     */
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._$(),\\[\\]-]");

    private FailureReport() {
    }

    /**
     * Returns the directory for one test: {@code root/<test-class>/<test-method>}, with characters that are not safe
     * in file names replaced by {@code _}.
     *
     * @param root the report root, such as {@code target/letterbox}
     * @param testClass the test class name
     * @param testMethod the test method name (or display name)
     * @return the directory (not created)
     */
    public static Path directoryFor(Path root, String testClass, String testMethod) {
        return root.resolve(safe(testClass)).resolve(safe(testMethod));
    }

    /**
     * Writes the report.
     *
     * @param directory where to write; created if missing
     * @param messages the captured messages, oldest first
     * @param transcripts the transcripts of the sessions, written to {@value #TRANSCRIPTS} unless empty
     * @return the files written: the summary first, then the {@code .eml} files, then the transcripts if any, then
     *     {@value HtmlReport#INDEX} and its files
     * @throws UncheckedIOException if the directory or summary cannot be written
     */
    public static List<Path> write(Path directory, List<ReceivedMessage> messages, List<Transcript> transcripts) {
        return write(directory, messages, transcripts, null);
    }

    /**
     * Writes the report, with the outcome of the test at the top of the HTML page.
     *
     * @param directory where to write; created if missing
     * @param messages the captured messages, oldest first
     * @param transcripts the transcripts of the sessions, written to {@value #TRANSCRIPTS} unless empty
     * @param outcome what became of the test, such as its failure message, or null
     * @return the files written, as {@link #write(Path, List, List)} returns them
     * @throws UncheckedIOException if the directory or summary cannot be written
     */
    public static List<Path> write(Path directory, List<ReceivedMessage> messages, List<Transcript> transcripts,
            String outcome) {
        try {
            Files.createDirectories(directory);
            removeStale(directory);
            List<Path> emls = new ArrayList<>();
            List<String> emlNames = new ArrayList<>();
            StringBuilder summary = new StringBuilder();
            summary.append(messages.size()).append(messages.size() == 1 ? " message" : " messages")
                    .append(" captured\n");
            int width = Math.max(2, String.valueOf(messages.size()).length());
            for (int i = 0; i < messages.size(); i++) {
                ReceivedMessage m = messages.get(i);
                String name = String.format("%0" + width + "d.eml", i);
                summary.append('\n').append(MessageDescription.index(i)).append(' ').append(name).append('\n');
                try {
                    Path eml = directory.resolve(name);
                    m.writeTo(eml);
                    emls.add(eml);
                    emlNames.add(name);
                } catch (UncheckedIOException e) {
                    emlNames.add(null);
                    summary.append("  (not written: ").append(e.getMessage()).append(")\n");
                }
                summary.append(MessageDescription.full(m, "  ")).append('\n');
            }
            Path summaryFile = directory.resolve(SUMMARY);
            Files.writeString(summaryFile, summary, StandardCharsets.UTF_8);
            List<Path> written = new ArrayList<>();
            written.add(summaryFile);
            written.addAll(emls);
            if (!transcripts.isEmpty()) {
                StringBuilder text = new StringBuilder();
                transcripts.forEach(t -> text.append(t).append("\n\n"));
                written.add(Files.writeString(directory.resolve(TRANSCRIPTS), text, StandardCharsets.UTF_8));
            }
            written.addAll(HtmlReport.write(directory, messages, emlNames, transcripts, outcome));
            return List.copyOf(written);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Letterbox failure report to " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Removes what an earlier run left in a test's directory ({@code .eml} files, summary, transcripts, the HTML
     * report and its {@code NN-...} files), and the
     * directory itself if nothing else is in it.
     *
     * @param directory the test's directory; nothing happens if it does not exist
     * @throws UncheckedIOException if a file cannot be removed
     */
    public static void clear(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try {
            removeStale(directory);
            try (DirectoryStream<Path> rest = Files.newDirectoryStream(directory)) {
                if (!rest.iterator().hasNext()) {
                    Files.deleteIfExists(directory);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the Letterbox failure report in " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    private static void removeStale(Path directory) throws IOException {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(directory,
                "{*.eml," + SUMMARY + "," + TRANSCRIPTS + "," + HtmlReport.INDEX + ",[0-9][0-9]*-*}")) {
            for (Path p : old) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String safe(String name) {
        String s = UNSAFE.matcher(name).replaceAll("_");
        if (s.length() > 120) {
            s = s.substring(0, 120);
        }
        return s.isEmpty() || s.equals(".") || s.equals("..") ? "_" : s;
    }
}
