package cn.labordispute.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.labordispute.supervision.SupervisionService;
import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The board answers "what needs me now?": unclaimed work, each handler's load and the major risks waiting, each count
 * equal to the database for an organisation's supervisor and for the city; a claimed task that is not yet late is
 * handed to a named mediator with a note; another organisation's supervisor changes nothing.
 */
@StaffApiTest
class BoardWorkloadIntegrationTests {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService tasks;

    @Test
    void everyCountOfWhatNeedsTheSupervisorEqualsTheDatabase() {
        StaffClient wangfang = new StaffClient(http, "wangfang", "demo");
        wangfang.openCase(Applications.mediation("yuzhong"));
        String claimed = (String) wangfang.openCase(Applications.mediation("yuzhong")).getBody().get("caseNumber");
        Task acceptance = tasks.createTaskQuery().processInstanceBusinessKey(claimed)
                .taskDefinitionKey("Task_DecideMediationAcceptance").singleResult();
        tasks.claim(acceptance.getId(), "wangfang");
        ResponseEntity<String> risk = new TestRestTemplate().withBasicAuth("liuyang", "demo").postForEntity(
                http.getRootUri() + "/api/risks", Map.of("organisation", "yuzhong", "employerName", "重庆看板测试建筑有限公司",
                        "source", "PETITION", "workers", 60, "amount", 780000, "petitionRisk", true,
                        "description", "60名农民工欠薪，扬言集体上访"), String.class);
        assertThat(risk.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        String board = get("liuyang", "/supervision");
        assertThat(count(board, "count-unclaimed")).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK "
                + "WHERE ASSIGNEE_ IS NULL AND TENANT_ID_ = 'yuzhong' AND PROC_DEF_ID_ NOT LIKE 'deadline_escalation:%'",
                Long.class)).isPositive();
        assertThat(count(board, "count-risks")).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM pv_risk WHERE "
                + "org_code = 'yuzhong' AND status = 'OPEN' AND risk_level IN ('MAJOR', 'SIGNIFICANT')", Long.class))
                .isPositive();
        assertThat(board).contains("重庆看板测试建筑有限公司", "重大", "承办人在办任务", "王芳", "最早的已等");
        long wangfangOpen = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK WHERE ASSIGNEE_ = 'wangfang' "
                + "AND TENANT_ID_ = 'yuzhong'", Long.class);
        assertThat(board).containsPattern("<td>王芳</td><td class=\"num\">" + wangfangOpen + "</td>");
        assertThat(board).as("the staff to choose from, by name with their load").contains("王芳（在办 " + wangfangOpen);

        String city = get("hemei", "/supervision");
        assertThat(count(city, "count-unclaimed")).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK "
                + "WHERE ASSIGNEE_ IS NULL AND PROC_DEF_ID_ NOT LIKE 'deadline_escalation:%'", Long.class));
        assertThat(count(city, "count-risks")).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM pv_risk WHERE "
                + "status = 'OPEN' AND risk_level IN ('MAJOR', 'SIGNIFICANT')", Long.class));

        // what the city supervisor's Cockpit counts (the engine's task count and its report by candidate group) is every
        // open task: the authorisations and tenants let the city role read all it supervises
        long open = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Long.class);
        assertThat(new TestRestTemplate().withBasicAuth("hemei", "demo").getForObject(http.getRootUri()
                + "/engine-rest/task/count", Map.class).get("count")).isEqualTo((int) open);
        assertThat(new TestRestTemplate().withBasicAuth("hemei", "demo").getForObject(http.getRootUri()
                + "/engine-rest/task/report/candidate-group-count", java.util.List.class)).isNotEmpty();

        // what the board shows exports as the statistics do: CSV with a byte-order mark, Chinese headers, names
        ResponseEntity<byte[]> csv = new TestRestTemplate().withBasicAuth("liuyang", "demo").getForEntity(
                URI.create(http.getRootUri() + "/supervision/board/handlers.csv"), byte[].class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(new String(csv.getBody(), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("\uFEFF承办人,在办,7日内到期,已超期").contains("王芳," + wangfangOpen).doesNotContain("wangfang");
        assertThat(new TestRestTemplate().withBasicAuth("liuyang", "demo").getForEntity(
                URI.create(http.getRootUri() + "/supervision/board/unclaimed.xlsx"), byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(new TestRestTemplate().withBasicAuth("liuyang", "demo").getForEntity(
                URI.create(http.getRootUri() + "/supervision/board/secrets.csv"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        // another organisation's supervisor cannot move it: nothing changes
        ResponseEntity<String> refused = reassign("tianjing", acceptance.getId(), "zhanglei", "改派");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tasks.createTaskQuery().taskId(acceptance.getId()).singleResult().getAssignee()).isEqualTo("wangfang");

        // the supervisor hands the claimed, not yet late task to 张磊 with a note on the timeline
        ResponseEntity<String> moved = reassign("liuyang", acceptance.getId(), "zhanglei", "王芳本周外出培训");
        assertThat(moved.getStatusCode().is3xxRedirection() || moved.getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(tasks.createTaskQuery().taskId(acceptance.getId()).singleResult().getAssignee()).isEqualTo("zhanglei");
        assertThat(jdbc.queryForList("SELECT e.detail FROM dc_case_event e JOIN dc_case c ON c.id = e.case_id "
                + "WHERE c.case_number = ? AND e.kind = 'REASSIGNED'", String.class, claimed))
                .singleElement().asString().contains("受理审查", "王芳本周外出培训");
    }

    @Test
    void theBoardListsTheMostPressingRisksFirstAndCountsThemAll() {
        // more open major risks in 吉首 than the board lists, and one significant risk reported before all of them
        postRisk("tianjing", "吉首看板较大风险公司", "STAFF", 12, 150000, false);
        for (int i = 0; i < SupervisionService.RISK_LIMIT + 1; i++) {
            postRisk("tianjing", "吉首看板重大风险公司" + i, "PETITION", 60, 780000, true);
        }
        long open = jdbc.queryForObject("SELECT COUNT(*) FROM pv_risk WHERE org_code = 'jishou' AND status = 'OPEN' "
                + "AND risk_level IN ('MAJOR', 'SIGNIFICANT')", Long.class);
        long major = jdbc.queryForObject("SELECT COUNT(*) FROM pv_risk WHERE org_code = 'jishou' AND status = 'OPEN' "
                + "AND risk_level = 'MAJOR'", Long.class);
        assertThat(major).isGreaterThan(SupervisionService.RISK_LIMIT);
        assertThat(open).as("the significant risk is open too").isGreaterThan(major);

        String board = get("tianjing", "/supervision");
        assertThat(count(board, "count-risks")).isEqualTo(open);
        String list = board.substring(board.indexOf("id=\"risk-list\""), board.indexOf("</table>", board.indexOf("id=\"risk-list\"")));
        assertThat(list.split("<tr").length - 2).as("rows listed").isEqualTo(SupervisionService.RISK_LIMIT);
        assertThat(list).as("major risks come first").doesNotContain("较大").contains("吉首看板重大风险公司0")
                .doesNotContain("吉首看板重大风险公司" + SupervisionService.RISK_LIMIT);
        assertThat(board).contains("列出最紧迫的 " + SupervisionService.RISK_LIMIT + " 项", "共 " + open + " 项");
    }

    private void postRisk(String supervisor, String employer, String source, int workers, int amount, boolean petition) {
        ResponseEntity<String> risk = new TestRestTemplate().withBasicAuth(supervisor, "demo").postForEntity(
                http.getRootUri() + "/api/risks", Map.of("organisation", "jishou", "employerName", employer,
                        "source", source, "workers", workers, "amount", amount, "petitionRisk", petition,
                        "description", workers + "名职工欠薪"), String.class);
        assertThat(risk.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private String get(String user, String path) {
        ResponseEntity<String> answer = new TestRestTemplate().withBasicAuth(user, "demo")
                .getForEntity(URI.create(http.getRootUri() + path), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private ResponseEntity<String> reassign(String user, String taskId, String to, String note) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("taskId", taskId);
        form.add("assignee", to);
        form.add("note", note);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return new TestRestTemplate().withBasicAuth(user, "demo").exchange(URI.create(http.getRootUri()
                + "/supervision/reassign"), HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }

    private static long count(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">(\\d+)<").matcher(html);
        assertThat(m.find()).as(id).isTrue();
        return Long.parseLong(m.group(1));
    }
}
