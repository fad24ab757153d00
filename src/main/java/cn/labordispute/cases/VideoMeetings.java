package cn.labordispute.cases;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * 线上视频调解: when a mediator schedules a session by video and gives no link of her own, a meeting room is opened on
 * the organisation's video platform and its link stored as {@code sessionLink} — the one link the next step, the case
 * view, the session notice and the parties' notifications all show. The platform is a URL template per organisation
 * ({@code dispute.video.organisations.<code>}), else {@code dispute.video.url-template}; {@code {room}} in it becomes
 * a room name nobody can guess.
 */
@Component("videoMeeting")
public class VideoMeetings implements ExecutionListener {

    /** dispute.video.*: the default platform's link template and each organisation's own. */
    @ConfigurationProperties("dispute.video")
    public record Platforms(String urlTemplate, Map<String, String> organisations) {

        public Platforms {
            urlTemplate = urlTemplate == null || urlTemplate.isBlank() ? "https://meet.jit.si/{room}" : urlTemplate;
            organisations = organisations == null ? Map.of() : Map.copyOf(organisations);
        }

        String template(String organisation) {
            return organisations.getOrDefault(organisation, urlTemplate);
        }
    }

    static final String ONLINE = "ONLINE";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Platforms platforms;

    public VideoMeetings(Platforms platforms) {
        this.platforms = platforms;
    }

    /**
     * As 安排调解会谈 ends (before its notice is issued): a video session gets its room; a link the mediator typed
     * must be a web address, else the step is refused and nothing changes.
     */
    @Override
    public void notify(DelegateExecution execution) {
        if (!ONLINE.equals(execution.getVariable("sessionMode"))) {
            return;
        }
        Object given = execution.getVariable("sessionLink");
        String link = given == null ? "" : given.toString().trim();
        if (link.isEmpty()) {
            link = open((String) execution.getVariable("organisation"));
        } else if (!webAddress(link)) {
            throw TaskInput.invalid("sessionLink", "task.session.link");
        }
        execution.setVariable("sessionLink", link);
    }

    /** A new room's link on the organisation's platform. */
    public String open(String organisation) {
        StringBuilder room = new StringBuilder("tiaojie-").append(organisation == null ? "org" : organisation).append('-');
        for (int i = 0; i < 12; i++) {
            room.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return platforms.template(organisation).replace("{room}", room);
    }

    private static boolean webAddress(String link) {
        try {
            URI uri = URI.create(link);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && link.length() <= 300;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
