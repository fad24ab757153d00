package cn.labordispute.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.labordispute.deadlines.Deadlines;
import cn.labordispute.models.PolicyTables;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A policy officer edits the tables in the page's grid (/api/policy/tables/…): the grid is in words, a wrong cell is
 * named in Chinese and nothing changes, the preview says what the change does, the deployment needs a reason and is
 * in force at once; the downloads are Chinese with a byte-order mark and can be uploaded again as they are. A draft
 * decision table is checked and tried on typed inputs (/api/policy/decisions/…) before it is deployed.
 */
@TestExecutionListeners(listeners = EngineOfThisContext.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:policy-table-edit;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "dispute.demo.enabled=true",
    "dispute.demo.cases=false"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PolicyTableEditIntegrationTests {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };
    private static final String PERIODS = "/api/policy/tables/statutory-periods.csv";
    private static final String HOLIDAYS = "/api/policy/tables/holidays-cn.csv";

    @Autowired TestRestTemplate http;
    @Autowired PolicyTables tables;
    @Autowired Deadlines deadlines;
    @Autowired org.camunda.bpm.engine.DecisionService decisions;
    @Autowired org.camunda.bpm.engine.TaskService taskService;

    TestRestTemplate policy() {
        return http.withBasicAuth("huangli", "demo");
    }

    @Test
    @Order(1)
    void onlyPolicyEditorsSeeTheGrid() {
        assertThat(http.withBasicAuth("wangfang", "demo").exchange(PERIODS + "/grid", HttpMethod.GET, null, MAP).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("liuyang", "demo").exchange(PERIODS + "/versions", HttpMethod.POST,
                new HttpEntity<>(Map.of("rows", List.of(), "comment", "x")), MAP).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("wangfang", "demo").getForEntity("/policy/tables/statutory-periods.csv", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> page = policy().getForEntity("/policy/tables/statutory-periods.csv", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("法定期间与政策期限", "长度", "单位", "法律依据", "预览这次修改");
    }

    @Test
    @Order(2)
    void theGridIsInWords() {
        Map<String, Object> grid = grid(PERIODS);
        List<List<String>> rows = rows(grid);
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("FOLLOW_UP_VISIT", "结案回访期限", "30", "日"));
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("MEDIATION_ACCEPTANCE", "调解受理审查期限", "3", "工作日"));
        assertThat(rows).allSatisfy(r -> assertThat(r.get(3)).isIn("日", "工作日", "月", "年"));
        assertThat(rows).allSatisfy(r -> assertThat(r.get(7)).isIn("已核实", "未核实", "政策规定"));
        assertThat(grid.get("layout").toString()).contains("法定期间与政策期限", "法律依据");
        assertThat(((Number) grid.get("version")).intValue()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aWrongCellIsNamedInChineseAndNothingIsDeployed() {
        List<List<String>> rows = rows(grid(PERIODS));
        int visit = index(rows, "FOLLOW_UP_VISIT");
        rows.get(visit).set(2, "三十");
        rows.get(visit).set(3, "天");
        Map<String, Object> checked = post(PERIODS + "/check", Map.of("rows", rows), HttpStatus.OK);
        List<Map<String, Object>> errors = list(checked, "errors");
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.get("field")).isEqualTo("rows[" + visit + "].length");
            assertThat((String) e.get("message")).contains("第" + (visit + 1) + "行", "长度", "正整数", "三十");
        }).anySatisfy(e -> {
            assertThat(e.get("field")).isEqualTo("rows[" + visit + "].unit");
            assertThat((String) e.get("message")).contains("单位", "日、工作日、月、年");
        });
        Map<String, Object> refused = post(PERIODS + "/versions", Map.of("rows", rows, "comment", "试改"), HttpStatus.BAD_REQUEST);
        assertThat(refused.get("errors").toString()).contains("rows[" + visit + "].length");
        // a period named twice is the reader's rule, named on the row
        List<List<String>> twice = rows(grid(PERIODS));
        twice.add(new ArrayList<>(twice.get(visit)));
        assertThat(list(post(PERIODS + "/check", Map.of("rows", twice), HttpStatus.OK), "errors"))
                .anySatisfy(e -> assertThat((String) e.get("message")).contains("第" + twice.size() + "行", "代码", "重复"));
        // not rows at all
        assertThat(post(PERIODS + "/check", Map.of("rows", "FOLLOW_UP_VISIT"), HttpStatus.BAD_REQUEST).get("errors").toString())
                .contains("rows");
        assertThat(post("/api/policy/tables/nothing.csv/check", Map.of("rows", List.of()), HttpStatus.BAD_REQUEST).get("errors")
                .toString()).contains("nothing.csv");
        assertThat(tables.current(PolicyTables.PERIODS).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    @Order(4)
    @SuppressWarnings("unchecked")
    void shorteningTheReturnVisitIsPreviewedInWordsThenDeployedWithAReason() {
        List<List<String>> rows = rows(grid(PERIODS));
        rows.get(index(rows, "FOLLOW_UP_VISIT")).set(2, "20");
        Map<String, Object> preview = post(PERIODS + "/preview", Map.of("rows", rows), HttpStatus.OK);
        assertThat((List<String>) preview.get("changes")).containsExactly("修改“结案回访期限”：长度由“30”改为“20”");
        assertThat((List<String>) preview.get("effects")).singleElement().asString()
                .contains("“结案回访期限”由30日改为20日", "正在“回访当事人”的0件案件保持已定的到期日", "今天开始的将于")
                .doesNotContain("FOLLOW_UP_VISIT", "DAYS");
        assertThat((List<?>) preview.get("violations")).isEmpty();

        Map<String, Object> noReason = post(PERIODS + "/versions", Map.of("rows", rows, "comment", " "), HttpStatus.BAD_REQUEST);
        assertThat(noReason.get("errors").toString()).contains("comment", "部署原因");

        LocalDate closed = LocalDate.of(2026, 12, 1);
        assertThat(deadlines.compute("FOLLOW_UP_VISIT", closed).due()).isEqualTo(LocalDate.of(2026, 12, 31));
        Map<String, Object> deployed = post(PERIODS + "/versions", Map.of("rows", rows, "comment", "回访提前到结案后20日内"),
                HttpStatus.CREATED);
        assertThat((List<String>) deployed.get("tableVersions")).containsExactly("statutory-periods.csv:2");
        assertThat(deadlines.compute("FOLLOW_UP_VISIT", closed).due()).isEqualTo(LocalDate.of(2026, 12, 21));
        // a case closed now: its return visits are due 20 days after closing, as the new version says
        StaffClient mediator = new StaffClient(http, "wangfang", "demo");
        String caseNumber = (String) mediator.openCase(Applications.mediation("yuzhong")).getBody().get("caseNumber");
        assertThat(mediator.post(caseNumber, "/withdrawal", Map.of("reason", "已与单位和解")).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        List<org.camunda.bpm.engine.task.Task> visits = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("Task_ReturnVisit").list();
        assertThat(visits).isNotEmpty().allSatisfy(t -> assertThat(t.getDueDate())
                .isEqualTo(Deadlines.endOf(deadlines.compute("FOLLOW_UP_VISIT", cn.labordispute.calendar.EngineTime.today()).due())));
        assertThat(deadlines.compute("FOLLOW_UP_VISIT", cn.labordispute.calendar.EngineTime.today()).period().length()).isEqualTo(20);
        String stored = tables.current(PolicyTables.PERIODS).orElseThrow().content();
        assertThat(stored).startsWith("name,title,length,unit,counts_from,extension,source,verified\n# ")
                .contains("\nFOLLOW_UP_VISIT,结案回访期限,20,DAYS,结案之日,").contains(",WORKING_DAYS,");
        // the same rows again: nothing to deploy
        assertThat(post(PERIODS + "/versions", Map.of("rows", rows, "comment", "再次"), HttpStatus.BAD_REQUEST).get("errors").toString())
                .contains("完全相同");
    }

    @Test
    @Order(5)
    void aHolidayAddedIn2027MovesADeadlineAcrossIt() {
        // 2027 is not yet in the calendar: New Year's Day is counted as a working day
        LocalDate from = LocalDate.of(2026, 12, 30);
        LocalDate before = deadlines.compute("MEDIATION_ACCEPTANCE", from).due();
        List<List<String>> rows = rows(grid(HOLIDAYS));
        rows.add(new ArrayList<>(List.of("2027年1月1日", "放假", "元旦")));
        Map<String, Object> preview = post(HOLIDAYS + "/preview", Map.of("rows", rows), HttpStatus.OK);
        assertThat(preview.get("changes").toString()).contains("新增一行：日期 2027年1月1日，类型 放假，节日 元旦");
        assertThat(preview.get("effects").toString()).contains("已开始的", "保持已定的日期");
        post(HOLIDAYS + "/versions", Map.of("rows", rows, "comment", "国务院办公厅2027年部分节假日安排（元旦）"), HttpStatus.CREATED);
        LocalDate after = deadlines.compute("MEDIATION_ACCEPTANCE", from).due();
        assertThat(before).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(after).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(tables.current(PolicyTables.HOLIDAYS).orElseThrow().content()).contains("\n2027-01-01,REST,元旦\n");
    }

    @Test
    @Order(6)
    void downloadsAreChineseForExcelAndComeBackAsTheyAre() throws Exception {
        ResponseEntity<byte[]> csv = policy().getForEntity(PERIODS + "/download?format=csv", byte[].class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        byte[] bytes = csv.getBody();
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF代码,名称,长度,单位,起算,延长,法律依据,核实\r\n").contains("FOLLOW_UP_VISIT,结案回访期限,20,日,")
                .doesNotContain("WORKING_DAYS", ",DAYS,", "#");
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("法定期间与政策期限.csv");

        ResponseEntity<byte[]> xlsx = policy().getForEntity(PERIODS + "/download?format=xlsx", byte[].class);
        assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(sheet(xlsx.getBody())).contains("<t>代码</t>", "<t>结案回访期限</t>", "<t>工作日</t>");
        assertThat(policy().getForEntity(PERIODS + "/download?format=pdf", String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        // the downloaded file, edited in a spreadsheet, uploaded through the file path
        byte[] edited = text.replace("FOLLOW_UP_VISIT,结案回访期限,20,日,", "FOLLOW_UP_VISIT,结案回访期限,25,日,").getBytes(StandardCharsets.UTF_8);
        ResponseEntity<Map<String, Object>> uploaded = upload("法定期间与政策期限.csv", edited, "按表格文件调整回访期限"); // the name the page gave the download
        assertThat(uploaded.getStatusCode()).as(String.valueOf(uploaded.getBody())).isEqualTo(HttpStatus.CREATED);
        String stored = tables.current(PolicyTables.PERIODS).orElseThrow().content();
        assertThat(stored).startsWith("name,title,").contains("\nFOLLOW_UP_VISIT,结案回访期限,25,DAYS,").doesNotContain("\uFEFF");
        assertThat(deadlines.compute("FOLLOW_UP_VISIT", LocalDate.of(2026, 12, 1)).due()).isEqualTo(LocalDate.of(2026, 12, 28));
    }

    @Test
    @Order(7)
    @SuppressWarnings("unchecked")
    void aDraftDecisionTableIsTriedOnTypedInputsInWords() throws Exception {
        String grading = Files.readString(Path.of("bpmn/risk-grading.dmn"));
        Map<String, Object> form = post("/api/policy/decisions/risk-grading.dmn/form", Map.of("xml", grading), HttpStatus.OK);
        assertThat(form.get("inputs").toString()).contains("涉及人数", "涉及金额（元）", "信访");
        Map<String, Object> trial = post("/api/policy/decisions/risk-grading.dmn/trial", Map.of("xml", grading,
                "inputs", Map.of("petitionRisk", "否", "workers", "60", "amount", "780,000", "source", "STAFF")), HttpStatus.OK);
        assertThat((List<Map<String, Object>>) trial.get("results")).singleElement().satisfies(r -> {
            assertThat(r.get("风险等级")).isEqualTo("重大（MAJOR）");
            assertThat(r.get("风险类别")).isEqualTo("集体争议（COLLECTIVE）");
        });
        // the draft, not what is deployed: lower the workers threshold to 100 and 60 workers is no longer major
        Map<String, Object> draft = post("/api/policy/decisions/risk-grading.dmn/trial", Map.of("xml", grading.replace("&gt;= 30<", "&gt;= 100<"),
                "inputs", Map.of("workers", "60", "amount", "780000")), HttpStatus.OK);
        assertThat(draft.get("results").toString()).contains("较大（SIGNIFICANT）").doesNotContain("MAJOR");
        Map<String, Object> bad = post("/api/policy/decisions/risk-grading.dmn/trial", Map.of("xml", grading,
                "inputs", Map.of("workers", "六十")), HttpStatus.BAD_REQUEST);
        assertThat(bad.get("errors").toString()).contains("inputs.workers", "涉及人数", "六十");
        assertThat(post("/api/policy/decisions/nothing.dmn/trial", Map.of("xml", grading), HttpStatus.BAD_REQUEST).get("errors")
                .toString()).contains("nothing.dmn");
    }

    @Test
    @Order(8)
    @SuppressWarnings("unchecked")
    void overlapsAreNamedOnTheirRulesAndADraftThatRunsCodeIsNeverEvaluated() throws Exception {
        String cluster = Files.readString(Path.of("bpmn/risk-cluster.dmn"));
        Map<String, Object> checked = post("/api/policy/decisions/risk-cluster.dmn/check",
                Map.of("xml", cluster.replace("&lt; 3", "&lt;= 3")), HttpStatus.OK);
        assertThat((List<Map<String, Object>>) checked.get("violations")).anySatisfy(v -> {
            assertThat(v.get("rule")).isEqualTo("DMN_OVERLAP");
            assertThat((String) v.get("element")).contains("Rule_");
        });
        String code = cluster.replace("<text>openCases</text>", "<text>${''.getClass().forName('java.lang.Runtime')}</text>");
        Map<String, Object> refused = post("/api/policy/decisions/risk-cluster.dmn/trial", Map.of("xml", code,
                "inputs", Map.of("openCases", "5")), HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, Object>>) refused.get("violations")).anySatisfy(v -> assertThat(v.get("rule")).isEqualTo("CODE"));
    }

    @Test
    @Order(9)
    void aRaisedSubsidyDeployedFromTheEditorIsWhatClosureRecords() throws Exception {
        // what the decision-table editor sends: the edited file through the deployment path, with a reason
        Map<String, Object> fulfilled = Map.of("collective", false, "caseOutcome", "AGREEMENT_FULFILLED");
        assertThat(decisions.evaluateDecisionTableByKey("case_subsidy").variables(fulfilled).evaluate().getSingleResult()
                .<Object>getEntry("subsidy")).isEqualTo(300.0);
        String raised = Files.readString(Path.of("bpmn/case-subsidy.dmn"))
                .replace("<outputEntry id=\"OutputEntry_Resolved_subsidy\"><text>300</text>",
                        "<outputEntry id=\"OutputEntry_Resolved_subsidy\"><text>400</text>");
        ResponseEntity<Map<String, Object>> deployed = upload("case-subsidy.dmn", raised.getBytes(StandardCharsets.UTF_8),
                "以案定补：调解成功并履行提高到400元");
        assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.CREATED);
        // the same evaluation CaseSubsidies makes when a case is closed
        assertThat(decisions.evaluateDecisionTableByKey("case_subsidy").variables(fulfilled).evaluate().getSingleResult()
                .<Object>getEntry("subsidy")).isEqualTo(400.0);
    }

    @Test
    @Order(10)
    void anExcelWorkbookUploadedUnderThePagesChineseFileNameBecomesTheTable() {
        List<List<String>> rows = rows(grid(PERIODS));
        rows.get(index(rows, "FOLLOW_UP_VISIT")).set(2, "21");
        List<List<Object>> cells = new java.util.ArrayList<>();
        rows.forEach(r -> cells.add(new ArrayList<>(r)));
        byte[] workbook = new cn.labordispute.text.Table("法定期间与政策期限",
                List.of("代码", "名称", "长度", "单位", "起算", "延长", "法律依据", "核实"), cells).xlsx();
        ResponseEntity<Map<String, Object>> uploaded = upload("法定期间与政策期限.xlsx", workbook, "按Excel表格调整回访期限");
        assertThat(uploaded.getStatusCode()).as(String.valueOf(uploaded.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(tables.current(PolicyTables.PERIODS).orElseThrow().content()).contains("\nFOLLOW_UP_VISIT,结案回访期限,21,DAYS,");
        ResponseEntity<Map<String, Object>> notAWorkbook = upload("法定期间与政策期限.xlsx", "代码,名称".getBytes(StandardCharsets.UTF_8), "试");
        assertThat(notAWorkbook.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notAWorkbook.getBody().get("errors").toString()).contains("files", "Excel", "代码、名称、长度");
    }

    @Test
    @Order(11)
    @SuppressWarnings("unchecked")
    void aTypoInAnUploadedTableIsNamedInChineseByItsRowAndColumn() {
        String current = tables.current(PolicyTables.PERIODS).orElseThrow().content();
        byte[] typo = current.replaceFirst("\nFOLLOW_UP_VISIT,结案回访期限,\\d+,DAYS,", "\nFOLLOW_UP_VISIT,结案回访期限,三十,DAYS,")
                .getBytes(StandardCharsets.UTF_8);
        ResponseEntity<Map<String, Object>> refused = upload("statutory-periods.csv", typo, "试");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, Object>>) refused.getBody().get("violations")).anySatisfy(v -> {
            assertThat(v.get("rule")).isEqualTo("TABLE");
            assertThat((String) v.get("zh")).contains("“长度”应为正整数，现为“三十”").doesNotContain("Byte array", "line");
        });
        assertThat(tables.current(PolicyTables.PERIODS).orElseThrow().content()).isEqualTo(current);
    }

    private ResponseEntity<Map<String, Object>> upload(String name, byte[] content, String comment) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("files", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        body.add("comment", comment);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return policy().exchange("/api/policy/deployments", HttpMethod.POST, new HttpEntity<>(body, headers), MAP);
    }

    private static String sheet(byte[] xlsx) throws Exception {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        return "";
    }

    private Map<String, Object> grid(String table) {
        ResponseEntity<Map<String, Object>> answer = policy().exchange(table + "/grid", HttpMethod.GET, null, MAP);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private Map<String, Object> post(String path, Map<String, Object> body, HttpStatus expected) {
        ResponseEntity<Map<String, Object>> answer = policy().exchange(path, HttpMethod.POST, new HttpEntity<>(body), MAP);
        assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(expected);
        return answer.getBody();
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> rows(Map<String, Object> grid) {
        List<List<String>> rows = new ArrayList<>();
        ((List<List<String>>) grid.get("rows")).forEach(r -> rows.add(new ArrayList<>(r)));
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> body, String key) {
        return (List<Map<String, Object>>) body.get(key);
    }

    private static int index(List<List<String>> rows, String code) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).get(0).equals(code)) {
                return i;
            }
        }
        throw new AssertionError(code);
    }
}
