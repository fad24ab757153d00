package cn.labordispute.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import cn.labordispute.documents.DocumentKind;
import cn.labordispute.documents.Documents;
import cn.labordispute.documents.IssuedDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 一键成稿 through the REST API: every document template rendered for a real case and checked for what it must
 * say; stored with its hash and listed in the case's timeline; printed as a PDF with the Chinese font embedded that
 * is not blank when rendered to an image; bad requests refused with nothing stored.
 */
@StaffApiTest
class DocumentsIntegrationTests {

    /** What each document must contain besides the case number, the parties and its own title. */
    static final Map<String, List<String>> MUST_SAY = new LinkedHashMap<>();

    static {
        MUST_SAY.put("SETTLEMENT_AGREEMENT", List.of("和解内容", "让步和妥协", "不得在此后的调解、仲裁或者诉讼中作为对其不利的证据"));
        MUST_SAY.put("NEGOTIATION_REQUEST", List.of("协商事项", "五日内", "经济补偿", "10,200.50", "此致"));
        MUST_SAY.put("ARBITRATION_APPLICATION", List.of("仲裁请求", "第二十八条", "经济补偿", "10,200.50", "此致"));
        MUST_SAY.put("MEDIATION_APPLICATION", List.of("调解请求", "事实和理由", "经济补偿", "10,200.50", "此致"));
        MUST_SAY.put("MEDIATION_ACCEPTANCE_NOTICE", List.of("决定予以受理", "十五日内结束", "第十四条"));
        MUST_SAY.put("MEDIATION_REFUSAL_NOTICE", List.of("决定不予受理", "一年内", "申请仲裁"));
        MUST_SAY.put("MEDIATION_SESSION_NOTICE", List.of("调解会谈通知书", "渝中区劳动争议调解中心",
                "进行调解会谈", "承办调解员"));
        MUST_SAY.put("MEDIATION_RECORD", List.of("调解经过", "公司同意分两期支付", "双方达成调解协议", "渝中区劳动争议调解中心"));
        MUST_SAY.put("MEDIATION_AGREEMENT", List.of("协议内容", "分两期支付工资和经济补偿", "人民币壹万零贰佰元伍角整",
                "第2期", "6,200.50", "印章"));
        MUST_SAY.put("FULFILMENT_NOTICE", List.of("履行告知书", "第1期", "4,000.00", "支付令", "强制执行"));
        MUST_SAY.put("MEDIATION_TERMINATION", List.of("终止调解", "申请仲裁", "第十四条第三款"));
        MUST_SAY.put("MEDIATION_RECOMMENDATION", List.of("调解建议书", "健全工资支付制度", "规范劳动合同的订立、解除和终止",
                "三十日内"));
        MUST_SAY.put("MEDIATION_FAILURE_NOTICE", List.of("调解不成", "申请仲裁"));
        MUST_SAY.put("ARBITRATION_REVIEW_APPLICATION", List.of("仲裁调解书", "第七十四条", "分两期支付工资和经济补偿"));
        MUST_SAY.put("JUDICIAL_CONFIRMATION_APPLICATION", List.of("确认", "调解协议有效", "第二百零五条"));
        MUST_SAY.put("PAYMENT_ORDER_APPLICATION", List.of("支付令", "第十六条", "人民币壹万零贰佰元伍角整"));
        MUST_SAY.put("ARBITRATION_ACCEPTANCE_NOTICE", List.of("决定予以受理", "四十五日内结束", "第二十九条"));
        MUST_SAY.put("ARBITRATION_RESPONDENT_NOTICE", List.of("应诉通知书", "十日内", "答辩书", "不利后果"));
        MUST_SAY.put("ARBITRATION_REFUSAL_NOTICE", List.of("决定不予受理", "向人民法院提起诉讼"));
        MUST_SAY.put("ARBITRATION_MEDIATION", List.of("仲裁调解书", "第四十二条", "申请执行"));
        MUST_SAY.put("AWARD_EXTENSION_NOTICE", List.of("延期审理通知书", "不得超过十五日"));
        MUST_SAY.put("ARBITRATION_AWARD", List.of("裁决如下", "第五十条", "申请执行", "拖欠工资"));
        MUST_SAY.put("LEGAL_AID_DECISION", List.of("法律援助", "重庆星光文化传媒有限公司"));
    }

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    @Autowired
    TestRestTemplate http;

