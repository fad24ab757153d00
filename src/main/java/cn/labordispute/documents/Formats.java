package cn.labordispute.documents;

import cn.labordispute.cases.PaymentSchedule;
import cn.labordispute.deadlines.Deadlines;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** How documents print dates and money: 2026年10月15日, 4,000.00 元, 人民币肆仟元整. Templates call it as {@code fmt}. */
public final class Formats {

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] UNITS = {"", "拾", "佰", "仟"};
    private static final String[] GROUPS = {"", "万", "亿", "万亿"};

    /** A date as 2026年10月15日; accepts LocalDate, Date, or an ISO string (date or date-time). */
    public String date(Object value) {
        LocalDate d = toDate(value);
        return d == null ? "" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** A date and time as 2026年10月15日 09:30 when the value has a time, otherwise as {@link #date}. */
    public String dateTime(Object value) {
        if (value instanceof String s && s.length() > 10 && s.charAt(10) == 'T') {
            LocalDateTime t = LocalDateTime.parse(s.length() > 19 ? s.substring(0, 19) : s);
            return date(t.toLocalDate()) + String.format(" %02d:%02d", t.getHour(), t.getMinute());
        }
        return date(value);
    }

    /** Money in yuan with two decimals and thousands separators. */
    public String money(Object value) {
        BigDecimal b = toMoney(value);
        return b == null ? "" : new DecimalFormat("#,##0.00").format(b);
    }

    /** Money in Chinese capitals (大写), as contracts and agreements write it: 人民币肆仟元整. */
    public String upper(Object value) {
        BigDecimal b = toMoney(value);
        if (b == null) {
            return "";
        }
        long fen = b.movePointRight(2).longValueExact();
        long yuan = fen / 100;
        int jiao = (int) (fen / 10 % 10);
        int cents = (int) (fen % 10);
        StringBuilder out = new StringBuilder("人民币");
        out.append(yuan == 0 ? "零" : integerPart(yuan)).append("元");
        if (jiao == 0 && cents == 0) {
            return out.append("整").toString();
        }
        if (jiao > 0) {
            out.append(DIGITS.charAt(jiao)).append("角");
        } else if (yuan > 0) {
            out.append("零");
        }
        if (cents > 0) {
            out.append(DIGITS.charAt(cents)).append("分");
        } else {
            out.append("整");
        }
        return out.toString();
    }

    private static String integerPart(long n) {
        StringBuilder out = new StringBuilder();
        int group = 0;
        boolean pendingZero = false;
        while (n > 0) {
            int chunk = (int) (n % 10000);
            if (chunk > 0) {
                String words = chunk(chunk) + GROUPS[group];
                if (pendingZero) {
                    words += "零";
                }
                out.insert(0, words);
                pendingZero = chunk < 1000;
            } else if (out.length() > 0) {
                pendingZero = true;
            }
            n /= 10000;
            group++;
        }
        String s = out.toString();
        return s.endsWith("零") ? s.substring(0, s.length() - 1) : s;
    }

    private static String chunk(int n) {
        StringBuilder out = new StringBuilder();
        boolean zero = false;
        for (int pos = 3; pos >= 0; pos--) {
            int d = (int) (n / Math.pow(10, pos)) % 10;
            if (d == 0) {
                zero = out.length() > 0;
            } else {
                if (zero) {
                    out.append("零");
                    zero = false;
                }
                out.append(DIGITS.charAt(d)).append(UNITS[pos]);
            }
        }
        return out.toString();
    }

    private static BigDecimal toMoney(Object value) {
        return value instanceof BigDecimal b ? b.setScale(2, RoundingMode.HALF_UP) : PaymentSchedule.money(value);
    }

    private static LocalDate toDate(Object value) {
        return value == null || value.toString().isBlank() ? null : Deadlines.toLocalDate(value);
    }
}
