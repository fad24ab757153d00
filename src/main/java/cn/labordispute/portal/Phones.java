package cn.labordispute.portal;

import cn.labordispute.cases.PersonalData;
import java.util.regex.Pattern;

/** Mobile numbers: a mainland number (11 digits starting with 1) or an international one with its + prefix. */
final class Phones {

    private static final Pattern MAINLAND = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern INTERNATIONAL = Pattern.compile("\\+[1-9]\\d{6,14}");

    private Phones() {
    }

    static String normalise(String phone) {
        String p = phone.replaceAll("[\\s-]", "");
        return p.startsWith("+86") ? p.substring(3) : p;
    }

    static boolean valid(String phone) {
        String p = normalise(phone);
        return MAINLAND.matcher(p).matches() || INTERNATIONAL.matcher(p).matches();
    }

    /** 138****0000: what a page or a log shows of someone's number. */
    static String masked(String phone) {
        return PersonalData.maskPhone(phone);
    }
}