    @Autowired
    Documents documents;

    StaffClient mediator;

    @BeforeEach
    void staff() {
        mediator = new StaffClient(http, "wangfang", "demo");
    }

    /**
     * Every template, on one case, whoever may issue it and at whichever stage (the rules of who may issue what are
     * DocumentRulesIntegrationTests'): issued as a case's own application is, without the rules.
     */
    @Test
    void everyTemplateRendersForACaseWithAnAgreementAndSaysWhatItMust() {
        String caseNumber = caseWithAgreement();

        for (Map.Entry<String, List<String>> kind : MUST_SAY.entrySet()) {
            IssuedDocument issued = documents.issueApplication(caseNumber, DocumentKind.valueOf(kind.getKey()), "wangfang");
            Map<String, Object> d = mediator.documents(caseNumber).stream().filter(x -> ((Number) x.get("id")).longValue()
                    == issued.id()).findFirst().orElseThrow();
            assertThat(d).containsEntry("createdBy", "wangfang").containsEntry("kind", kind.getKey());
            assertThat((String) d.get("sha256")).hasSize(64);
            assertThat((String) d.get("templateVersion")).hasSize(64);

            ResponseEntity<String> html = mediator.get((String) d.get("html"), String.class);
            assertThat(html.getHeaders().getFirst("X-Content-SHA256")).isEqualTo(d.get("sha256"));
            assertThat(html.getBody()).as(kind.getKey())
                    .contains((String) d.get("title"), caseNumber, "刘小雨", "陈思思", "重庆星光文化传媒有限公司", "渝中")
                    .contains(kind.getValue())
                    .doesNotContain("${", "FreeMarker");
        }
        Map<String, Object> c = mediator.getCase(caseNumber).getBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) c.get("timeline");
        assertThat(timeline).filteredOn(e -> "DOCUMENT_ISSUED".equals(e.get("kind")))
                .hasSize(5 + MUST_SAY.size());
    }

    @Test
    void everyTemplateRendersForACaseJustOpened() {
        String caseNumber = (String) mediator.openCase(Applications.mediation("yuzhong")).getBody().get("caseNumber");

        for (String kind : MUST_SAY.keySet()) {
            assertThat(documents.issueApplication(caseNumber, DocumentKind.valueOf(kind), "wangfang").content()).as(kind)
                    .contains(caseNumber).doesNotContain("${", "FreeMarker");
        }
        assertThat(mediator.documents(caseNumber)).hasSize(MUST_SAY.size());
    }

    @Test
    void printsAPdfWithTheChineseFontEmbeddedThatIsNotBlank() throws Exception {
        String caseNumber = caseWithAgreement();
        Map<String, Object> agreement = mediator.documents(caseNumber).stream()
                .filter(d -> "MEDIATION_AGREEMENT".equals(d.get("kind"))).findFirst().orElseThrow();

        ResponseEntity<byte[]> pdf = mediator.get((String) agreement.get("pdf"), byte[].class);

        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        try (PDDocument doc = Loader.loadPDF(pdf.getBody())) {
            // the text layer reads as the document does (人民 and 角, not the radicals ⼈⺠ and ⻆ that share glyphs),
            // also for a name with a character outside the BMP
            String text = new PDFTextStripper().getText(doc).replace(" ", "");
            assertThat(text).contains("调解协议书", "刘小雨", "人民币壹万零贰佰元伍角整", "王𣲗").doesNotContain("⺠", "⻆", "⼈");
            PDPage first = doc.getPage(0);
            for (org.apache.pdfbox.cos.COSName name : first.getResources().getFontNames()) {
                PDFont font = first.getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName() + " is embedded").isTrue();
            }
            BufferedImage image = new PDFRenderer(doc).renderImage(0, 0.5f);
            assertThat(darkPixelShare(image)).as("share of the page that is ink").isBetween(0.005, 0.5);
        }
    }

    @Test
    void refusesAnUnknownKindNamingTheFieldAndStoresNothing() {
        String caseNumber = (String) mediator.openCase(Applications.mediation("yuzhong")).getBody().get("caseNumber");

        ResponseEntity<Map<String, Object>> answer = issue(caseNumber, "LOVE_LETTER");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().toString()).contains("kind", "文书种类", "unknown document kind");
        assertThat(mediator.documents(caseNumber)).isEmpty();
    }

    @Test
    void anotherOrganisationSeesNeitherTheDocumentsNorTheirContent() {
        String caseNumber = caseWithAgreement();
        String address = (String) mediator.documents(caseNumber).get(0).get("html");
        StaffClient other = new StaffClient(http, "lixiaoyun", "demo");

        assertThat(other.get(address, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(other.get(address + "/pdf", byte[].class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<Map<String, Object>> issued = new TestRestTemplate().withBasicAuth("lixiaoyun", "demo")
                .exchange(URI.create(http.getRootUri() + documentsPath(caseNumber)), HttpMethod.POST,
                        new HttpEntity<>(Map.of("kind", "MEDIATION_AGREEMENT")), MAP);
        assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** Accepted, one session, an agreement of 10,200.50 yuan in two payments; the second worker is 王𣲗. */
    private String caseWithAgreement() {
        Map<String, Object> application = Applications.mediation("yuzhong");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> workers = (List<Map<String, Object>>) application.get("workers");
        workers.add(Applications.worker("王𣲗", Applications.WORKER_IDS[2]));
        String caseNumber = (String) mediator.openCase(application).getBody().get("caseNumber");
        mediator.claimAndComplete(caseNumber, "Task_DecideMediationAcceptance", "withinScope", true,
                "otherPartyConsents", true);
        mediator.claimAndComplete(caseNumber, "Task_ScheduleMediationSession", "sessionAt",
                LocalDate.now().plusDays(1) + "T09:30:00", "sessionMode", "IN_PERSON",
                "sessionPlace", "渝中区劳动争议调解中心", "sessionParticipants", "双方当事人");
        mediator.claimAndComplete(caseNumber, "Task_RecordMediationSession", "mediationResult", "AGREEMENT",
                "sessionRecord", "经调解，公司同意分两期支付。");
        mediator.claimAndComplete(caseNumber, "Task_DraftMediationAgreement",
                "agreementItems", "乙方分两期支付工资和经济补偿。", "agreedAmount", 10200.5,
                "paymentDueDate", LocalDate.now().plusDays(10).toString(), "firstPaymentAmount", 4000.0,
                "secondPaymentDate", LocalDate.now().plusDays(40).toString(), "secondPaymentAmount", 6200.5,
                "consolidation", "NONE");
        mediator.claimAndComplete(caseNumber, "Task_RecordAgreementSignature", "agreementSigned", true,
                "agreementSignedOn", LocalDate.now().toString(), "signatureNote", "双方当场签署");
        mediator.claimAndComplete(caseNumber, "Task_AssessPerformance", "performanceCapacity", "GOOD",
                "capacityNote", "正常", "paidOnTheSpot", false, "noticeServedOn", LocalDate.now().toString());
        return caseNumber;
    }

    private ResponseEntity<Map<String, Object>> issue(String caseNumber, String kind) {
        return new TestRestTemplate().withBasicAuth("wangfang", "demo").exchange(
                URI.create(http.getRootUri() + documentsPath(caseNumber)), HttpMethod.POST,
                new HttpEntity<>(Map.of("kind", kind)), MAP);
    }

    private static String documentsPath(String caseNumber) {
        return UriComponentsBuilder.fromPath("/api/cases/{n}/documents").buildAndExpand(caseNumber).encode()
                .toUriString();
    }

    private static double darkPixelShare(BufferedImage image) {
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int grey = (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
                if (grey < 128) {
                    dark++;
                }
            }
        }
        return (double) dark / ((long) image.getWidth() * image.getHeight());
    }
}
