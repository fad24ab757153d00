package cn.labordispute.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a member of staff types to find a case, read the way a person means it: a case number with or without 〔〕
 * ("渝中劳调2026 15", "2026-00015", "渝中劳调〔2026〕00015号"), a party's name or part of it, an employer's name or
 * credit code, the last four characters of an identity number, a phone number or a full identity number. Each
 * reading that fits becomes one condition; a case matching any of them is found.
 */
final class CaseQueries {

    private static final Pattern SUFFIX = Pattern.compile("^[0-9Xx]{4}$");
    private static final Pattern PHONE = Pattern.compile("^1\\d{10}$");
    private static final Pattern IDENTITY = Pattern.compile("^[0-9A-Za-z]{15,18}$");

    private CaseQueries() {
    }

    /** The last four characters of an identity number, as stored beside it for the look-up. */
    static String suffix(String idNumber) {
        if (idNumber == null || idNumber.length() < 4) {
            return null;
        }
        return idNumber.substring(idNumber.length() - 4).toUpperCase(Locale.ROOT);
    }

    /** Appends " AND (…)" for the typed text to {@code sql} (cases aliased {@code c}). */
    static void where(String typed, StringBuilder sql, List<Object> params) {
        String text = typed.trim().replace('　', ' ');
        List<String> any = new ArrayList<>();
        CaseNumbers.parse(text).ifPresent(number -> {
            any.add("c.case_number LIKE ?");
            params.add(like(number.prefix()) + "%" + number.ending());
        });
        String compact = text.replace(" ", "");
        if (SUFFIX.matcher(compact).matches()) {
            any.add("EXISTS (SELECT 1 FROM dc_party p WHERE p.case_id = c.id AND p.id_suffix = ?)");
            params.add(compact.toUpperCase(Locale.ROOT));
        }
        if (PHONE.matcher(compact).matches()) {
            any.add("EXISTS (SELECT 1 FROM dc_party p WHERE p.case_id = c.id AND p.phone = ?)");
            params.add(compact);
        }
        if (IDENTITY.matcher(compact).matches()) {
            any.add("EXISTS (SELECT 1 FROM dc_party p WHERE p.case_id = c.id AND p.id_number = ?)");
            params.add(compact.toUpperCase(Locale.ROOT));
        }
        // a name (a worker's or the employer's) or any part of the case number
        any.add("c.case_number LIKE ?");
        params.add("%" + like(text) + "%");
        any.add("EXISTS (SELECT 1 FROM dc_party p WHERE p.case_id = c.id AND p.name LIKE ?)");
        params.add("%" + like(text) + "%");
        sql.append(" AND (").append(String.join(" OR ", any)).append(")");
    }

    /** The text with LIKE's wildcards taken literally. */
    private static String like(String text) {
        return text.replace("\\", "").replace("%", "").replace("_", "");
    }
}
