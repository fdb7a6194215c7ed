package dev.letterbox.spring;

import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpServer;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts the server of one application context before the context is refreshed, points {@code spring.mail.*} at it
 * (see {@link SpringMailProperties}), registers its mailbox, and closes it with the context (also when the refresh
 * fails). Two customizers are equal when their options are, so equal options share a cached context.
 */
final class MailServerContextCustomizer implements ContextCustomizer {
    /** The name of the property source, the first of the environment. */
    static final String PROPERTY_SOURCE_NAME = "letterbox";
    /** The name of the property source of the defaults the application's configuration overrides, the last one. */
    static final String DEFAULTS_SOURCE_NAME = "letterboxDefaults";

    private final ServerOptions options;

    MailServerContextCustomizer(ServerOptions options) {
        this.options = options;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
        ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
        if (!(beanFactory instanceof DefaultSingletonBeanRegistry registry)) {
            throw new IllegalStateException("@SpringCaptureMail needs a bean factory that can destroy a registered"
                    + " singleton (a DefaultListableBeanFactory, as every Spring application context has), not "
                    + beanFactory.getClass().getName());
        }
        ContextMailServer server = new ContextMailServer(SmtpServer.start(options));
        try {
            beanFactory.registerSingleton(ContextMailServer.BEAN_NAME, server);
            beanFactory.registerSingleton(ContextMailServer.MAILBOX_BEAN_NAME, server.mailbox());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        registry.registerDisposableBean(ContextMailServer.BEAN_NAME, server::close);
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        sources.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
                SpringMailProperties.overrides(server.mailbox())));
        sources.addLast(new MapPropertySource(DEFAULTS_SOURCE_NAME, SpringMailProperties.defaults(options)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MailServerContextCustomizer other && options.equals(other.options);
    }

    @Override
    public int hashCode() {
        return options.hashCode();
    }

    @Override
    public String toString() {
        return "MailServerContextCustomizer{" + options + "}";
    }
}
