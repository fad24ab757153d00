package cn.labordispute.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.DefaultResponseErrorHandler;
import org.springframework.web.client.RestTemplate;

/** A browser's view of the system for tests: redirects and errors are answers, and the staff login form. */
final class Browsers {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private Browsers() {
    }

    /** A client that follows no redirect and treats every status as an answer (optionally with HTTP Basic). */
    static RestTemplate client(String rootUri, String user, String password) {
        RestTemplateBuilder builder = new RestTemplateBuilder().rootUri(rootUri)
                .requestFactory(() -> new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER).build()))
                .errorHandler(new DefaultResponseErrorHandler() {
                    @Override
                    public boolean hasError(ClientHttpResponse response) {
                        return false;
                    }
                });
        return user == null ? builder.build() : builder.basicAuthentication(user, password).build();
    }

    static RestTemplate client(String rootUri) {
        return client(rootUri, null, null);
    }

    /** Posts the login form as a browser would (password demo), going back to {@code next}; the answer. */
    static ResponseEntity<String> login(RestTemplate browser, String user, String next) {
        ResponseEntity<String> form = browser.getForEntity("/login", String.class);
        String cookie = form.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
        Matcher csrf = CSRF.matcher(form.getBody());
        assertThat(csrf.find()).isTrue();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, cookie);
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("username", user);
        fields.add("password", "demo");
        if (next != null) {
            fields.add("next", next);
        }
        fields.add("_csrf", csrf.group(1));
        return browser.postForEntity("/login", new HttpEntity<>(fields, headers), String.class);
    }

    /** The session cookie of a member of staff logged in through the form. */
    static String session(RestTemplate browser, String user) {
        return login(browser, user, null).getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
    }

    /**
     * The headers of a staff member's session in the Camunda webapps, as their pages send them: the session cookie
     * and the webapps' own XSRF cookie and header (fetched with a first GET).
     */
    static HttpHeaders webappSession(RestTemplate browser, String user) {
        String session = session(browser, user);
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, session);
        ResponseEntity<String> first = browser.exchange("/camunda/api/engine/engine/default/deployment/count",
                HttpMethod.GET, new HttpEntity<>(headers), String.class);
        String token = first.getHeaders().getFirst("X-XSRF-TOKEN");
        String cookie = first.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of()).stream()
                .filter(c -> c.startsWith("XSRF-TOKEN")).map(c -> c.split(";")[0]).findFirst().orElse("");
        headers.set(HttpHeaders.COOKIE, session + "; " + cookie);
        headers.add("X-XSRF-TOKEN", token);
        return headers;
    }
}
