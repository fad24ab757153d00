package cn.labordispute.intake;

import cn.labordispute.cases.CaseCauses;
import cn.labordispute.security.Organisations;
import cn.labordispute.calendar.EngineTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Checks an application field by field and names every bad field, in Chinese and English. */
@Component
public class ApplicationValidator {

    static final Set<String> PROCEDURES = Set.of("NEGOTIATION", "MEDIATION", "ARBITRATION");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 \\-]{4,19}");
    /** What the database holds (dc_party.phone, dc_party.address). */
    static final int PHONE_LENGTH = 20;
    static final int ADDRESS_LENGTH = 300;
    /** 《劳动法》第十五条: no one under sixteen may be employed; an older age than this is a typing slip. */
    static final int WORKING_AGE = 16;
    static final int OLDEST = 100;
    /** Characters no person types: control characters (in running text a line break or tab is fine) and halves of a
     * character pair that the database cannot store. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cs}\\uFFFE\\uFFFF]");
    private static final Pattern CONTROL_IN_TEXT = Pattern.compile("[\\p{Cs}\\uFFFE\\uFFFF]|[\\p{Cc}&&[^\\n\\r\\t]]");

    private final CaseCauses causes;
    private final Organisations organisations;
    private final AmountLimits limits;

    ApplicationValidator(CaseCauses causes, Organisations organisations, AmountLimits limits) {
        this.causes = causes;
        this.organisations = organisations;
        this.limits = limits;
    }

    public List<FieldError> validate(CaseApplication a) {
        List<FieldError> errors = new ArrayList<>();
        if (a == null) {
            errors.add(new FieldError("body", "请求内容为空 / request body is empty"));
            return errors;
        }
        if (blank(a.organisation())) {
            errors.add(new FieldError("organisation", "请填写受理组织 / organisation is required"));
        } else if (organisations.find(a.organisation()).isEmpty()) {
            errors.add(new FieldError("organisation", "没有该受理组织 / unknown organisation: " + a.organisation()));
        }
        if (blank(a.requestedProcedure()) || !PROCEDURES.contains(a.requestedProcedure())) {
            errors.add(new FieldError("requestedProcedure",
                    "申请程序须为 NEGOTIATION（协商）、MEDIATION（调解）或 ARBITRATION（仲裁） / requestedProcedure must be "
                            + "NEGOTIATION, MEDIATION or ARBITRATION"));
        }
        if (blank(a.summary())) {
            errors.add(new FieldError("summary", "请填写事实与理由 / summary (facts and reasons) is required"));
        } else if (a.summary().length() > 4000) {
            errors.add(new FieldError("summary", "事实与理由不得超过4000字 / summary must be at most 4000 characters"));
        } else {
            text("summary", a.summary(), errors);
        }
        if (a.receivedOn() != null && a.receivedOn().isAfter(EngineTime.today())) {
            errors.add(new FieldError("receivedOn", "收件日期不能晚于今天 / receivedOn cannot be in the future"));
        }
        LocalDate receivedOn = a.receivedOn() != null ? a.receivedOn() : EngineTime.today();
        validateWorkers(a.workers(), receivedOn, errors);
        validateEmployer(a.employer(), errors);
        validateClaims(a.claims(), errors);
        validateTotals(a, errors);
        return errors;
    }

    private void validateWorkers(List<CaseApplication.Worker> workers, LocalDate receivedOn, List<FieldError> errors) {
        if (workers == null || workers.isEmpty()) {
            errors.add(new FieldError("workers", "至少需要一名劳动者 / at least one worker is required"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < workers.size(); i++) {
            CaseApplication.Worker w = workers.get(i);
            String at = "workers[" + i + "]";
            if (w == null) {
                errors.add(new FieldError(at, "劳动者信息为空 / worker is empty"));
                continue;
            }
            if (blank(w.name()) || w.name().length() > 100) {
                errors.add(new FieldError(at + ".name", "请填写劳动者姓名（100字以内） / worker name is required (at most 100)"));
            } else {
                line(at + ".name", w.name(), errors);
            }
            String idError = idNumberError(w.idType(), w.idNumber());
            if (idError != null) {
                errors.add(new FieldError(at + (idError.startsWith("证件类型") ? ".idType" : ".idNumber"), idError));
            } else if (!seen.add(w.idNumber())) {
                errors.add(new FieldError(at + ".idNumber", "同一劳动者重复填写 / the same worker is listed twice"));
            } else if ("RESIDENT_ID".equals(w.idType())) {
                ageError(IdentityNumbers.birthDate(w.idNumber()), receivedOn)
                        .ifPresent(e -> errors.add(new FieldError(at + ".idNumber", e)));
            }
            phone(at + ".phone", w.phone(), errors);
            address(at + ".address", w.address(), errors);
            if (w.amount() != null) {
                String amountError = amountError(w.amount(), limits.perClaim(), "每名劳动者的请求金额");
                if (amountError != null) {
                    errors.add(new FieldError(at + ".amount", amountError));
                }
            }
        }
    }

    /** What is wrong with an amount in yuan, or null: not negative, at most two decimals (分), within the ceiling. */
    private static String amountError(BigDecimal amount, BigDecimal ceiling, String what) {
        if (amount.signum() < 0) {
            return "金额不能为负数 / amount cannot be negative";
        }
        if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            return "金额最多保留两位小数（分） / amount has at most two decimals";
        }
        if (amount.compareTo(ceiling) > 0) {
            return what + "超过上限 " + yuan(ceiling) + " 元，请核对金额（上限由政策人员设定） / amount is above the ceiling of "
                    + ceiling.toPlainString() + " yuan";
        }
        return null;
    }

    private static String yuan(BigDecimal amount) {
        return new java.text.DecimalFormat("#,##0.##").format(amount);
    }

    /** The whole case's claims, and the workers' shares of a collective case, within the case ceiling. */
    private void validateTotals(CaseApplication a, List<FieldError> errors) {
        if (a.claims() != null && a.claims().stream().allMatch(c -> c != null && c.amount() != null)) {
            BigDecimal total = a.claims().stream().map(CaseApplication.ClaimItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (total.compareTo(limits.perCase()) > 0) {
                errors.add(new FieldError("claims", "请求金额合计 " + yuan(total) + " 元，超过一案上限 " + yuan(limits.perCase())
                        + " 元，请核对金额 / the claims total " + total.toPlainString() + " yuan, above the case ceiling of "
                        + limits.perCase().toPlainString()));
            }
        }
        if (a.workers() != null && a.workers().stream().allMatch(w -> w != null)) {
            BigDecimal shares = a.workers().stream().map(CaseApplication.Worker::amount).filter(java.util.Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (shares.compareTo(limits.perCase()) > 0) {
                errors.add(new FieldError("workers", "各劳动者请求金额合计 " + yuan(shares) + " 元，超过一案上限 "
                        + yuan(limits.perCase()) + " 元，请核对金额 / the workers' amounts total " + shares.toPlainString()
                        + " yuan, above the case ceiling of " + limits.perCase().toPlainString()));
            }
        }
    }

    /** A worker's age on the day the application is received: of working age and plausible. */
    static java.util.Optional<String> ageError(LocalDate birth, LocalDate receivedOn) {
        if (birth.isAfter(receivedOn)) {
            return java.util.Optional.of("证件号码中的出生日期晚于申请日，请核对 / the birth date in the ID number is after the application date");
        }
        int age = java.time.Period.between(birth, receivedOn).getYears();
        if (age < WORKING_AGE) {
            return java.util.Optional.of("按证件号码，劳动者申请时未满16周岁，请核对证件号码 / by the ID number the worker is under 16");
        }
        if (age > OLDEST) {
            return java.util.Optional.of("按证件号码，劳动者申请时已超过100周岁，请核对证件号码 / by the ID number the worker is over 100");
        }
        return java.util.Optional.empty();
    }

    private static void phone(String field, String phone, List<FieldError> errors) {
        if (blank(phone)) {
            return;
        }
        if (phone.length() > PHONE_LENGTH || !PHONE.matcher(phone).matches()) {
            errors.add(new FieldError(field, "电话号码格式不正确（最多20位） / phone number is not valid (at most 20 characters)"));
        }
    }

    private static void address(String field, String address, List<FieldError> errors) {
        if (address == null) {
            return;
        }
        if (address.length() > ADDRESS_LENGTH) {
            errors.add(new FieldError(field, "地址不得超过300字 / address must be at most 300 characters"));
        } else {
            line(field, address, errors);
        }
    }

    /** A one-line field (a name, an address): no control characters at all. */
    private static void line(String field, String value, List<FieldError> errors) {
        if (value != null && CONTROL.matcher(value).find()) {
            errors.add(new FieldError(field, "含有不可见的控制字符，请重新输入 / contains invisible control characters"));
        }
    }

    /** Running text (facts and reasons, a claim's description): line breaks and tabs are fine, other controls are not. */
    private static void text(String field, String value, List<FieldError> errors) {
        if (value != null && CONTROL_IN_TEXT.matcher(value).find()) {
            errors.add(new FieldError(field, "含有不可见的控制字符，请重新输入 / contains invisible control characters"));
        }
    }

    private static String idNumberError(String type, String number) {
        if (type == null) {
            return "证件类型须为 RESIDENT_ID、PASSPORT 或 HMT_PERMIT / idType must be RESIDENT_ID, PASSPORT or HMT_PERMIT";
        }
        return switch (type) {
            case "RESIDENT_ID" -> IdentityNumbers.isResidentId(number) ? null
                    : "居民身份证号码无效（位数、出生日期或校验位错误） / resident ID number is invalid (length, birth date or checksum)";
            case "PASSPORT" -> IdentityNumbers.isPassport(number) ? null
                    : "护照号码应为5至17位大写字母或数字 / passport number must be 5-17 capital letters or digits";
            case "HMT_PERMIT" -> IdentityNumbers.isHmtPermit(number) ? null
                    : "港澳台通行证号码格式不正确 / Hong Kong, Macao or Taiwan permit number is not valid";
            default -> "证件类型须为 RESIDENT_ID、PASSPORT 或 HMT_PERMIT / idType must be RESIDENT_ID, PASSPORT or HMT_PERMIT";
        };
    }

    private void validateEmployer(CaseApplication.Employer e, List<FieldError> errors) {
        if (e == null) {
            errors.add(new FieldError("employer", "请填写用人单位 / employer is required"));
            return;
        }
        if (blank(e.name()) || e.name().length() > 200) {
            errors.add(new FieldError("employer.name", "请填写用人单位名称（200字以内） / employer name is required (at most 200)"));
        } else {
            line("employer.name", e.name(), errors);
        }
        if (!IdentityNumbers.isUnifiedSocialCreditCode(e.creditCode())) {
            errors.add(new FieldError("employer.creditCode",
                    "统一社会信用代码无效（18位，校验位错误或含非法字符） / unified social credit code is invalid (18 characters, checksum)"));
        }
        phone("employer.phone", e.phone(), errors);
        address("employer.address", e.address(), errors);
    }

    private void validateClaims(List<CaseApplication.ClaimItem> claims, List<FieldError> errors) {
        if (claims == null || claims.isEmpty()) {
            errors.add(new FieldError("claims", "至少需要一项请求事项 / at least one claim is required"));
            return;
        }
        for (int i = 0; i < claims.size(); i++) {
            CaseApplication.ClaimItem c = claims.get(i);
            String at = "claims[" + i + "]";
            if (c == null) {
                errors.add(new FieldError(at, "请求事项为空 / claim is empty"));
                continue;
            }
            if (causes.find(c.causeCode()).isEmpty()) {
                errors.add(new FieldError(at + ".causeCode", "未知案由代码 / unknown case cause: " + c.causeCode()));
            }
            if (c.amount() == null) {
                errors.add(new FieldError(at + ".amount", "请填写金额（无金额填0） / amount is required (0 if none)"));
            } else if (amountError(c.amount(), limits.perClaim(), "单项请求金额") != null) {
                errors.add(new FieldError(at + ".amount", amountError(c.amount(), limits.perClaim(), "单项请求金额")));
            }
            if (c.description() != null && c.description().length() > 1000) {
                errors.add(new FieldError(at + ".description", "请求说明不得超过1000字 / description must be at most 1000 characters"));
            } else {
                text(at + ".description", c.description(), errors);
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
