package cn.labordispute.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The two mediations the Yuzhong report (seed 000) tells, run end to end through the REST API as the people involved
 * would run them in the Tasklist: every task claimed and completed by its own role, every document issued on the
 * way checked for what it must say.
 */
@StaffApiTest
class MediationWorkedExamplesIntegrationTests {

    @Autowired
    TestRestTemplate http;

    StaffClient mediator;
    StaffClient arbitrator;
    StaffClient supervisor;
    StaffClient courtLiaison;

    @BeforeEach
    void staff() {
        mediator = new StaffClient(http, "wangfang", "demo");
        arbitrator = new StaffClient(http, "zhaomin", "demo");
        supervisor = new StaffClient(http, "liuyang", "demo");
        courtLiaison = new StaffClient(http, "sunhao", "demo");
    }

    /**
     * Two live-stream hosts, each on a 4,000-yuan probation wage without a written contract, dismissed within a month;
     * they apply for arbitration, the commission transfers the case to the union mediation committee, and the
     * company pays each 2,000 yuan compensation and settles the unpaid wages.
     */
    @Test
    void liveStreamHostsDismissedInProbationSettleAfterArbitrationTransfersTheirCase() {
        Map<String, Object> application = Applications.mediation("yuzhong");
        application.put("requestedProcedure", "ARBITRATION");
        application.put("summary", "二人与公司约定试用期工资各4000元，未签订书面劳动合同，入职一个月内被公司以形象不达标、业绩未完成为由解除劳动关系，"
                + "工资及销售提成未足额支付。请求支付违法解除劳动合同赔偿金并支付拖欠工资。");
        application.put("claims", new ArrayList<>(List.of(
                Applications.claim("TERM_UNLAWFUL", new BigDecimal("8000.00")),
                Applications.claim("PAY_ARREARS", new BigDecimal("3000.00")))));
        String caseNumber = open(arbitrator, application);
        assertThat(stage(caseNumber)).isEqualTo("ARBITRATION");

        arbitrator.claimAndComplete(caseNumber, "Task_DecideArbitrationAcceptance", "acceptanceDecision", "ENTRUST_MEDIATION");
        assertThat(stage(caseNumber)).isEqualTo("MEDIATION");

        mediator.claimAndComplete(caseNumber, "Task_DecideMediationAcceptance", "withinScope", true,
                "otherPartyConsents", true, "assignedMediator", "wangfang");
        mediator.claimAndComplete(caseNumber, "Task_ScheduleMediationSession", "sessionAt", tomorrow() + "T14:00:00",
                "sessionMode", "IN_PERSON", "sessionPlace", "渝中区总工会“劳资和”调解工作室",
                "sessionParticipants", "申请人刘小雨、陈思思，被申请人人事主管");
        mediator.claimAndComplete(caseNumber, "Task_RecordMediationSession", "mediationResult", "AGREEMENT",
                "sessionRecord", "公司未履行试用期解除的法定程序，工资发放存在瑕疵。经释法说理，公司同意各支付经济补偿2000元并结清工资差额。");
        String payDay = LocalDate.now().plusDays(10).toString();
        mediator.claimAndComplete(caseNumber, "Task_DraftMediationAgreement",
                "agreementItems", "一、乙方分别向甲方刘小雨、陈思思支付经济补偿各2000元；\n二、乙方结清甲方工资差额各1500元。",
                "agreedAmount", 7000.0, "paymentDueDate", payDay, "firstPaymentAmount", 7000.0,
                "consolidation", "NONE");
        mediator.claimAndComplete(caseNumber, "Task_RecordAgreementSignature", "agreementSigned", true,
                "agreementSignedOn", LocalDate.now().toString(), "signatureNote", "双方当场签署");
        assertThat(stage(caseNumber)).isEqualTo("FULFILMENT");

        mediator.claimAndComplete(caseNumber, "Task_AssessPerformance", "performanceCapacity", "GOOD",
                "capacityNote", "公司经营正常", "paidOnTheSpot", false, "noticeServedOn", LocalDate.now().toString());
        mediator.claimAndComplete(caseNumber, "Task_CheckFulfilment", "installmentPaid", true, "paidAmount", 7000.0,
                "fulfilmentNote", "银行转账凭证已核对");

        Map<String, Object> c = mediator.getCase(caseNumber).getBody();
        assertThat(c).containsEntry("status", "CLOSED").containsEntry("outcome", "AGREEMENT_FULFILLED")
                .containsEntry("stage", "FOLLOW_UP");
        assertThat(kinds(caseNumber)).containsExactly("MEDIATION_ACCEPTANCE_NOTICE", "MEDIATION_SESSION_NOTICE", "MEDIATION_RECORD",
                "MEDIATION_AGREEMENT", "FULFILMENT_NOTICE");
        assertThat(html(caseNumber, "MEDIATION_AGREEMENT")).contains("调解协议书", caseNumber, "刘小雨", "陈思思",
                "重庆星光文化传媒有限公司", "支付经济补偿各2000元", "人民币柒仟元整", "7,000.00", "王芳");
        assertThat(html(caseNumber, "MEDIATION_RECORD")).contains("劳资和", "刘小雨、陈思思", "双方达成调解协议");
    }

