package cn.labordispute.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dispute.demo.*}: whether to create demo users (enabled), demo cases too (cases, default true), and the
 * admin's password.
 */
@ConfigurationProperties("dispute.demo")
public record DemoProperties(boolean enabled, Boolean cases, String adminPassword) {

    public boolean createCases() {
        return cases == null || cases;
    }
}
