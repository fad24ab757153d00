package cn.labordispute.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.labordispute.cases.TaskSearchText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The mediator's Tasklist must stay fast on every call, not only the first five: after five executions of one
 * prepared statement PostgreSQL may switch to a generic plan, and for the engine's authorisation- and tenant-checked
 * task queries a generic plan was once a thousand times slower (a minute per page at 20,000 cases). This test fills a
 * fresh database with a generated set of open cases (a process instance each, its open step with its candidate group
 * and deadline, the card and search variables), captures the exact statements the engine sends for each Tasklist
 * request (本组待认领 page and count, the filters with the cards' variables, 搜索任务 and its count, 我的待办, 已超期),
 * prepares each on a connection of the application's own pool — with the connection settings the application runs
 * with — and executes it twelve times under {@code EXPLAIN (ANALYZE, BUFFERS)}. The build fails when a repeated
 * execution reads many times the pages of the first: a plan that became slower by switching, whatever the timing of
 * the machine.
 */
@StaffApiTest
@ActiveProfiles("postgres")
@Import(CapturedSql.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskListPlanPostgresIntegrationTests {

    /** Open cases in the generated set: enough for the planner to choose as it does on a real database. */
    static final int CASES = 40_000;
    /** Executions per statement: PostgreSQL decides on a generic plan after the fifth. */
    static final int REPEATS = 12;
    /** A repeated execution may read this many times the first's pages (plus {@link #SLACK}) before the build fails. */
    static final int TIMES = 3;
    static final int SLACK = 200;

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ObjectMapper json;

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
        FreshPostgres.use("labor_dispute_plan_it", registry);
    }

    @BeforeAll
    void generate() {
        SyntheticTaskList.fill(jdbc, CASES);
    }

    @Test
    void everyTasklistQueryKeepsItsPlanWhenRepeated() throws SQLException {
        TestRestTemplate wangfang = http.withBasicAuth("wangfang", "demo");
        String groupFilter = filterId(wangfang, "本组待认领");
        String mine = filterId(wangfang, "我的待办");
        String overdue = filterId(wangfang, "已超期");
        String byDue = "\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]";
        String search = "{\"processVariables\":[{\"name\":\"" + TaskSearchText.VARIABLE
                + "\",\"operator\":\"like\",\"value\":\"%用人单位42%\"}]," + byDue + "}";
        Map<String, Supplier<ResponseEntity<String>>> requests = new java.util.LinkedHashMap<>();
        requests.put("本组待认领, page of 50", () -> wangfang.getForEntity(
                "/engine-rest/task?candidateGroup=mediator-yuzhong&unassigned=true&sortBy=dueDate&sortOrder=asc"
                        + "&firstResult=0&maxResults=50", String.class));
        requests.put("本组待认领, count", () -> wangfang.getForEntity(
                "/engine-rest/task/count?candidateGroup=mediator-yuzhong&unassigned=true", String.class));
        requests.put("本组待认领 filter with the cards", () -> filter(wangfang, groupFilter, "list", "{" + byDue + "}"));
        requests.put("搜索任务 with the cards", () -> filter(wangfang, groupFilter, "list", search));
        requests.put("搜索任务, count", () -> filter(wangfang, groupFilter, "count", search));
        requests.put("我的待办 with the cards", () -> filter(wangfang, mine, "list", "{" + byDue + "}"));
        requests.put("已超期 with the cards", () -> filter(wangfang, overdue, "list", "{" + byDue + "}"));

        List<String> switched = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Supplier<ResponseEntity<String>>> request : requests.entrySet()) {
            List<CapturedSql.Statement> sent = CapturedSql.during(() -> {
                ResponseEntity<String> answer = request.getValue().get();
                assertThat(answer.getStatusCode()).as(request.getKey() + ": " + answer.getBody()).isEqualTo(HttpStatus.OK);
                assertThat(answer.getBody()).as(request.getKey()).isNotEqualTo("[]");
                return answer;
            });
            List<CapturedSql.Statement> engineQueries = sent.stream()
                    .filter(s -> s.sql().contains("ACT_RU_TASK") || s.sql().contains("ACT_RU_VARIABLE")).toList();
            assertThat(engineQueries).as(request.getKey() + " sent no task query").isNotEmpty();
            for (CapturedSql.Statement statement : engineQueries) {
                long[] pages = repeat(statement);
                checked++;
                long first = pages[0];
                for (int i = 1; i < pages.length; i++) {
                    if (pages[i] > TIMES * first + SLACK) {
                        switched.add(String.format("%s: execution %d read %d pages, the first %d %s (%s)", request.getKey(),
                                i + 1, pages[i], first, Arrays.toString(pages), statement.sql().replaceAll("\\s+", " ")));
                        break;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(requests.size());
        assertThat(switched).as("repeated Tasklist queries that switched to a slower plan").isEmpty();
    }

    /**
     * The pages (shared buffers hit or read, temporary blocks) each of {@link #REPEATS} executions of the statement
     * reads, prepared once on a connection of the application's pool as the driver prepares it on the server.
     */
    private long[] repeat(CapturedSql.Statement statement) throws SQLException {
        List<String> types = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Object value : statement.parameters()) {
            types.add(SqlLiterals.type(value));
            values.add(SqlLiterals.literal(value));
        }
        String prepare = "PREPARE plan_check" + (types.isEmpty() ? "" : "(" + String.join(", ", types) + ")") + " AS "
                + SqlLiterals.numberedParameters(statement.sql());
        String execute = "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) EXECUTE plan_check"
                + (values.isEmpty() ? "" : "(" + String.join(", ", values) + ")");
        long[] pages = new long[REPEATS];
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(prepare);
            try {
                for (int i = 0; i < REPEATS; i++) {
                    try (ResultSet plan = sql.executeQuery(execute)) {
                        plan.next();
                        pages[i] = pagesRead(json.readTree(plan.getString(1)).get(0).get("Plan"));
                    }
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            } finally {
                sql.execute("DEALLOCATE plan_check");
            }
        }
        return pages;
    }

    private static long pagesRead(JsonNode plan) {
        long pages = 0;
        for (String field : List.of("Shared Hit Blocks", "Shared Read Blocks", "Local Hit Blocks", "Local Read Blocks",
                "Temp Read Blocks", "Temp Written Blocks")) {
            pages += plan.path(field).asLong();
        }
        return pages;
    }

    private ResponseEntity<String> filter(TestRestTemplate staff, String filter, String what, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        boolean list = what.equals("list");
        headers.setAccept(List.of(list ? MediaType.parseMediaType("application/hal+json") : MediaType.APPLICATION_JSON));
        String page = list ? "?firstResult=0&maxResults=15" : "";
        return staff.exchange("/engine-rest/filter/" + filter + "/" + what + page, HttpMethod.POST,
                new HttpEntity<>(body, headers), String.class);
    }

    private String filterId(TestRestTemplate staff, String name) {
        ResponseEntity<String> answer = staff.getForEntity("/engine-rest/filter?name={name}", String.class, name);
        try {
            return json.readTree(answer.getBody()).get(0).get("id").asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
