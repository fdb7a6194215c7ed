package dev.letterbox.internal.junit;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Puts a value into an {@link ExtensionContext.Store} once, on every JUnit line Letterbox supports: with
 * {@code computeIfAbsent(key, creator, type)} where the running JUnit has it (6.0 and later, where
 * {@code getOrComputeIfAbsent} is deprecated for removal), otherwise with {@code getOrComputeIfAbsent} (5.10 to 5.14).
 * Which one is looked up once, when this class is loaded; the choice is a constant, not state.
 */
final class StoreAccess {
    private static final MethodHandle COMPUTE_IF_ABSENT = computeIfAbsent();

    private StoreAccess() {
    }

    /**
     * Returns the value stored under the key, creating and storing it first if there is none.
     *
     * @param store the store
     * @param key the key
     * @param creator makes the value
     * @param type the value's type
     * @param <K> the key type
     * @param <V> the value type
     * @return the stored value
     */
    @SuppressWarnings("deprecation") // getOrComputeIfAbsent is the only such method before JUnit 6
    static <K, V> V computeIfAbsent(ExtensionContext.Store store, K key, Function<K, V> creator, Class<V> type) {
        if (COMPUTE_IF_ABSENT == null) {
            return store.getOrComputeIfAbsent(key, creator, type);
        }
        try {
            return type.cast(COMPUTE_IF_ABSENT.invoke(store, (Object) key, (Function<?, ?>) creator, type));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static MethodHandle computeIfAbsent() {
        try {
            return MethodHandles.publicLookup().findVirtual(ExtensionContext.Store.class, "computeIfAbsent",
                    MethodType.methodType(Object.class, Object.class, Function.class, Class.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null; // JUnit 5.x
        }
    }
}
