package cn.labordispute.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code dispute.demo.*}: whether to create demo users and cases, and the admin's password. */
@ConfigurationProperties("dispute.demo")
public record DemoProperties(boolean enabled, String adminPassword) {
}
