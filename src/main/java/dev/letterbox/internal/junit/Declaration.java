package dev.letterbox.internal.junit;

import dev.letterbox.CaptureMail;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * One place that configures Letterbox for a test: an annotated method, an annotated class, or a
 * {@code @RegisterExtension} field, or (kind {@link Kind#IMPLICIT}) none of them.
 *
 * @param kind what declares it
 * @param level the class it belongs to (the test class for a method annotation)
 * @param annotation the annotation, for the annotation kinds
 * @param field the field, for {@link Kind#FIELD}
 * @param description how an error message names it, such as {@code @CaptureMail on class SignupTest}
 */
public record Declaration(Kind kind, Class<?> level, CaptureMail annotation, Field field, String description) {

    /** What declares the configuration. */
    public enum Kind {
        /** {@code @CaptureMail} on (or meta-present on) a test method. */
        METHOD_ANNOTATION,
        /** {@code @CaptureMail} on (or meta-present on, or inherited by) a test class. */
        CLASS_ANNOTATION,
        /** A {@code @RegisterExtension} field of type {@code LetterboxExtension}. */
        FIELD,
        /** No declaration found: the extension was registered some other way, such as {@code @ExtendWith}. */
        IMPLICIT
    }

    /** @return true for a static {@code @RegisterExtension} field */
    public boolean isStaticField() {
        return field != null && Modifier.isStatic(field.getModifiers());
    }
}
