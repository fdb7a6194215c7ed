package dev.letterbox.assertj;

import static dev.letterbox.assertj.ShouldSatisfy.shouldSatisfy;

import dev.letterbox.Mailbox;
import dev.letterbox.ReceivedMessage;
import dev.letterbox.Violation;
import dev.letterbox.internal.diagnostics.MessageDescription;
import dev.letterbox.internal.diagnostics.ReportLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Assertions on the messages a {@link Mailbox} holds right now (it does not wait: use
 * {@code mailbox.awaitMessages(n)} first when mail is sent asynchronously). Every failure lists the messages there
 * are, with envelope sender, recipients, From and Subject. Messages are numbered from 0, oldest first.
 */
public class MailboxAssert extends AbstractAssert<MailboxAssert, Mailbox> {
    /** The soft assertions this assert reports to, null for hard ones; set by {@link Navigation#reached}. */
    SoftAssertionsProvider soft;

    /**
     * Creates the assertion; prefer {@link LetterboxAssertions#assertThat(Mailbox)}.
     *
     * @param actual the mailbox under test, may be null (every check then fails)
     */
    public MailboxAssert(Mailbox actual) {
        super(actual, MailboxAssert.class);
    }

    /**
     * Checks how many messages the mailbox holds.
     *
     * @param count the expected count
     * @return this assertion
     * @throws AssertionError if it differs
     */
    public MailboxAssert hasMessageCount(int count) {
        isNotNull();
        List<ReceivedMessage> messages = actual.messages();
        if (messages.size() != count) {
            failWith(messages, "to have " + plural(count), "but had " + messages.size() + ":");
        }
        return this;
    }

    /**
     * Checks that the mailbox holds no message.
     *
     * @return this assertion
     * @throws AssertionError if it holds some
     */
    public MailboxAssert isEmpty() {
        return hasMessageCount(0);
    }

    /**
     * Checks that the mailbox holds exactly one message and navigates to it.
     *
     * @return an assertion on the message
     * @throws AssertionError if it holds none or several
     */
    public ReceivedMessageAssert singleMessage() {
        isNotNull();
        return navigate("the single message of the mailbox", () -> {
            List<ReceivedMessage> messages = actual.messages();
            if (messages.size() != 1) {
                failWith(messages, "to have a single message", "but had " + messages.size() + ":");
            }
            return messages.get(0);
        });
    }

    /**
     * Navigates to one message.
     *
     * @param index the position, 0 for the oldest
     * @return an assertion on the message
     * @throws AssertionError if there is no message at that position
     */
    public ReceivedMessageAssert message(int index) {
        isNotNull();
        return navigate("message " + MessageDescription.index(index) + " of the mailbox", () -> {
            List<ReceivedMessage> messages = actual.messages();
            if (index < 0 || index >= messages.size()) {
                failWith(messages, "to have a message at index " + index, "but had " + messages.size() + ":");
            }
            return messages.get(index);
        });
    }

    /**
     * Checks that some message has this envelope recipient (RCPT TO, so Bcc recipients count), ignoring case.
     *
     * @param address the recipient
     * @return this assertion
     * @throws AssertionError if none has
     */
    public MailboxAssert hasMessageTo(String address) {
        isNotNull();
        firstTo(address);
        return this;
    }

    /**
     * Navigates to the oldest message with this envelope recipient (RCPT TO), ignoring case.
     *
     * @param address the recipient
     * @return an assertion on the message
     * @throws AssertionError if there is none
     */
    public ReceivedMessageAssert messageTo(String address) {
        isNotNull();
        return navigate("message to <" + address + ">", () -> firstTo(address));
    }

