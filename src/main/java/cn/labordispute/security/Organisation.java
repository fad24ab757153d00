package cn.labordispute.security;

/** An organisation that handles cases: a mediation committee, an arbitration commission or a one-stop centre. */
public record Organisation(String code, String name, String casePrefix, String district, String region) {
}
