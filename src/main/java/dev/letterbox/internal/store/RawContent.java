package dev.letterbox.internal.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The octets of one received message, exactly as the client sent them after dot-unstuffing: held on the heap when
 * small, in a temporary file when above the spill threshold. Immutable once made; {@link #release()} deletes the file.
 */
public abstract sealed class RawContent permits RawContent.InMemory, RawContent.InFile {

    /** @return the size in octets */
    public abstract long size();

    /**
     * Opens a fresh stream over the octets.
     *
     * @return a new stream positioned at the first octet
     * @throws UncheckedIOException if the temporary file cannot be read (for example after release)
     */
    public abstract InputStream open();

    /**
     * Returns a copy of the octets.
     *
     * @return the octets
     * @throws IllegalStateException if the content is larger than a Java array can hold
     */
    public abstract byte[] bytes();

    /** @return the temporary file holding the octets, or null when they are on the heap */
    public abstract Path file();

    /** Frees the content; a file-backed one deletes its file. Idempotent. */
    public abstract void release();

    /** Content held in a byte array. */
    public static final class InMemory extends RawContent {
        private final byte[] data;
        private final int length;

        InMemory(byte[] data, int length) {
            this.data = data;
            this.length = length;
        }

        /**
         * Wraps octets (without copying them).
         *
         * @param data the octets, which the caller must not change afterwards
         * @return the content
         */
        public static InMemory of(byte[] data) {
            return new InMemory(data, data.length);
        }

        @Override
        public long size() {
            return length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(data, 0, length);
        }

        @Override
        public byte[] bytes() {
            return java.util.Arrays.copyOf(data, length);
        }

        /**
         * Returns the array holding the octets, without copying: they are its first {@link #size()} octets. For
         * readers that share rather than copy (the MIME parser); nobody may change it.
         *
         * @return the backing array
         */
        public byte[] sharedArray() {
            return data;
        }

        @Override
        public Path file() {
            return null;
        }

        @Override
        public void release() {
            // the heap owns it
        }
    }

    /** Content held in a temporary file. */
    public static final class InFile extends RawContent {
        private final Path path;
        private final long length;

        InFile(Path path, long length) {
            this.path = path;
            this.length = length;
        }

        @Override
        public long size() {
            return length;
        }

        @Override
        public InputStream open() {
            try {
                return Files.newInputStream(path);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the captured message in " + path
                        + "; was the mailbox cleared or the server closed?", e);
            }
        }

        @Override
        public byte[] bytes() {
            if (length > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("the message has " + length
                        + " octets, too many for a byte array; read it with rawStream() instead");
            }
            try {
                return Files.readAllBytes(path);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the captured message in " + path
                        + "; was the mailbox cleared or the server closed?", e);
            }
        }

        @Override
        public Path file() {
            return path;
        }

        @Override
        public void release() {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                path.toFile().deleteOnExit();
            }
        }
    }
}
