package dev.letterbox.internal.mime;

import java.util.function.Supplier;

/**
 * A value computed on first use, once, then cached; safe to share between threads.
 *
 * @param <T> the value type
 */
public final class Lazy<T> {
    private Supplier<T> supplier;
    private volatile T value;

    /**
     * @param supplier computes the value; called at most once unless it throws
     */
    public Lazy(Supplier<T> supplier) {
        this.supplier = supplier;
    }

    /** @return the value, computing it on the first call */
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = supplier.get();
                    value = v;
                    supplier = null;
                }
            }
        }
        return v;
    }
}