    /**
     * A sales company closes its shop owing 45 workers two months' wages; the committee forms a joint mediation
     * group, the workers and the company agree that the wages are paid within three months, and the court reviews
     * the agreement and confirms it.
     */
    @Test
    void fortyFiveWorkersOwedTwoMonthsWagesSignOneAgreementThatTheCourtConfirms() {
        Map<String, Object> application = Applications.mediation("yuzhong");
        List<Map<String, Object>> workers = new ArrayList<>();
        for (int i = 1; i <= 45; i++) {
            Map<String, Object> worker = Applications.worker("职工" + i, residentId(i));
            worker.put("amount", new BigDecimal("7000.00"));
            workers.add(worker);
        }
        application.put("workers", workers);
        application.put("summary", "公司因经营持续恶化关闭门店，拖欠45名职工4月、5月两个月工资，无法发放工资和经济补偿。");
        application.put("claims", new ArrayList<>(List.of(Applications.claim("PAY_ARREARS", new BigDecimal("315000.00")))));
        String caseNumber = open(mediator, application);
        assertThat(mediator.getCase(caseNumber).getBody()).containsEntry("collective", true);

        // the workers elect representatives (LDMAL art.7); somebody who is not a worker of the case is refused
        ResponseEntity<String> refused = mediator.tryClaimAndComplete(caseNumber, "Task_RegisterRepresentatives",
                "representatives", "职工1\n职工99");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("representatives", "不是本案劳动者：职工99", "not a worker of this case");
        assertThat(representatives(caseNumber)).isEmpty();
        mediator.claimAndComplete(caseNumber, "Task_RegisterRepresentatives", "representatives", "职工1、职工2、职工3",
                "electionNote", "职工大会推举三名代表");
        assertThat(representatives(caseNumber)).containsExactly("职工1", "职工2", "职工3");
        assertThat(stage(caseNumber)).isEqualTo("MEDIATION");

        mediator.claimAndComplete(caseNumber, "Task_DecideMediationAcceptance", "withinScope", true,
                "otherPartyConsents", true, "jointMediation", true);
        supervisor.claimAndComplete(caseNumber, "Task_FormJointMediationGroup", "labourInspector", "刘监察",
                "jointArbitrator", "赵敏", "unionMediator", "周强", "leadMediator", "wangfang");
        mediator.claimAndComplete(caseNumber, "Task_ScheduleMediationSession", "sessionAt", tomorrow() + "T09:00:00",
                "sessionMode", "IN_PERSON", "sessionPlace", "公司门店现场", "sessionParticipants", "45名职工及职工代表、企业方代表、联合调解组");
        mediator.claimAndComplete(caseNumber, "Task_RecordMediationSession", "mediationResult", "AGREEMENT",
                "sessionRecord", "职工代表与企业方代表现场协商，公司在3个月内付清欠薪，职工不再主张经济补偿。");
        LocalDate today = LocalDate.now();
        mediator.claimAndComplete(caseNumber, "Task_DraftMediationAgreement",
                "agreementItems", "一、公司在三个月内分三期支付45名职工2024年4月、5月工资共计315000元；\n二、职工放弃经济补偿的主张。",
                "agreedAmount", 315000.0,
                "paymentDueDate", today.plusMonths(1).toString(), "firstPaymentAmount", 105000.0,
                "secondPaymentDate", today.plusMonths(2).toString(), "secondPaymentAmount", 105000.0,
                "thirdPaymentDate", today.plusMonths(3).toString(), "thirdPaymentAmount", 105000.0,
                "consolidation", "JUDICIAL_CONFIRMATION");
        mediator.claimAndComplete(caseNumber, "Task_RecordAgreementSignature", "agreementSigned", true,
                "agreementSignedOn", LocalDate.now().toString(), "signatureNote", "双方当场签署");

        mediator.claimAndComplete(caseNumber, "Task_AssessPerformance", "performanceCapacity", "UNCERTAIN",
                "capacityNote", "门店已关闭，以剩余资产分期支付", "paidOnTheSpot", false, "noticeServedOn", today.toString());
        mediator.claimAndComplete(caseNumber, "Task_ApplyJudicialConfirmation", "confirmationAppliedOn", today.toString(),
                "courtName", "重庆市渝中区人民法院");
        courtLiaison.claimAndComplete(caseNumber, "Task_RecordJudicialConfirmation", "confirmed", true,
                "rulingNumber", "（2026）渝0103民特88号", "confirmationNote", "法院现场审查后确认调解协议有效");
        for (int i = 0; i < 3; i++) {
            mediator.claimAndComplete(caseNumber, "Task_CheckFulfilment", "installmentPaid", true,
                    "paidAmount", 105000.0, "fulfilmentNote", "第" + (i + 1) + "期已足额发放");
        }

        Map<String, Object> c = mediator.getCase(caseNumber).getBody();
        assertThat(c).containsEntry("status", "CLOSED").containsEntry("outcome", "AGREEMENT_FULFILLED");
        assertThat(workers(caseNumber)).hasSize(45).allSatisfy(w -> assertThat(w)
                .containsEntry("outcome", "AGREEMENT_FULFILLED").containsEntry("claimedAmount", 7000.0));
        assertThat(kinds(caseNumber)).containsExactly("MEDIATION_ACCEPTANCE_NOTICE", "MEDIATION_SESSION_NOTICE", "MEDIATION_RECORD",
                "MEDIATION_AGREEMENT", "FULFILMENT_NOTICE", "JUDICIAL_CONFIRMATION_APPLICATION");
        String confirmation = html(caseNumber, "JUDICIAL_CONFIRMATION_APPLICATION");
        assertThat(confirmation).contains("司法确认申请书", "重庆市渝中区人民法院", "职工1", "职工45",
                "申请人（劳动者）45", "人民币叁拾壹万伍仟元整", "第3期", "105,000.00");
        assertThat(html(caseNumber, "FULFILMENT_NOTICE")).contains("履行告知书", "第3期", "存在不确定因素");

        // the ledger got the collective case at intake as a major risk: the supervisors answer first, the city knows
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> risks = http.withBasicAuth("liuyang", "demo").getForObject("/api/risks", List.class);
        Map<String, Object> risk = risks.stream().filter(r -> caseNumber.equals(r.get("caseNumber"))).findFirst()
                .orElseThrow();
        assertThat(risk).containsEntry("source", "COLLECTIVE_CASE").containsEntry("workers", 45)
                .containsEntry("level", "MAJOR");
        ResponseEntity<String> firstResponse = http.withBasicAuth("liuyang", "demo").getForEntity(
                "/engine-rest/task?processInstanceBusinessKey={key}&taskDefinitionKey=Task_FirstResponse", String.class,
                risk.get("riskNumber"));
        assertThat(firstResponse.getBody()).contains("第一时间响应");
        assertThat(http.withBasicAuth("hemei", "demo").getForEntity(
                "/engine-rest/task?processInstanceBusinessKey={key}&taskDefinitionKey=Task_ReportToCity", String.class,
                risk.get("riskNumber")).getBody()).contains("重大风险报告");

        // 护薪: labour inspection ran beside the mediation for the supervisors
        supervisor.claimAndComplete(caseNumber, "Task_LabourInspection", "inspectionAction", "ORDER_TO_PAY",
                "inspectionNote", "劳动保障监察大队责令公司限期支付");
        assertThat(mediator.getCase(caseNumber).getBody().get("timeline").toString()).contains("责令公司限期支付");

        // every one of the 45 workers is visited; one asks for a job and gets a referral of their own
        List<Map<String, Object>> visits = mediator.tasks(caseNumber).stream()
                .filter(t -> "Task_ReturnVisit".equals(t.get("taskDefinitionKey"))).toList();
        assertThat(visits).hasSize(45);
        for (int i = 1; i <= 45; i++) {
            mediator.claimAndComplete(caseNumber, "Task_ReturnVisit", "satisfaction", "5", "agreementHonoured", true,
                    "disputeRecurred", false, "needsCounselling", false, "needsJobReferral", i == 7,
                    "needsHardshipAid", false, "visitNote", i == 7 ? "门店关闭后失业，希望推荐工作" : "工资已足额领取");
        }
        List<Map<String, Object>> open = mediator.tasks(caseNumber);
        assertThat(open).extracting(t -> t.get("taskDefinitionKey")).containsExactly("Task_JobReferral");
        mediator.claimAndComplete(caseNumber, "Task_JobReferral", "recommendedEmployer", "渝中区某连锁超市",
                "position", "理货员", "referralNote", "已推荐面试");
        assertThat(mediator.getCase(caseNumber).getBody()).containsEntry("stage", "ARCHIVED");
    }

