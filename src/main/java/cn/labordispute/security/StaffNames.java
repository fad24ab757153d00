package cn.labordispute.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Staff by their names on every page: templates write {@code ${names.of(userId)}} (王芳, not wangfang). Names are
 * read from the directory and kept ten minutes.
 */
@ControllerAdvice(annotations = Controller.class)
public class StaffNames {

    private static final Duration KEPT = Duration.ofMinutes(10);
    /** Who acts where no member of staff does: the party online, the system on its own. */
    private static final Map<String, String> SYSTEM_ACTORS = Map.of("portal", "当事人（网上）", "system", "系统");

    private record Name(String name, Instant read) {
    }

    private final StaffDirectory directory;
    private final Map<String, Name> names = new ConcurrentHashMap<>();

    StaffNames(StaffDirectory directory) {
        this.directory = directory;
    }

    @ModelAttribute("names")
    StaffNames names() {
        return this;
    }

    /** The name of a member of staff; the login where the directory has none; empty for none. */
    public String of(String userId) {
        if (userId == null || userId.isBlank()) {
            return "";
        }
        if (SYSTEM_ACTORS.containsKey(userId)) {
            return SYSTEM_ACTORS.get(userId);
        }
        Instant now = Instant.now();
        Name known = names.get(userId);
        if (known == null || known.read().plus(KEPT).isBefore(now)) {
            known = new Name(directory.displayName(userId), now);
            names.put(userId, known);
        }
        return known.name();
    }
}
