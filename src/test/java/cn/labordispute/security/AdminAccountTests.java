package cn.labordispute.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A fresh installation's administrator password goes to an owner-only file, never to the log. */
@ExtendWith(OutputCaptureExtension.class)
class AdminAccountTests {

    @Test
    void theGeneratedPasswordIsWrittenToAnOwnerOnlyFileAndNotLogged(@TempDir Path dir, CapturedOutput output)
            throws Exception {
        IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
        AuthorizationService authorizations = mock(AuthorizationService.class, RETURNS_DEEP_STUBS);
        User admin = mock(User.class);
        when(identity.createUserQuery().userId(AdminAccount.ADMIN).count()).thenReturn(0L);
        when(identity.newUser(anyString())).thenReturn(admin);
        Path file = dir.resolve("data/admin-initial-password.txt");

        new AdminAccount(identity, authorizations, false, "admin", "", file).ensure();

        ArgumentCaptor<String> password = ArgumentCaptor.forClass(String.class);
        org.mockito.Mockito.verify(admin).setPassword(password.capture());
        assertThat(password.getValue()).hasSize(20);
        assertThat(Files.readString(file).trim()).isEqualTo(password.getValue());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(output.getAll()).contains(file.toAbsolutePath().toString()).doesNotContain(password.getValue());
    }
}
