package com.example.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Proves the run is a pure JUnit 5.10 one: the JUnit classes that run these tests all come from the 5.10.5 (platform
 * 1.10.5) jars this project declares, so Letterbox brought no JUnit of another version onto the class path.
 */
class JUnitOnTheClassPathTest {

    @Test
    void everyJUnitClassComesFromTheVersionThisProjectDeclares() {
        Stream.of(
                "org.junit.jupiter.api.Test",                          // junit-jupiter-api
                "org.junit.jupiter.engine.JupiterTestEngine",          // junit-jupiter-engine
                "org.junit.jupiter.params.ParameterizedTest",          // junit-jupiter-params
                "org.junit.platform.commons.support.ReflectionSupport", // junit-platform-commons
                "org.junit.platform.engine.TestEngine",                // junit-platform-engine
                "org.junit.platform.launcher.Launcher")                // junit-platform-launcher (Surefire's)
                .forEach(name -> assertThat(jarOf(name))
                        .as("the jar of %s", name)
                        .matches(".*/junit-(jupiter|platform)-[a-z]+-(5|1)\\.10\\.5\\.jar"));
    }

    private static String jarOf(String className) {
        try {
            return Class.forName(className).getProtectionDomain().getCodeSource().getLocation().getPath();
        } catch (ClassNotFoundException e) {
            throw new AssertionError(className + " is not on the test class path", e);
        }
    }
}
