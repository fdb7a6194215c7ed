package dev.letterbox.reliability;

import dev.letterbox.Attachment;
import dev.letterbox.ReceivedMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Calls every public accessor of a {@link ReceivedMessage} and of its attachments and inline parts (entering
 * attached messages a few levels deep), reading every stream to its end, and collects what threw something the
 * javadoc does not promise. The documented failure of content that cannot be decoded (an
 * {@code UncheckedIOException}, or an {@code IOException} from a part stream, whose message starts with
 * {@code cannot read the}) is allowed where it is documented.
 */
final class EveryAccessor {
    private static final List<String> HEADERS = List.of("Subject", "From", "To", "Date", "Message-ID", "Content-Type",
            "X-\u0000Name", "", "No-Such-Header");

    private final Path scratch;
    private final List<String> violations = new ArrayList<>();
    private long octetsRead;

    private EveryAccessor(Path scratch) {
        this.scratch = scratch;
    }

    /**
     * Reads everything of a message.
     *
     * @param m the message
     * @param scratch a directory for {@code writeTo}
     * @return the accessors that threw undocumented exceptions, with what they threw; empty if none
     */
    static List<String> violationsOf(ReceivedMessage m, Path scratch) {
        EveryAccessor reader = new EveryAccessor(scratch);
        reader.message("message", m, 0);
        return reader.violations;
    }

    private void message(String where, ReceivedMessage m, int depth) {
        call(where + ".envelope()", m::envelope, false);
        call(where + ".size()", m::size, false);
        call(where + ".raw()", m::raw, false);
        call(where + ".rawStream()", () -> drain(m.rawStream()), false);
        call(where + ".mimeMessage()", m::mimeMessage, false);
        call(where + ".subject()", m::subject, false);
        call(where + ".from()", m::from, false);
        call(where + ".to()", m::to, false);
        call(where + ".cc()", m::cc, false);
        call(where + ".replyTo()", m::replyTo, false);
        call(where + ".bcc()", m::bcc, false);
        call(where + ".date()", m::date, false);
        call(where + ".messageId()", m::messageId, false);
        for (String name : HEADERS) {
            call(where + ".header(" + name + ")", () -> m.header(name), false);
            call(where + ".headers(" + name + ")", () -> m.headers(name), false);
            call(where + ".rawHeader(" + name + ")", () -> m.rawHeader(name), false);
        }
        call(where + ".textBody()", m::textBody, true);
        call(where + ".htmlBody()", m::htmlBody, true);
        call(where + ".links()", m::links, true);
        call(where + ".structure()", m::structure, false);
        call(where + ".toString()", m::toString, false);
        call(where + ".writeTo()", () -> {
            m.writeTo(scratch.resolve("message.eml"));
            return null;
        }, false);
        List<Attachment> parts = new ArrayList<>();
        List<Attachment> attachments = call(where + ".attachments()", m::attachments, false);
        List<Attachment> inline = call(where + ".inlineParts()", m::inlineParts, false);
        if (attachments != null) {
            parts.addAll(attachments);
        }
        if (inline != null) {
            parts.addAll(inline);
        }
        for (int i = 0; i < parts.size(); i++) {
            attachment(where + ".part[" + i + "]", parts.get(i), depth);
        }
    }

    private void attachment(String where, Attachment a, int depth) {
        call(where + ".fileName()", a::fileName, false);
        call(where + ".contentType()", a::contentType, false);
        call(where + ".contentType().parameters()", () -> a.contentType().parameters(), false);
        call(where + ".contentId()", a::contentId, false);
        call(where + ".disposition()", a::disposition, false);
        call(where + ".isInline()", a::isInline, false);
        call(where + ".size()", a::size, true);
        call(where + ".bytes()", a::bytes, true);
        call(where + ".text()", a::text, true);
        call(where + ".openStream()", () -> drain(a.openStream()), true);
        call(where + ".toString()", a::toString, false);
        ReceivedMessage attached = call(where + ".attachedMessage()", a::attachedMessage, false);
        if (attached != null && depth < 3) {
            message(where + ".attachedMessage()", attached, depth + 1);
        }
    }

    private long drain(InputStream in) throws IOException {
        try (in) {
            byte[] buf = new byte[8192];
            long n = 0;
            for (int r; (r = in.read(buf)) >= 0; ) {
                n += r;
            }
            octetsRead += n;
            return n;
        }
    }

    private <T> T call(String accessor, Callable<T> call, boolean mayFailToDecode) {
        try {
            return call.call();
        } catch (UncheckedIOException | IOException e) {
            if (!mayFailToDecode || !String.valueOf(e.getMessage()).startsWith("cannot read the ")) {
                violations.add(accessor + " threw " + e);
            }
        } catch (Exception | StackOverflowError e) {
            violations.add(accessor + " threw " + e);
        }
        return null;
    }
}
