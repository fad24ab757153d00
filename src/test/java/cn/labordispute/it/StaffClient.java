package cn.labordispute.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A member of staff using the system over HTTP, as a client would: the application's /api and Camunda's engine REST
 * API (the same calls the Tasklist makes), with their own user name and password.
 */
class StaffClient {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    final String user;
    private final TestRestTemplate http;

    StaffClient(TestRestTemplate http, String user, String password) {
        this.user = user;
        this.http = http.withBasicAuth(user, password);
    }

    ResponseEntity<Map<String, Object>> openCase(Map<String, Object> application) {
        return http.exchange("/api/cases", HttpMethod.POST, new HttpEntity<>(application), MAP);
    }

    ResponseEntity<Map<String, Object>> getCase(String caseNumber) {
        return http.exchange(caseUri(caseNumber, ""), HttpMethod.GET, null, MAP);
    }

    ResponseEntity<Map<String, Object>> post(String caseNumber, String action, Object body) {
        return http.exchange(caseUri(caseNumber, action), HttpMethod.POST, new HttpEntity<>(body), MAP);
    }

    ResponseEntity<Map<String, Object>> listCases(String query) {
        return http.exchange("/api/cases" + query, HttpMethod.GET, null, MAP);
    }

    /** The documents issued on the case, oldest first, as the REST API lists them. */
    List<Map<String, Object>> documents(String caseNumber) {
        ResponseEntity<List<Map<String, Object>>> answer = http.exchange(caseUri(caseNumber, "/documents"),
                HttpMethod.GET, null, LIST);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    /** Any GET as this user, e.g. a document's HTML or PDF at the address the API gave. */
    <T> ResponseEntity<T> get(String address, Class<T> type) {
        return http.exchange(URI.create(address), HttpMethod.GET, null, type);
    }

    /**
     * The case's tasks this user is offered or holds, through the engine REST API, as the Tasklist's 我的待办 and
     * 本组待认领 show them (tasks whose candidate group is one of the user's, or assigned to the user).
     */
    List<Map<String, Object>> tasks(String caseNumber) {
        Map<String, Object> query = Map.of("processInstanceBusinessKey", caseNumber, "orQueries", List.of(Map.of(
                "candidateUser", user, "includeAssignedTasks", true, "assignee", user)));
        ResponseEntity<String> raw = http.exchange("/engine-rest/task", HttpMethod.POST, new HttpEntity<>(query), String.class);
        assertThat(raw.getStatusCode()).as(raw.getBody()).isEqualTo(HttpStatus.OK);
        ResponseEntity<List<Map<String, Object>>> answer = http.exchange("/engine-rest/task", HttpMethod.POST,
                new HttpEntity<>(query), LIST);
        return answer.getBody();
    }

    /**
     * Claims the case's open task with this key (unless it is already this user's) and completes it with the given
     * variables, as in the Tasklist.
     */
    void claimAndComplete(String caseNumber, String taskKey, Object... keyValues) {
        ResponseEntity<String> completed = tryClaimAndComplete(caseNumber, taskKey, keyValues);
        assertThat(completed.getStatusCode()).as("complete " + taskKey + ": " + completed.getBody())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** As {@link #claimAndComplete} but returns the engine's answer to the completion, whatever it is. */
    ResponseEntity<String> tryClaimAndComplete(String caseNumber, String taskKey, Object... keyValues) {
        Map<String, Object> task = tasks(caseNumber).stream().filter(t -> taskKey.equals(t.get("taskDefinitionKey")))
                .findFirst().orElseThrow(() -> new AssertionError(user + " sees no task " + taskKey + " in " + caseNumber));
        assertThat(task.get("due")).as("due date of " + taskKey).isNotNull();
        String id = (String) task.get("id");
        if (!user.equals(task.get("assignee"))) {
            ResponseEntity<Void> claimed = http.postForEntity("/engine-rest/task/" + id + "/claim",
                    Map.of("userId", user), Void.class);
            assertThat(claimed.getStatusCode()).as("claim " + taskKey).isEqualTo(HttpStatus.NO_CONTENT);
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            variables.put((String) keyValues[i], Map.of("value", keyValues[i + 1]));
        }
        return http.postForEntity("/engine-rest/task/" + id + "/complete", Map.of("variables", variables), String.class);
    }

    private static URI caseUri(String caseNumber, String action) {
        return UriComponentsBuilder.fromPath("/api/cases/{caseNumber}" + action).buildAndExpand(caseNumber).encode()
                .toUri();
    }
}