    /**
     * Twelve couriers claim unpaid piece wages; ten accept the company's offer in mediation, two do not. The ten are
     * paid and their part ends; the other two go on to arbitration in the same case, and when they withdraw, the case
     * closes with each worker's own outcome.
     */
    @Test
    void tenOfTwelveWorkersSettleTheOtherTwoGoOnAndEachKeepsTheirOwnOutcome() {
        Map<String, Object> application = Applications.mediation("yuzhong");
        List<Map<String, Object>> workers = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            Map<String, Object> worker = Applications.worker("快递员" + i, residentId(100 + i));
            worker.put("amount", new BigDecimal(i <= 10 ? "3000.00" : "5200.50"));
            workers.add(worker);
        }
        application.put("workers", workers);
        application.put("summary", "12名快递员的计件工资被拖欠两个月。");
        application.put("claims", new ArrayList<>(List.of(Applications.claim("PAY_ARREARS", new BigDecimal("40401.00")))));
        String caseNumber = open(mediator, application);
        assertThat(mediator.tasks(caseNumber)).as("a collective case is handled first").extracting(t -> t.get("priority"))
                .containsOnly(75);
        mediator.claimAndComplete(caseNumber, "Task_RegisterRepresentatives", "representatives", "快递员1\n快递员11");
        mediator.claimAndComplete(caseNumber, "Task_DecideMediationAcceptance", "withinScope", true,
                "otherPartyConsents", true);
        mediator.claimAndComplete(caseNumber, "Task_ScheduleMediationSession", "sessionAt", tomorrow() + "T09:00:00",
                "sessionMode", "IN_PERSON", "sessionPlace", "调解中心", "sessionParticipants", "职工代表、公司代表");
        mediator.claimAndComplete(caseNumber, "Task_RecordMediationSession", "mediationResult", "AGREEMENT",
                "sessionRecord", "十名快递员接受公司方案，快递员11、快递员12不接受。");
        String today = LocalDate.now().toString();
        Object[] agreement = {"agreementItems", "公司向十名快递员各支付3000元", "agreedAmount", 30000.0,
                "paymentDueDate", today, "firstPaymentAmount", 30000.0, "consolidation", "NONE"};

