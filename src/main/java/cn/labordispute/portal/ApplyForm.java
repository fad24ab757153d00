package cn.labordispute.portal;

import java.util.ArrayList;
import java.util.List;

/** The online application form as the page posts it (one worker, one employer, up to six claims). */
public class ApplyForm {

    String applicantRole = "WORKER";
    String procedure = "MEDIATION";
    /** LABOUR (劳动争议) or PERSONNEL (人事争议, a public institution): which causes the claims are chosen from. */
    String disputeKind = "LABOUR";
    String organisation;
    String workerName;
    String workerIdType = "RESIDENT_ID";
    String workerIdNumber;
    String workerPhone;
    String workerAddress;
    boolean migrantWorker;
    String employerName;
    String employerCreditCode;
    String employerPhone;
    String employerAddress;
    String summary;
    List<String> claimCause = new ArrayList<>();
    List<String> claimAmount = new ArrayList<>();
    List<String> claimDescription = new ArrayList<>();
    String knewOn;
    boolean stillEmployed;
    String employmentEndedOn;
    String limitationReason = "NONE";
    String code;
    /** The form's own key: a second submission of this form (a double tap, a retry) answers the first case. */
    String requestKey = java.util.UUID.randomUUID().toString();

    /** The phone verified with the one-time code: the applicant's own. */
    String applicantPhone() {
        return "EMPLOYER".equals(applicantRole) ? employerPhone : workerPhone;
    }

    // Setters for Spring's form binding.
    public void setApplicantRole(String v) { applicantRole = v; }
    public void setRequestKey(String v) { requestKey = v == null || v.isBlank() ? null : v.trim(); }
    public String getRequestKey() { return requestKey; }
    public void setProcedure(String v) { procedure = v; }
    public void setDisputeKind(String v) { disputeKind = "PERSONNEL".equals(v) ? v : "LABOUR"; }
    public String getDisputeKind() { return disputeKind; }
    public void setOrganisation(String v) { organisation = v; }
    public void setWorkerName(String v) { workerName = v; }
    public void setWorkerIdType(String v) { workerIdType = v; }
    public void setWorkerIdNumber(String v) { workerIdNumber = v == null ? null : v.trim().toUpperCase(); }
    public void setWorkerPhone(String v) { workerPhone = v == null ? null : v.trim(); }
    public void setWorkerAddress(String v) { workerAddress = v; }
    public void setMigrantWorker(boolean v) { migrantWorker = v; }
    public void setEmployerName(String v) { employerName = v; }
    public void setEmployerCreditCode(String v) { employerCreditCode = v == null ? null : v.trim().toUpperCase(); }
    public void setEmployerPhone(String v) { employerPhone = v == null ? null : v.trim(); }
    public void setEmployerAddress(String v) { employerAddress = v; }
    public void setSummary(String v) { summary = v; }
    public void setClaimCause(List<String> v) { claimCause = v; }
    public void setClaimAmount(List<String> v) { claimAmount = v; }
    public void setClaimDescription(List<String> v) { claimDescription = v; }
    public void setKnewOn(String v) { knewOn = v; }
    public void setStillEmployed(boolean v) { stillEmployed = v; }
    public void setEmploymentEndedOn(String v) { employmentEndedOn = v; }
    public void setLimitationReason(String v) { limitationReason = v; }
    public void setCode(String v) { code = v; }

    // Getters for the page that shows the form again after an error.
    public String getApplicantRole() { return applicantRole; }
    public String getProcedure() { return procedure; }
    public String getOrganisation() { return organisation; }
    public String getWorkerName() { return workerName; }
    public String getWorkerIdType() { return workerIdType; }
    public String getWorkerIdNumber() { return workerIdNumber; }
    public String getWorkerPhone() { return workerPhone; }
    public String getWorkerAddress() { return workerAddress; }
    public boolean isMigrantWorker() { return migrantWorker; }
    public String getEmployerName() { return employerName; }
    public String getEmployerCreditCode() { return employerCreditCode; }
    public String getEmployerPhone() { return employerPhone; }
    public String getEmployerAddress() { return employerAddress; }
    public String getSummary() { return summary; }
    public List<String> getClaimCause() { return claimCause; }
    public List<String> getClaimAmount() { return claimAmount; }
    public List<String> getClaimDescription() { return claimDescription; }
    public String getKnewOn() { return knewOn; }
    public boolean isStillEmployed() { return stillEmployed; }
    public String getEmploymentEndedOn() { return employmentEndedOn; }
    public String getLimitationReason() { return limitationReason; }
}
