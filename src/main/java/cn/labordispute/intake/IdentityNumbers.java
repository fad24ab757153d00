package cn.labordispute.intake;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** Checks identity numbers: 居民身份证 (GB 11643-1999), 统一社会信用代码 (GB 32100-2015), passports and 港澳台 permits. */
public final class IdentityNumbers {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{5,17}");
    /** 港澳居民来往内地通行证 (H/M + 8 or 10 digits) and 台湾居民来往大陆通行证 (8 or 10 digits). */
    private static final Pattern HMT_PERMIT = Pattern.compile("([HM]\\d{8}(\\d{2})?)|(\\d{8}(\\d{2})?)");

    private IdentityNumbers() {
    }

    /** An 18-character resident identity number with a valid birth date and check character. */
    public static boolean isResidentId(String value) {
        if (value == null || !value.matches("\\d{17}[0-9X]")) {
            return false;
        }
        try {
            if (birthDate(value).getYear() < 1900) {
                return false;
            }
        } catch (DateTimeException badDate) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (value.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK.charAt(sum % 11) == value.charAt(17);
    }

    /** The birth date a valid resident identity number carries (digits 7 to 14). */
    public static LocalDate birthDate(String residentId) {
        return LocalDate.of(Integer.parseInt(residentId.substring(6, 10)), Integer.parseInt(residentId.substring(10, 12)),
                Integer.parseInt(residentId.substring(12, 14)));
    }

    /** An 18-character unified social credit code with a valid check character. */
    public static boolean isUnifiedSocialCreditCode(String value) {
        if (value == null || value.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = USCC_CHARS.indexOf(value.charAt(i));
            if (v < 0) {
                return false;
            }
            sum += v * USCC_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return USCC_CHARS.charAt(check) == value.charAt(17);
    }

    public static boolean isPassport(String value) {
        return value != null && PASSPORT.matcher(value).matches();
    }

    public static boolean isHmtPermit(String value) {
        return value != null && HMT_PERMIT.matcher(value).matches();
    }
}
