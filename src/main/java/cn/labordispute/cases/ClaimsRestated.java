package cn.labordispute.cases;

import java.time.LocalDate;

/** Staff restated an online applicant's claims (明确请求) on {@code restatedOn}; the applicant is to confirm them. */
public record ClaimsRestated(String caseNumber, int claims, LocalDate restatedOn, String note) {
}
