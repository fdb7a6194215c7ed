package com.example.events;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A meetup that attendees are invited to.
 *
 * @param uid the calendar UID of the event, stable across updates
 * @param title the title, also the calendar summary
 * @param location where it takes place
 * @param start when it starts
 * @param length how long it lasts
 * @param agendaPdf the agenda, attached to every invitation
 */
public record Meetup(String uid, String title, String location, ZonedDateTime start, Duration length,
                     byte[] agendaPdf) {

    /** Checks that every field is present. */
    public Meetup {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(length, "length");
        agendaPdf = agendaPdf.clone();
    }

    /** @return a copy of the agenda */
    @Override
    public byte[] agendaPdf() {
        return agendaPdf.clone();
    }
}
