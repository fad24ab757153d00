package cn.labordispute.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Valid applications as JSON-like maps, for tests to send and to spoil one field at a time. */
final class Applications {

    /** Valid 18-digit resident ID numbers (checksums correct). */
    static final String[] WORKER_IDS = {"500103199001011232", "500103198506122347", "43310119920315345X",
        "500103199511204560", "11010519491231002X", "500103198808085676", "433101198001016786"};
    static final String EMPLOYER_CODE = "91500103MA5U8XYM10";

    private Applications() {
    }

    static Map<String, Object> mediation(String organisation) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("organisation", organisation);
        a.put("requestedProcedure", "MEDIATION");
        a.put("summary", "两名网络主播试用期内被辞退，未签书面劳动合同，要求支付经济补偿和拖欠工资。");
        a.put("workers", new ArrayList<>(List.of(
                worker("刘小雨", WORKER_IDS[0]), worker("陈思思", WORKER_IDS[1]))));
        a.put("employer", new LinkedHashMap<>(Map.of("name", "重庆星光文化传媒有限公司", "creditCode", EMPLOYER_CODE,
                "phone", "023-63001234")));
        a.put("claims", new ArrayList<>(List.of(
                claim("TERM_COMPENSATION", new java.math.BigDecimal("4000.00")), claim("PAY_ARREARS", new java.math.BigDecimal("6200.50")))));
        return a;
    }

    static Map<String, Object> worker(String name, String id) {
        return new LinkedHashMap<>(Map.of("name", name, "idType", "RESIDENT_ID", "idNumber", id,
                "phone", "13800001111", "migrantWorker", true));
    }

    static Map<String, Object> claim(String cause, Object amount) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("causeCode", cause);
        c.put("description", "请求事项");
        c.put("amount", amount);
        return c;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> firstWorker(Map<String, Object> application) {
        return ((List<Map<String, Object>>) application.get("workers")).get(0);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> firstClaim(Map<String, Object> application) {
        return ((List<Map<String, Object>>) application.get("claims")).get(0);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> employer(Map<String, Object> application) {
        return (Map<String, Object>) application.get("employer");
    }

    /** A valid 统一社会信用代码 with the serial number n (GB 32100-2015 check character): an employer of its own. */
    static String creditCode(int n) {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        String body = "91500103" + String.format("%09d", 900_000_000 + n);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += chars.indexOf(body.charAt(i)) * weights[i];
        }
        return body + chars.charAt((31 - sum % 31) % 31);
    }

    /** The application against an employer of its own, so that no other test's case looks like its duplicate. */
    static Map<String, Object> againstOwnEmployer(Map<String, Object> application, int n) {
        employer(application).put("creditCode", creditCode(n));
        return application;
    }
}
