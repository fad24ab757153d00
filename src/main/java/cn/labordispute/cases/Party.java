package cn.labordispute.cases;

import java.math.BigDecimal;

/**
 * A party to a case: a worker (one of possibly many) or the employer. A worker may state the amount they claim,
 * may be one of the representatives the workers of a collective case elected, and has their own outcome once their
 * part of the dispute ends (null while it goes on).
 */
public record Party(Role role, String name, String idType, String idNumber, String phone, String address,
        boolean migrantWorker, BigDecimal claimedAmount, boolean representative, String outcome) {

    public Party(Role role, String name, String idType, String idNumber, String phone, String address,
            boolean migrantWorker) {
        this(role, name, idType, idNumber, phone, address, migrantWorker, null, false, null);
    }

    public enum Role {
        WORKER, EMPLOYER
    }

    /** The identity number with its middle hidden, for people who do not need the whole number. */
    public String maskedIdNumber() {
        return PersonalData.maskIdNumber(idNumber);
    }
}
