package dev.letterbox.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The library's published pom brings no Spring artifact to a user: every Spring dependency of the build is
 * {@code provided} (compiled against, the user's own Spring at run time) or {@code test}, and neither is transitive.
 */
class NoSpringDependencyTest {

    @Test
    void everySpringDependencyIsProvidedOrTestScoped() throws Exception {
        // given
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        Element dependencies = child(pom.getDocumentElement(), "dependencies");

        // when
        List<String> springScopes = new ArrayList<>();
        for (Node n = dependencies.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element dependency && text(dependency, "groupId").startsWith("org.springframework")) {
                springScopes.add(text(dependency, "artifactId") + ":" + text(dependency, "scope"));
            }
        }

        // then
        assertThat(springScopes).isNotEmpty().allMatch(s -> s.endsWith(":provided") || s.endsWith(":test"));
        assertThat(springScopes).contains("spring-test:provided", "spring-context:provided");
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
    }

    private static String text(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        return "compile";
    }
}
