package cn.labordispute.cases;

import java.time.LocalDate;

/** Staff restated an online applicant's claims (明确请求); the applicant is to confirm them by {@code confirmBy}. */
public record ClaimsRestated(String caseNumber, int claims, LocalDate confirmBy, String note) {
}
