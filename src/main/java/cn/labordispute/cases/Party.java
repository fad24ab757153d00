package cn.labordispute.cases;

/** A party to a case: a worker (one of possibly many) or the employer. */
public record Party(Role role, String name, String idType, String idNumber, String phone, String address,
        boolean migrantWorker) {

    public enum Role {
        WORKER, EMPLOYER
    }

    /** The identity number with its middle hidden, for people who do not need the whole number. */
    public String maskedIdNumber() {
        if (idNumber == null || idNumber.length() < 8) {
            return "****";
        }
        return idNumber.substring(0, 4) + "*".repeat(idNumber.length() - 8) + idNumber.substring(idNumber.length() - 4);
    }
}