    /**
     * Navigates to the messages that match a condition, for AssertJ's list assertions.
     *
     * @param condition the condition, such as {@code m -> m.subject().startsWith("Invoice")}
     * @return an assertion on the matching messages, oldest first
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ListAssert<ReceivedMessage> messagesMatching(Predicate<? super ReceivedMessage> condition) {
        isNotNull();
        Objects.requireNonNull(condition, "condition");
        List<ReceivedMessage> matching = actual.messages().stream().filter(condition).toList();
        if (soft != null) {
            return (ListAssert<ReceivedMessage>) soft.proxy((Class) ListAssert.class, (Class) List.class, matching);
        }
        return Assertions.assertThat(matching);
    }

    /**
     * Checks every message; all failing messages are reported, not only the first.
     *
     * @param requirements checks on one message, such as {@code m -> m.isFrom("shop@example.com")}
     * @return this assertion
     * @throws AssertionError if a message fails a check, or if the mailbox is empty
     */
    public MailboxAssert allMessages(Consumer<ReceivedMessageAssert> requirements) {
        isNotNull();
        Objects.requireNonNull(requirements, "requirements");
        List<ReceivedMessage> messages = actual.messages();
        if (messages.isEmpty()) {
            failWith(messages, "to have messages that all satisfy the requirements", "but had none:");
        }
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            try {
                requirements.accept(new ReceivedMessageAssert(messages.get(i)));
            } catch (AssertionError e) {
                failures.add("message " + MessageDescription.index(i) + ":"
                        + ReceivedMessageAssert.indent(e.getMessage().strip()));
            }
        }
        if (!failures.isEmpty()) {
            throw AssertionFailures.failure(info, shouldSatisfy(captured(messages, true),
                    "to have only messages that satisfy the requirements",
                    "but " + failures.size() + " of " + messages.size() + " did not:\n"
                            + String.join("\n", failures)));
        }
        return this;
    }

    // --- deliverability (issue 19) ---

    /**
     * Checks that no message has a violation that large providers reject ({@link Violation.Severity#REJECT}, see
     * {@link ReceivedMessage#violations()}); all failing messages are reported, each violation with its place and
     * source. Warnings do not fail it: use {@code allMessages(m -> m.hasNoViolations())} for those too.
     *
     * @return this assertion
     * @throws AssertionError if a message has a reject-level violation, or if the mailbox is empty
     */
    public MailboxAssert allMessagesAreDeliverable() {
        isNotNull();
        List<ReceivedMessage> messages = actual.messages();
        if (messages.isEmpty()) {
            failWith(messages, "to have messages that are all deliverable", "but had none:");
        }
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            List<Violation> rejected = messages.get(i).violations().stream()
                    .filter(v -> v.severity() == Violation.Severity.REJECT).toList();
            if (!rejected.isEmpty()) {
                String message = MessageDescription.oneLine(messages.get(i));
                failures.add("message " + MessageDescription.index(i) + " (" + message + ") has "
                        + ViolationListing.count(rejected) + " that providers reject:\n" + ViolationListing.of(rejected));
            }
        }
        if (!failures.isEmpty()) {
            throw AssertionFailures.failure(info, shouldSatisfy(captured(messages, true),
                    "to have only deliverable messages",
                    "but " + failures.size() + " of " + messages.size() + " would be rejected:\n"
                            + String.join("\n", failures)));
        }
        return this;
    }

    // --- end of deliverability ---

    private ReceivedMessage firstTo(String address) {
        Objects.requireNonNull(address, "address");
        List<ReceivedMessage> to = actual.messagesTo(address);
        if (to.isEmpty()) {
            failWith(actual.messages(), "to have a message with envelope recipient <" + address + ">",
                    "but none has; messages:");
        }
        return to.get(0);
    }

    private ReceivedMessageAssert navigate(String what, java.util.function.Supplier<ReceivedMessage> message) {
        return Navigation.child(soft, ReceivedMessageAssert.class, ReceivedMessage.class, what, message,
                ReceivedMessageAssert::new);
    }

    private void failWith(List<ReceivedMessage> messages, String requirement, String outcome) {
        throw AssertionFailures.failure(info, shouldSatisfy(captured(messages, false), requirement,
                outcome + "\n" + MessageDescription.list(messages, "  ")));
    }

    /** Describes the mailbox by what it holds, then where it listens. */
    private Captured captured(List<ReceivedMessage> messages, boolean listed) {
        String summary = "holding " + plural(messages.size()) + " (server " + actual.host() + ":" + actual.port()
                + ")";
        String line = ReportLocation.of(actual).line().orElse("");
        return new Captured("mailbox", summary, listed ? MessageDescription.list(messages, "  ") : "", line);
    }

    private static String plural(int n) {
        return n + (n == 1 ? " message" : " messages");
    }
}
