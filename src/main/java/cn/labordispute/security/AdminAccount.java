package cn.labordispute.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The administrator account ({@code admin}, group {@code camunda-admin} with every permission). Outside the demo no
 * default password exists: the configured one ({@code dispute.security.admin-password}) is used, or on a fresh
 * installation one is generated and written to a file only the system's user can read (never to the log); an installation whose administrator still has the demo's password
 * refuses to start. The demo keeps admin / admin and says so at start-up and on the login page.
 */
@Component
public class AdminAccount {

    public static final String ADMIN = "admin";
    static final String DEMO_PASSWORD = "admin";
    private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final boolean demo;
    private final String demoPassword;
    private final String configuredPassword;
    private final Path passwordFile;

    public AdminAccount(IdentityService identity, AuthorizationService authorizations,
            @Value("${dispute.demo.enabled:false}") boolean demo,
            @Value("${dispute.demo.admin-password:admin}") String demoPassword,
            @Value("${dispute.security.admin-password:}") String configuredPassword,
            @Value("${dispute.security.admin-password-file:./data/admin-initial-password.txt}") Path passwordFile) {
        this.passwordFile = passwordFile;
        this.identity = identity;
        this.authorizations = authorizations;
        this.demo = demo;
        this.demoPassword = demoPassword;
        this.configuredPassword = configuredPassword;
    }

    /** Whether the demo's well-known administrator password is in use (the login page warns). */
    public boolean demoPasswordInUse() {
        return demo;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void ensure() {
        ensureAdminsGroup();
        if (identity.createUserQuery().userId(ADMIN).count() == 0) {
            String password = demo ? demoPassword : configuredPassword;
            if (!demo && DEMO_PASSWORD.equals(password)) {
                throw demoPasswordRefused();
            }
            boolean generated = !demo && (password == null || password.isBlank());
            if (generated) {
                password = generate();
            }
            create(password);
            if (generated) {
                Path file = writeOwnerOnly(passwordFile, password);
                log.warn("\n\n  The administrator account was created: user admin; its password is in {} (readable by "
                        + "this system's operating-system user only).\n  Log in, change it in Admin (系统管理), then "
                        + "delete the file.\n", file.toAbsolutePath());
            }
        } else if (!demo && identity.checkPassword(ADMIN, DEMO_PASSWORD)) {
            throw demoPasswordRefused();
        }
        if (identity.createUserQuery().userId(ADMIN).memberOfGroup(Roles.ADMINS).count() == 0) {
            identity.createMembership(ADMIN, Roles.ADMINS);
        }
        if (demo) {
            log.warn("DEMO: the administrator and every demo user have the demo's well-known passwords (README). "
                    + "Never use the demo set-up for real cases.");
        }
    }

    private static IllegalStateException demoPasswordRefused() {
        return new IllegalStateException("The administrator 'admin' would have the demo password. Outside the demo "
                + "this is refused: set DISPUTE_SECURITY_ADMIN_PASSWORD to another password (and change it in Admin), "
                + "or start with the demo enabled (dispute.demo.enabled=true) for a test installation.");
    }

    private void create(String password) {
        User user = identity.newUser(ADMIN);
        user.setFirstName("系统管理员");
        user.setLastName("admin");
        user.setEmail("admin@example.cn");
        user.setPassword(password);
        identity.saveUser(user);
    }

    /** The camunda-admin group may do everything, as Camunda's own administrator set-up grants. */
    private void ensureAdminsGroup() {
        if (identity.createGroupQuery().groupId(Roles.ADMINS).count() == 0) {
            Group group = identity.newGroup(Roles.ADMINS);
            group.setName("系统管理员");
            group.setType("SYSTEM");
            identity.saveGroup(group);
        }
        for (Resource resource : Resources.values()) {
            if (authorizations.createAuthorizationQuery().groupIdIn(Roles.ADMINS).resourceType(resource)
                    .resourceId(Authorization.ANY).count() == 0) {
                Authorization all = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                all.setGroupId(Roles.ADMINS);
                all.setResource(resource);
                all.setResourceId(Authorization.ANY);
                all.addPermission(Permissions.ALL);
                authorizations.saveAuthorization(all);
            }
        }
    }

    /**
     * The generated password goes to a file only this system's user may read, never to the log (logs are collected
     * and kept where many people read them).
     */
    private static Path writeOwnerOnly(Path file, String password) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, password + System.lineSeparator());
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the administrator's first password to " + file
                    + ": set DISPUTE_SECURITY_ADMIN_PASSWORD or DISPUTE_SECURITY_ADMIN_PASSWORD_FILE", e);
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
