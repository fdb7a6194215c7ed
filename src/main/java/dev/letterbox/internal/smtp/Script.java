package dev.letterbox.internal.smtp;

import dev.letterbox.SmtpEffect;
import dev.letterbox.SmtpRule;
import dev.letterbox.SmtpStage;
import java.util.ArrayList;
import java.util.List;

/**
 * The scripted faults of one server: the rules added during a test (tried first, in the order added), then the
 * rules of its options; each remembers how many firings it has left. Thread-safe: every session of the server asks it.
 */
public final class Script {

    private static final class Entry {
        final SmtpRule rule;
        int left; // -1: every time

        Entry(SmtpRule rule) {
            this.rule = rule;
            this.left = rule.times().orElse(-1);
        }
    }

    private final List<SmtpRule> configured;
    private final List<Entry> entries = new ArrayList<>();
    private int addedCount;
    private volatile boolean empty;

    /** @param configured the rules of the server's options, tried after the added ones */
    public Script(List<SmtpRule> configured) {
        this.configured = List.copyOf(configured);
        reset();
    }

    /**
     * Adds a rule, tried after the rules added before it and before the configured ones.
     *
     * @param rule the rule
     */
    public synchronized void add(SmtpRule rule) {
        entries.add(addedCount++, new Entry(rule));
        empty = false;
    }

    /** @return the rules added so far, in order */
    public synchronized List<SmtpRule> added() {
        List<SmtpRule> out = new ArrayList<>(addedCount);
        for (int i = 0; i < addedCount; i++) {
            out.add(entries.get(i).rule);
        }
        return List.copyOf(out);
    }

    /** Removes the added rules; the configured ones stay, with the firings they have left. */
    public synchronized void clearAdded() {
        entries.subList(0, addedCount).clear();
        addedCount = 0;
        empty = entries.isEmpty();
    }

    /** Removes the added rules and gives the configured ones all their firings again, as for a new test. */
    public synchronized void reset() {
        entries.clear();
        addedCount = 0;
        for (SmtpRule r : configured) { // a loop, not a lambda: this runs on the way to a server's first greeting
            entries.add(new Entry(r));
        }
        empty = entries.isEmpty();
    }

    /**
     * Finds the first rule of the stage that matches and has firings left, and uses one.
     *
     * @param stage the stage
     * @param subject what the rule's pattern matches
     * @return the rule that fires, or null
     */
    SmtpRule fire(SmtpStage stage, String subject) {
        if (empty) {
            return null; // the common case, without a lock
        }
        synchronized (this) {
            for (Entry e : entries) {
                if (e.left != 0 && e.rule.stage() == stage && e.rule.matches(subject)) {
                    if (e.left > 0) {
                        e.left--;
                    }
                    return e.rule;
                }
            }
            return null;
        }
    }

    /**
     * Finds and uses the effect for a stage, noting the firing in the session's transcript.
     *
     * @param stage the stage
     * @param subject what the rule's pattern matches
     * @param session the transcript
     * @return the effect, or null to go on as usual
     */
    public SmtpEffect effect(SmtpStage stage, String subject, SessionRecord session) {
        SmtpRule rule = fire(stage, subject);
        if (rule == null) {
            return null;
        }
        session.event("scripted " + rule);
        return rule.effect();
    }
}
