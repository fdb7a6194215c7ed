/**
 * Spring integration: {@link dev.letterbox.spring.SpringCaptureMail} gives a Spring test's application context one
 * Letterbox server for its whole life, safe with Spring's context cache. Needs {@code spring-test} (Spring Framework
 * 6.2 or 7.0) on the test class path; with Spring Boot the server also sets {@code spring.mail.host} and
 * {@code spring.mail.port}. Letterbox itself brings no Spring dependency.
 */
package dev.letterbox.spring;
