package cn.labordispute.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An application for a case as staff at the window (一窗受理) or the portal submit it: who, against whom, what is
 * claimed and which procedure the applicant asks for.
 */
public record CaseApplication(String organisation, String requestedProcedure, String summary, LocalDate receivedOn,
        List<Worker> workers, Employer employer, List<ClaimItem> claims, Boolean oral) {

    /** A written application (the form filled in at the window, or uploaded). */
    public CaseApplication(String organisation, String requestedProcedure, String summary, LocalDate receivedOn,
            List<Worker> workers, Employer employer, List<ClaimItem> claims) {
        this(organisation, requestedProcedure, summary, receivedOn, workers, employer, claims, null);
    }

    /**
     * A worker: identity by 居民身份证 (RESIDENT_ID), passport (PASSPORT) or 港澳台 permit (HMT_PERMIT), and the
     * amount this worker claims (optional; in a collective case each worker's own share of the claims).
     */
    public record Worker(String name, String idType, String idNumber, String phone, String address,
            Boolean migrantWorker, BigDecimal amount) {

        public Worker(String name, String idType, String idNumber, String phone, String address,
                Boolean migrantWorker) {
            this(name, idType, idNumber, phone, address, migrantWorker, null);
        }
    }

    /** The employer, identified by its 统一社会信用代码. */
    public record Employer(String name, String creditCode, String phone, String address) {
    }

    /** One claim: a cause code from the taxonomy and the amount in yuan (0 for claims without money). */
    public record ClaimItem(String causeCode, String description, BigDecimal amount) {
    }
}