        // everybody named as not settling is refused: that is a failed mediation, not an agreement
        List<Object> all = new ArrayList<>(List.of(agreement));
        all.addAll(List.of("unsettledWorkers", String.join("\n", workers.stream().map(w -> (String) w.get("name")).toList())));
        ResponseEntity<String> refused = mediator.tryClaimAndComplete(caseNumber, "Task_DraftMediationAgreement", all.toArray());
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("unsettledWorkers", "调解不成");
        assertThat(workers(caseNumber)).allSatisfy(w -> assertThat(w.get("outcome")).isNull());

        List<Object> partial = new ArrayList<>(List.of(agreement));
        partial.addAll(List.of("unsettledWorkers", "快递员11\n快递员12"));
        mediator.claimAndComplete(caseNumber, "Task_DraftMediationAgreement", partial.toArray());
        mediator.claimAndComplete(caseNumber, "Task_RecordAgreementSignature", "agreementSigned", true,
                "agreementSignedOn", LocalDate.now().toString(), "signatureNote", "双方当场签署");
        assertThat(mediator.tasks(caseNumber)).extracting(t -> t.get("taskDefinitionKey"))
                .containsExactly("Task_AssessPerformance");
        assertThat(arbitrator.tasks(caseNumber)).extracting(t -> t.get("taskDefinitionKey"))
                .containsExactly("Task_DecideArbitrationAcceptance");
        assertThat(workers(caseNumber)).extracting(w -> w.get("outcome")).containsExactly("MEDIATION_AGREEMENT",
                "MEDIATION_AGREEMENT", "MEDIATION_AGREEMENT", "MEDIATION_AGREEMENT", "MEDIATION_AGREEMENT",
                "MEDIATION_AGREEMENT", "MEDIATION_AGREEMENT", "MEDIATION_AGREEMENT", "MEDIATION_AGREEMENT",
                "MEDIATION_AGREEMENT", null, null);
        assertThat(mediator.getCase(caseNumber).getBody().get("timeline").toString())
                .contains("10 名劳动者达成调解协议；2 名劳动者未达成协议，继续申请仲裁：快递员11、快递员12");

