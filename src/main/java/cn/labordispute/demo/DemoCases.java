package cn.labordispute.demo;

import cn.labordispute.calendar.EngineTime;
import cn.labordispute.intake.CaseApplication;
import cn.labordispute.intake.CaseApplication.ClaimItem;
import cn.labordispute.intake.CaseApplication.Employer;
import cn.labordispute.intake.CaseApplication.Worker;
import cn.labordispute.intake.IntakeService;
import cn.labordispute.portal.EmployerContacts;
import cn.labordispute.prevention.RiskLedger;
import cn.labordispute.security.Caller;
import cn.labordispute.prevention.RiskReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** A few cases at different stages, opened and moved on through the same services staff use. */
@Component
class DemoCases {

    private final IntakeService intake;
    private final TaskService tasks;

    private final RiskLedger risks;

    /** The demo enterprises' contact for the portal's 企业档案 (README: a phone to try it with). */
    static final String CONTACT_PHONE = "13900001111";

    private final EmployerContacts contacts;

    DemoCases(IntakeService intake, TaskService tasks, RiskLedger risks, EmployerContacts contacts) {
        this.contacts = contacts;
        this.intake = intake;
        this.tasks = tasks;
        this.risks = risks;
    }

    void create() {
        Employer liveStudio = new Employer("重庆星光文化传媒有限公司", "91500103MA5U8XYM10", "023-63001234", "重庆市渝中区解放碑");
        Employer builder = new Employer("重庆渝建建筑劳务有限公司", "91500103MA5UK2LT71", "023-68001234", "重庆市渝中区大坪");
        Employer hotel = new Employer("吉首湘西大酒店有限公司", "91433101MA4PABCD2F", "0743-8501234", "湖南省吉首市乾州");

        // 1. Two live-stream hosts dismissed in probation, received a week ago: the acceptance decision is overdue.
        intake.open(new CaseApplication("yuzhong", "MEDIATION",
                "两名网络主播在试用期内被辞退，未签订书面劳动合同，要求支付经济补偿和拖欠工资。", EngineTime.today().minusDays(7),
                List.of(new Worker("刘小雨", "RESIDENT_ID", "500103199001011232", "13800001111", "重庆市渝中区", false),
                        new Worker("陈思思", "RESIDENT_ID", "500103198506122347", "13800002222", "重庆市渝中区", false)),
                liveStudio,
                List.of(new ClaimItem("TERM_COMPENSATION", "试用期解除的经济补偿", new BigDecimal("4000.00")),
                        new ClaimItem("PAY_ARREARS", "拖欠工资", new BigDecimal("6200.00")))));

        // 2. Unpaid overtime: accepted, mediation under way.
        String second = intake.open(new CaseApplication("yuzhong", "MEDIATION",
                "长期加班未支付加班费，要求补发。", null,
                List.of(new Worker("王建国", "RESIDENT_ID", "500103199511204560", "13900003333", "重庆市渝中区", true)),
                builder, List.of(new ClaimItem("PAY_OVERTIME", "2025年加班费", new BigDecimal("8600.00")))));
        complete(second, "Task_DecideMediationAcceptance", Map.of("withinScope", true, "otherPartyConsents", true));

        // 3. Mediation failed: now waiting for the arbitration commission's acceptance decision.
        String third = intake.open(new CaseApplication("yuzhong", "MEDIATION",
                "违法解除劳动合同，要求支付赔偿金。", null,
                List.of(new Worker("赵海", "RESIDENT_ID", "500103198808085676", "13700004444", "重庆市渝中区", false)),
                liveStudio, List.of(new ClaimItem("TERM_UNLAWFUL", "违法解除赔偿金", new BigDecimal("36000.00")))));
        complete(third, "Task_DecideMediationAcceptance", Map.of("withinScope", true, "otherPartyConsents", true));
        complete(third, "Task_ScheduleMediationSession", Map.of("sessionAt", EngineTime.today() + "T09:30:00",
                "sessionMode", "IN_PERSON", "sessionPlace", "渝中区劳动争议调解中心第二调解室",
                "sessionParticipants", "申请人赵海，被申请人委托代理人"));
        complete(third, "Task_RecordMediationSession", Map.of("mediationResult", "FAILED",
                "sessionRecord", "双方就赔偿数额分歧较大。", "failureReason", "用人单位不同意支付赔偿金"));

        // 4. A hotel worker in 吉首 asks for negotiation first... mediation committee of 吉首 handles it.
        intake.open(new CaseApplication("jishou", "MEDIATION",
                "酒店拖欠两个月工资。", null,
                List.of(new Worker("彭丽", "RESIDENT_ID", "433101198001016786", "13600005555", "湖南省吉首市", true)),
                hotel, List.of(new ClaimItem("PAY_ARREARS", "2026年9月至10月工资", new BigDecimal("5600.00")))));

        // 5. A construction worker's work-injury medical costs: just received, waiting for acceptance.
        intake.open(new CaseApplication("yuzhong", "MEDIATION",
                "施工中受伤，单位未支付工伤医疗费。", null,
                List.of(new Worker("周建华", "RESIDENT_ID", "500103197806153415", "13900007777", "重庆市渝中区", true)),
                builder, List.of(new ClaimItem("SI_INJURY", "工伤医疗费", new BigDecimal("12800.00")))));

        // 6. Negotiation requested: the union waits for the employer's answer.
        intake.open(new CaseApplication("yuzhong", "NEGOTIATION",
                "未休年休假，要求支付未休年休假工资。", null,
                List.of(new Worker("孙琳", "PASSPORT", "E12345678", "13500006666", "重庆市渝中区", false)),
                builder, List.of(new ClaimItem("REST_ANNUAL_LEAVE", "2025年未休年休假工资", new BigDecimal("3100.00")))));

        // 7. Agreement reached in one session: two instalments, the first fulfilment check waits for its day.
        String seventh = intake.open(new CaseApplication("yuzhong", "MEDIATION",
                "餐厅厨师离职后，公司未结清最后两个月工资，也未支付经济补偿。", null,
                List.of(new Worker("何志强", "RESIDENT_ID", "500103199203150011", "13600008888", "重庆市渝中区", true)),
                liveStudio, List.of(new ClaimItem("PAY_ARREARS", "2026年9月、10月工资", new BigDecimal("9000.00")),
                        new ClaimItem("TERM_COMPENSATION", "解除劳动合同经济补偿", new BigDecimal("4500.00")))));
        complete(seventh, "Task_DecideMediationAcceptance", Map.of("withinScope", true, "otherPartyConsents", true,
                "assignedMediator", "wangfang"));
        complete(seventh, "Task_ScheduleMediationSession", Map.of("sessionAt", EngineTime.today() + "T14:00:00",
                "sessionMode", "ONLINE", "sessionLink", "https://meeting.example.cn/yz-0007",
                "sessionParticipants", "申请人何志强，被申请人人事经理"));
        complete(seventh, "Task_RecordMediationSession", Map.of("mediationResult", "AGREEMENT",
                "sessionRecord", "经释明法律规定，公司同意分两期支付工资和经济补偿。"));
        complete(seventh, "Task_DraftMediationAgreement", Map.ofEntries(
                Map.entry("agreementItems", "一、乙方支付甲方2026年9月、10月工资9000元；\n二、乙方支付甲方经济补偿4500元。"),
                Map.entry("agreedAmount", 13500.0),
                Map.entry("paymentDueDate", EngineTime.today().plusDays(10).toString()),
                Map.entry("firstPaymentAmount", 9000.0),
                Map.entry("secondPaymentDate", EngineTime.today().plusDays(40).toString()),
                Map.entry("secondPaymentAmount", 4500.0),
                Map.entry("consolidation", "ARBITRATION_REVIEW")));
        complete(seventh, "Task_RecordAgreementSignature", Map.of("agreementSigned", true,
                "agreementSignedOn", EngineTime.today().toString(), "signatureNote", "双方当事人当场签署，已加盖调解中心印章。"));
        complete(seventh, "Task_AssessPerformance", Map.of("performanceCapacity", "GOOD",
                "capacityNote", "公司经营正常，有支付能力", "paidOnTheSpot", false,
                "noticeServedOn", EngineTime.today().toString()));

        // 8. A work-injury dismissal in arbitration: heard, and the arbitrator asks the director for more time.
        String eighth = intake.open(new CaseApplication("yuzhong", "ARBITRATION",
                "工伤停工留薪期内被解除劳动合同，要求支付违法解除赔偿金和停工留薪期工资。", null,
                List.of(new Worker("邓勇", "RESIDENT_ID", "500103198811110019", "13800009999", "重庆市渝中区", true)),
                builder, List.of(new ClaimItem("TERM_UNLAWFUL", "违法解除赔偿金", new BigDecimal("42000.00")),
                        new ClaimItem("PAY_INJURY_LEAVE", "停工留薪期工资", new BigDecimal("15600.00")))));
        complete(eighth, "Task_DecideArbitrationAcceptance", Map.of("acceptanceDecision", "ACCEPT"));
        complete(eighth, "Task_ServeApplicationCopy", Map.of("respondentServedOn", EngineTime.today().toString(),
                "tribunal", "SOLE", "tribunalNotifiedOn", EngineTime.today().toString()));
        complete(eighth, "Task_RecordDefence", Map.of("defenceReceived", true, "defenceSummary", "解除系因严重违纪",
                "defenceServedOn", EngineTime.today().toString()));
        String hearingDay = EngineTime.today().plusDays(5).toString();
        complete(eighth, "Task_ScheduleHearing", Map.of("hearingAt", hearingDay + "T09:30",
                "hearingPlace", "渝中区劳动人事争议仲裁院第一仲裁庭", "presidingArbitrator", "赵敏"));
        complete(eighth, "Task_HoldHearing", Map.of("hearingHeldOn", hearingDay,
                "hearingRecord", "开庭审理，双方质证", "mediatedBeforeAward", false));
        complete(eighth, "Task_IssueAward", Map.of("requestExtension", true,
                "extensionReason", "停工留薪期待劳动能力鉴定结论确定，案情复杂"));

        // 9. Not a case yet: sixty migrant workers on a building site unpaid since September talk of a collective
        // petition — a major risk waiting for the supervisor's first response and the city's attention.
        risks.report(new RiskReport("yuzhong", "重庆渝建建筑劳务有限公司", "91500103MA5UK2LT71", "COMPLAINT",
                List.of("MIGRANT"), 60, new BigDecimal("780000.00"), true,
                "大坪某工地60名农民工反映9月以来工资未发，有人提出集体到区政府上访。", null), "liuyang");

        collectiveCase();

        // 11. Two enterprises' contact, registered at the window: with a code sent to the phone she sees in the portal
        // each enterprise's cases and the risk noted for it.
        Caller counter = new Caller("liuyang", java.util.Set.of(), java.util.Set.of("yuzhong"), false);
        contacts.register("yuzhong", "重庆星光文化传媒有限公司", "91500103MA5U8XYM10", "何丽（人事主管）", CONTACT_PHONE, counter);
        contacts.register("yuzhong", "重庆渝建建筑劳务有限公司", "91500103MA5UK2LT71", "何丽（人事主管）", CONTACT_PHONE, counter);
    }

