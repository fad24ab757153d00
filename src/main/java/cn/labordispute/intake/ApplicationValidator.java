package cn.labordispute.intake;

import cn.labordispute.cases.CaseCauses;
import cn.labordispute.security.Organisations;
import cn.labordispute.calendar.EngineTime;
import java.math.BigDecimal;
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
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    private final CaseCauses causes;
    private final Organisations organisations;

    ApplicationValidator(CaseCauses causes, Organisations organisations) {
        this.causes = causes;
        this.organisations = organisations;
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
        }
        if (a.receivedOn() != null && a.receivedOn().isAfter(EngineTime.today())) {
            errors.add(new FieldError("receivedOn", "收件日期不能晚于今天 / receivedOn cannot be in the future"));
        }
        validateWorkers(a.workers(), errors);
        validateEmployer(a.employer(), errors);
        validateClaims(a.claims(), errors);
        return errors;
    }

    private void validateWorkers(List<CaseApplication.Worker> workers, List<FieldError> errors) {
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
            }
            String idError = idNumberError(w.idType(), w.idNumber());
            if (idError != null) {
                errors.add(new FieldError(at + (idError.startsWith("证件类型") ? ".idType" : ".idNumber"), idError));
            } else if (!seen.add(w.idNumber())) {
                errors.add(new FieldError(at + ".idNumber", "同一劳动者重复填写 / the same worker is listed twice"));
            }
            if (!blank(w.phone()) && !PHONE.matcher(w.phone()).matches()) {
                errors.add(new FieldError(at + ".phone", "电话号码格式不正确 / phone number is not valid"));
            }
            if (w.amount() != null) {
                String amountError = amountError(w.amount());
                if (amountError != null) {
                    errors.add(new FieldError(at + ".amount", amountError));
                }
            }
        }
    }

    /** What is wrong with an amount in yuan, or null: not negative, at most two decimals (分), not absurdly large. */
    private static String amountError(BigDecimal amount) {
        if (amount.signum() < 0) {
            return "金额不能为负数 / amount cannot be negative";
        }
        if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            return "金额最多保留两位小数（分） / amount has at most two decimals";
        }
        return amount.compareTo(MAX_AMOUNT) >= 0 ? "金额过大 / amount is too large" : null;
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

    private static void validateEmployer(CaseApplication.Employer e, List<FieldError> errors) {
        if (e == null) {
            errors.add(new FieldError("employer", "请填写用人单位 / employer is required"));
            return;
        }
        if (blank(e.name()) || e.name().length() > 200) {
            errors.add(new FieldError("employer.name", "请填写用人单位名称（200字以内） / employer name is required (at most 200)"));
        }
        if (!IdentityNumbers.isUnifiedSocialCreditCode(e.creditCode())) {
            errors.add(new FieldError("employer.creditCode",
                    "统一社会信用代码无效（18位，校验位错误或含非法字符） / unified social credit code is invalid (18 characters, checksum)"));
        }
        if (!blank(e.phone()) && !PHONE.matcher(e.phone()).matches()) {
            errors.add(new FieldError("employer.phone", "电话号码格式不正确 / phone number is not valid"));
        }
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
            } else if (amountError(c.amount()) != null) {
                errors.add(new FieldError(at + ".amount", amountError(c.amount())));
            }
            if (c.description() != null && c.description().length() > 1000) {
                errors.add(new FieldError(at + ".description", "请求说明不得超过1000字 / description must be at most 1000 characters"));
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