        mediator.claimAndComplete(caseNumber, "Task_AssessPerformance", "performanceCapacity", "GOOD",
                "capacityNote", "公司经营正常", "paidOnTheSpot", true, "noticeServedOn", today);
        List<Map<String, Object>> afterPayment = workers(caseNumber);
        assertThat(afterPayment.subList(0, 10)).allSatisfy(w -> assertThat(w).containsEntry("outcome", "AGREEMENT_FULFILLED"));
        assertThat(afterPayment.subList(10, 12)).allSatisfy(w -> assertThat(w.get("outcome")).isNull());
        assertThat(mediator.getCase(caseNumber).getBody()).containsEntry("status", "OPEN");

        ResponseEntity<Map<String, Object>> withdrawn = mediator.post(caseNumber, "/withdrawal",
                Map.of("reason", "两名快递员与公司自行和解"));
        assertThat(withdrawn.getStatusCode()).as(String.valueOf(withdrawn.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(mediator.getCase(caseNumber).getBody()).containsEntry("status", "CLOSED")
                .containsEntry("outcome", "WITHDRAWN");
        assertThat(workers(caseNumber)).extracting(w -> w.get("outcome")).containsExactly("AGREEMENT_FULFILLED",
                "AGREEMENT_FULFILLED", "AGREEMENT_FULFILLED", "AGREEMENT_FULFILLED", "AGREEMENT_FULFILLED",
                "AGREEMENT_FULFILLED", "AGREEMENT_FULFILLED", "AGREEMENT_FULFILLED", "AGREEMENT_FULFILLED",
                "AGREEMENT_FULFILLED", "WITHDRAWN", "WITHDRAWN");
        assertThat(representatives(caseNumber)).containsExactly("快递员1", "快递员11");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> workers(String caseNumber) {
        return ((List<Map<String, Object>>) mediator.getCase(caseNumber).getBody().get("parties")).stream()
                .filter(p -> "WORKER".equals(p.get("role"))).toList();
    }

    private List<Object> representatives(String caseNumber) {
        return workers(caseNumber).stream().filter(w -> Boolean.TRUE.equals(w.get("representative")))
                .map(w -> w.get("name")).toList();
    }

    @Test
    void anAssigneeFromAnotherOrganisationIsRefusedWithA400AndNothingChanges() {
        String caseNumber = open(mediator, Applications.mediation("yuzhong"));

        assertThat(mediator.tasks(caseNumber)).extracting(t -> t.get("priority")).containsOnly(50);
        ResponseEntity<String> answer = mediator.tryClaimAndComplete(caseNumber, "Task_DecideMediationAcceptance",
                "withinScope", true, "otherPartyConsents", true, "assignedMediator", "lixiaoyun");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody()).contains("assignedMediator", "不是本组织的调解员", "is not a mediator");
        assertThat(mediator.tasks(caseNumber)).extracting(t -> t.get("taskDefinitionKey"))
                .containsExactly("Task_DecideMediationAcceptance");
        assertThat(mediator.documents(caseNumber)).isEmpty();
    }

    private static String open(StaffClient who, Map<String, Object> application) {
        ResponseEntity<Map<String, Object>> opened = who.openCase(application);
        assertThat(opened.getStatusCode()).as(String.valueOf(opened.getBody())).isEqualTo(HttpStatus.CREATED);
        return (String) opened.getBody().get("caseNumber");
    }

    private String stage(String caseNumber) {
        return (String) mediator.getCase(caseNumber).getBody().get("stage");
    }

    private List<String> kinds(String caseNumber) {
        return mediator.documents(caseNumber).stream().map(d -> (String) d.get("kind")).toList();
    }

    private String html(String caseNumber, String kind) {
        Map<String, Object> d = mediator.documents(caseNumber).stream().filter(x -> kind.equals(x.get("kind")))
                .reduce((a, b) -> b).orElseThrow();
        ResponseEntity<String> answer = mediator.get((String) d.get("html"), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static String tomorrow() {
        return LocalDate.now().plusDays(1).toString();
    }

    /** A valid 居民身份证 number (GB 11643 check digit) for the n-th worker. */
    static String residentId(int n) {
        String body = "500103" + "1985" + String.format("%02d%02d", 1 + n % 12, 1 + n % 28) + String.format("%03d", n);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
