package dev.letterbox.internal.mime;

import java.io.InputStream;
import java.io.Reader;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Properties that refuse every change after construction: the properties of the one parsing {@link
 * jakarta.mail.Session} the whole JVM shares, so that code holding that Session (through a message's
 * {@code getSession()}) cannot change how another test's messages are parsed.
 */
final class FrozenProperties extends Properties {
    private static final long serialVersionUID = 1L;

    FrozenProperties(Map<String, String> values) {
        values.forEach(super::put);
    }

    private static UnsupportedOperationException frozen() {
        return new UnsupportedOperationException("the properties of Letterbox's shared parsing session are read-only");
    }

    @Override
    public synchronized Object setProperty(String key, String value) {
        throw frozen();
    }

    @Override
    public synchronized Object put(Object key, Object value) {
        throw frozen();
    }

    @Override
    public synchronized void putAll(Map<?, ?> t) {
        throw frozen();
    }

    @Override
    public synchronized Object putIfAbsent(Object key, Object value) {
        throw frozen();
    }

    @Override
    public synchronized Object remove(Object key) {
        throw frozen();
    }

    @Override
    public synchronized boolean remove(Object key, Object value) {
        throw frozen();
    }

    @Override
    public synchronized Object replace(Object key, Object value) {
        throw frozen();
    }

    @Override
    public synchronized boolean replace(Object key, Object oldValue, Object newValue) {
        throw frozen();
    }

    @Override
    public synchronized void replaceAll(BiFunction<? super Object, ? super Object, ?> function) {
        throw frozen();
    }

    @Override
    public synchronized Object compute(Object key,
            BiFunction<? super Object, ? super Object, ?> remappingFunction) {
        throw frozen();
    }

    @Override
    public synchronized Object computeIfAbsent(Object key, Function<? super Object, ?> mappingFunction) {
        throw frozen();
    }

    @Override
    public synchronized Object computeIfPresent(Object key,
            BiFunction<? super Object, ? super Object, ?> remappingFunction) {
        throw frozen();
    }

    @Override
    public synchronized Object merge(Object key, Object value,
            BiFunction<? super Object, ? super Object, ?> remappingFunction) {
        throw frozen();
    }

    @Override
    public synchronized void clear() {
        throw frozen();
    }

    @Override
    public synchronized void load(Reader reader) {
        throw frozen();
    }

    @Override
    public synchronized void load(InputStream inStream) {
        throw frozen();
    }

    @Override
    public synchronized void loadFromXML(InputStream in) {
        throw frozen();
    }

    @Override
    public Set<Object> keySet() {
        return Collections.unmodifiableSet(super.keySet());
    }

    @Override
    public Set<Map.Entry<Object, Object>> entrySet() {
        return Collections.unmodifiableSet(super.entrySet());
    }

    @Override
    public Collection<Object> values() {
        return Collections.unmodifiableCollection(super.values());
    }

    @Override
    public synchronized boolean equals(Object o) {
        return super.equals(o);
    }

    @Override
    public synchronized int hashCode() {
        return super.hashCode();
    }
}
