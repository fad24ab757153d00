package cn.labordispute.portal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Portal settings (dispute.portal.*): how many requests a client may make per hour, how long a one-time code lives,
 * when wrong access codes lock a case, the largest evidence file, and which organisation takes online applications
 * when the applicant does not choose one.
 */
@ConfigurationProperties("dispute.portal")
record PortalProperties(Integer applicationsPerHour, Integer codesPerHour, Integer lookupsPerHour,
        Duration codeLifetime, Integer maxCodeAttempts, Integer lockAfterFailures, Duration lockFor,
        Integer maxEvidenceBytes, Integer maxEvidenceFiles) {

    PortalProperties {
        applicationsPerHour = applicationsPerHour == null ? 10 : applicationsPerHour;
        codesPerHour = codesPerHour == null ? 5 : codesPerHour;
        lookupsPerHour = lookupsPerHour == null ? 30 : lookupsPerHour;
        codeLifetime = codeLifetime == null ? Duration.ofMinutes(10) : codeLifetime;
        maxCodeAttempts = maxCodeAttempts == null ? 5 : maxCodeAttempts;
        lockAfterFailures = lockAfterFailures == null ? 5 : lockAfterFailures;
        lockFor = lockFor == null ? Duration.ofMinutes(30) : lockFor;
        maxEvidenceBytes = maxEvidenceBytes == null ? 10 * 1024 * 1024 : maxEvidenceBytes;
        maxEvidenceFiles = maxEvidenceFiles == null ? 10 : maxEvidenceFiles;
    }
}
