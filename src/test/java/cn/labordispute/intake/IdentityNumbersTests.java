package cn.labordispute.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentityNumbersTests {

    @Test
    void acceptsResidentIdsWithCorrectCheckCharacter() {
        assertThat(IdentityNumbers.isResidentId("11010519491231002X")).isTrue();
        assertThat(IdentityNumbers.isResidentId("500103199001011232")).isTrue();
    }

    @Test
    void refusesResidentIdsWithWrongCheckCharacterLengthOrDate() {
        assertThat(IdentityNumbers.isResidentId("110105194912310021")).isFalse();
        assertThat(IdentityNumbers.isResidentId("11010519491231002")).isFalse();
        assertThat(IdentityNumbers.isResidentId("11010519491331002X")).as("month 13").isFalse();
        assertThat(IdentityNumbers.isResidentId("11010519491231002x")).as("lower-case x").isFalse();
        assertThat(IdentityNumbers.isResidentId(null)).isFalse();
    }

    @Test
    void checksUnifiedSocialCreditCodes() {
        assertThat(IdentityNumbers.isUnifiedSocialCreditCode("91500103MA5U8XYM10")).isTrue();
        assertThat(IdentityNumbers.isUnifiedSocialCreditCode("91433101MA4PABCD2F")).isTrue();
        assertThat(IdentityNumbers.isUnifiedSocialCreditCode("91500103MA5U8XYM11")).isFalse();
        assertThat(IdentityNumbers.isUnifiedSocialCreditCode("91500103MA5U8XYI10")).as("I is not used").isFalse();
        assertThat(IdentityNumbers.isUnifiedSocialCreditCode("9150010")).isFalse();
    }

    @Test
    void checksPassportsAndPermits() {
        assertThat(IdentityNumbers.isPassport("E12345678")).isTrue();
        assertThat(IdentityNumbers.isPassport("e1234")).isFalse();
        assertThat(IdentityNumbers.isHmtPermit("H12345678")).isTrue();
        assertThat(IdentityNumbers.isHmtPermit("M1234567801")).isTrue();
        assertThat(IdentityNumbers.isHmtPermit("12345678")).isTrue();
        assertThat(IdentityNumbers.isHmtPermit("X12345678")).isFalse();
    }
}