    /**
     * 10. Twelve couriers owed piece wages: a collective case; they elected two representatives; ten accepted the
     * company's offer in mediation and wait for the payment, the other two go on to arbitration in the same case.
     */
    private void collectiveCase() {
        List<String> ids = List.of("500103199002042014", "50010319900305202X", "500103199004062035",
                "500103199005072040", "500103199006082056", "500103199007092061", "500103199008102073",
                "500103199009112089", "50010319901012209X", "50010319901113210X", "500103199012142115",
                "500103199001152123");
        List<Worker> couriers = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            couriers.add(new Worker(COURIERS.get(i), "RESIDENT_ID", ids.get(i), "1370000" + (1000 + i), "重庆市渝中区",
                    true, new BigDecimal(i < 10 ? "3000.00" : "5200.00")));
        }
        String tenth = intake.open(new CaseApplication("yuzhong", "MEDIATION",
                "12名快递员10月、11月计件工资被拖欠，公司以派件量不足为由拒绝足额发放。", null, couriers,
                new Employer("重庆捷达快递服务有限公司", "91500103MA5UQK8D2H", "023-63889900", "重庆市渝中区菜园坝"),
                List.of(new ClaimItem("PAY_ARREARS", "2026年10月、11月计件工资", new BigDecimal("40400.00")))));
        complete(tenth, "Task_RegisterRepresentatives", Map.of("representatives", "陈小军\n吴海燕",
                "electionNote", "12名快递员当场推举两名代表"));
        complete(tenth, "Task_DecideMediationAcceptance", Map.of("withinScope", true, "otherPartyConsents", true,
                "assignedMediator", "zhanglei"));
        complete(tenth, "Task_ScheduleMediationSession", Map.of("sessionAt", EngineTime.today() + "T10:00:00",
                "sessionMode", "IN_PERSON", "sessionPlace", "渝中区劳动争议调解中心第一调解室",
                "sessionParticipants", "劳动者代表陈小军、吴海燕，公司负责人"));
        complete(tenth, "Task_RecordMediationSession", Map.of("mediationResult", "AGREEMENT",
                "sessionRecord", "十名快递员接受公司按实际派件量一次性支付的方案；吴海燕、郑伟认为计件单价有误，不接受。"));
        complete(tenth, "Task_DraftMediationAgreement", Map.ofEntries(
                Map.entry("agreementItems", "公司于十日内向十名快递员各支付10月、11月计件工资3000元，共计30000元。"),
                Map.entry("agreedAmount", 30000.0), Map.entry("unsettledWorkers", "吴海燕\n郑伟"),
                Map.entry("paymentDueDate", EngineTime.today().plusDays(10).toString()),
                Map.entry("firstPaymentAmount", 30000.0), Map.entry("consolidation", "NONE")));
        complete(tenth, "Task_RecordAgreementSignature", Map.of("agreementSigned", true,
                "agreementSignedOn", EngineTime.today().toString(), "signatureNote", "十名快递员和公司负责人当场签署。"));
    }

    private static final List<String> COURIERS = List.of("陈小军", "刘洋", "杨帆", "黄磊", "周敏", "徐静", "孙浩", "马超",
            "朱琳", "胡斌", "吴海燕", "郑伟");

    private void complete(String caseNumber, String taskKey, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey)
                .singleResult();
        tasks.complete(task.getId(), variables);
    }
}
