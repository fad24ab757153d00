package cn.labordispute.intake;

import cn.labordispute.text.FieldError;
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
            errors.add(FieldError.of("body", "intake.body.empty"));
            return errors;
        }
        if (blank(a.organisation())) {
            errors.add(FieldError.of("organisation", "intake.organisation.required"));
        } else if (organisations.find(a.organisation()).isEmpty()) {
            errors.add(FieldError.of("organisation", "intake.organisation.unknown", a.organisation()));
        }
        if (blank(a.requestedProcedure()) || !PROCEDURES.contains(a.requestedProcedure())) {
            errors.add(FieldError.of("requestedProcedure", "intake.procedure.invalid"));
        }
        if (blank(a.summary())) {
            errors.add(FieldError.of("summary", "intake.summary.required"));
        } else if (a.summary().length() > 4000) {
            errors.add(FieldError.of("summary", "intake.summary.tooLong"));
        } else {
            text("summary", a.summary(), errors);
        }
        if (a.receivedOn() != null && a.receivedOn().isAfter(EngineTime.today())) {
            errors.add(FieldError.of("receivedOn", "intake.receivedOn.future"));
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
            errors.add(FieldError.of("workers", "intake.workers.required"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < workers.size(); i++) {
            CaseApplication.Worker w = workers.get(i);
            String at = "workers[" + i + "]";
            if (w == null) {
                errors.add(FieldError.of(at, "intake.worker.empty"));
                continue;
            }
            if (blank(w.name()) || w.name().length() > 100) {
                errors.add(FieldError.of(at + ".name", "intake.worker.name"));
            } else {
                line(at + ".name", w.name(), errors);
            }
            FieldError idError = idNumberError(at, w.idType(), w.idNumber());
            if (idError != null) {
                errors.add(idError);
            } else if (!seen.add(w.idNumber())) {
                errors.add(FieldError.of(at + ".idNumber", "intake.worker.twice"));
            } else if ("RESIDENT_ID".equals(w.idType())) {
                ageError(at + ".idNumber", IdentityNumbers.birthDate(w.idNumber()), receivedOn).ifPresent(errors::add);
            }
            phone(at + ".phone", w.phone(), errors);
            address(at + ".address", w.address(), errors);
            if (w.amount() != null) {
                FieldError amountError = amountError(at + ".amount", w.amount(), limits.perClaim(), "intake.amount.workerCeiling");
                if (amountError != null) {
                    errors.add(amountError);
                }
            }
        }
    }

    /** What is wrong with an amount in yuan, or null: not negative, at most two decimals (分), within the ceiling. */
    private static FieldError amountError(String field, BigDecimal amount, BigDecimal ceiling, String aboveCeiling) {
        if (amount.signum() < 0) {
            return FieldError.of(field, "intake.amount.negative");
        }
        if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            return FieldError.of(field, "intake.amount.decimals");
        }
        if (amount.compareTo(ceiling) > 0) {
            return FieldError.of(field, aboveCeiling, yuan(ceiling));
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
                errors.add(FieldError.of("claims", "intake.claims.total", yuan(total), yuan(limits.perCase())));
            }
        }
        if (a.workers() != null && a.workers().stream().allMatch(w -> w != null)) {
            BigDecimal shares = a.workers().stream().map(CaseApplication.Worker::amount).filter(java.util.Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (shares.compareTo(limits.perCase()) > 0) {
                errors.add(FieldError.of("workers", "intake.workers.total", yuan(shares), yuan(limits.perCase())));
            }
        }
    }

    /** A worker's age on the day the application is received: of working age and plausible. */
    static java.util.Optional<FieldError> ageError(String field, LocalDate birth, LocalDate receivedOn) {
        if (birth.isAfter(receivedOn)) {
            return java.util.Optional.of(FieldError.of(field, "intake.birth.afterApplication"));
        }
        int age = java.time.Period.between(birth, receivedOn).getYears();
        if (age < WORKING_AGE) {
            return java.util.Optional.of(FieldError.of(field, "intake.age.under", WORKING_AGE));
        }
        if (age > OLDEST) {
            return java.util.Optional.of(FieldError.of(field, "intake.age.over", OLDEST));
        }
        return java.util.Optional.empty();
    }

    private static void phone(String field, String phone, List<FieldError> errors) {
        if (blank(phone)) {
            return;
        }
        if (phone.length() > PHONE_LENGTH || !PHONE.matcher(phone).matches()) {
            errors.add(FieldError.of(field, "intake.phone.invalid"));
        }
    }

    private static void address(String field, String address, List<FieldError> errors) {
        if (address == null) {
            return;
        }
        if (address.length() > ADDRESS_LENGTH) {
            errors.add(FieldError.of(field, "intake.address.tooLong"));
        } else {
            line(field, address, errors);
        }
    }

    /** A one-line field (a name, an address): no control characters at all. */
    private static void line(String field, String value, List<FieldError> errors) {
        if (value != null && CONTROL.matcher(value).find()) {
            errors.add(FieldError.of(field, "intake.control"));
        }
    }

    /** Running text (facts and reasons, a claim's description): line breaks and tabs are fine, other controls are not. */
    private static void text(String field, String value, List<FieldError> errors) {
        if (value != null && CONTROL_IN_TEXT.matcher(value).find()) {
            errors.add(FieldError.of(field, "intake.control"));
        }
    }

    private static FieldError idNumberError(String at, String type, String number) {
        if (type == null) {
            return FieldError.of(at + ".idType", "intake.idType.invalid");
        }
        return switch (type) {
            case "RESIDENT_ID" -> IdentityNumbers.isResidentId(number) ? null
                    : FieldError.of(at + ".idNumber", "intake.idNumber.residentId");
            case "PASSPORT" -> IdentityNumbers.isPassport(number) ? null
                    : FieldError.of(at + ".idNumber", "intake.idNumber.passport");
            case "HMT_PERMIT" -> IdentityNumbers.isHmtPermit(number) ? null
                    : FieldError.of(at + ".idNumber", "intake.idNumber.hmtPermit");
            default -> FieldError.of(at + ".idType", "intake.idType.invalid");
        };
    }

    private void validateEmployer(CaseApplication.Employer e, List<FieldError> errors) {
        if (e == null) {
            errors.add(FieldError.of("employer", "intake.employer.required"));
            return;
        }
        if (blank(e.name()) || e.name().length() > 200) {
            errors.add(FieldError.of("employer.name", "intake.employer.name"));
        } else {
            line("employer.name", e.name(), errors);
        }
        if (!IdentityNumbers.isUnifiedSocialCreditCode(e.creditCode())) {
            errors.add(FieldError.of("employer.creditCode", "intake.creditCode.invalid"));
        }
        phone("employer.phone", e.phone(), errors);
        address("employer.address", e.address(), errors);
    }

    private void validateClaims(List<CaseApplication.ClaimItem> claims, List<FieldError> errors) {
        if (claims == null || claims.isEmpty()) {
            errors.add(FieldError.of("claims", "intake.claims.required"));
            return;
        }
        for (int i = 0; i < claims.size(); i++) {
            CaseApplication.ClaimItem c = claims.get(i);
            String at = "claims[" + i + "]";
            if (c == null) {
                errors.add(FieldError.of(at, "intake.claim.empty"));
                continue;
            }
            if (causes.find(c.causeCode()).isEmpty()) {
                errors.add(FieldError.of(at + ".causeCode", "intake.cause.unknown", c.causeCode()));
            }
            if (c.amount() == null) {
                errors.add(FieldError.of(at + ".amount", "intake.amount.required"));
            } else {
                FieldError amountError = amountError(at + ".amount", c.amount(), limits.perClaim(), "intake.amount.claimCeiling");
                if (amountError != null) {
                    errors.add(amountError);
                }
            }
            if (c.description() != null && c.description().length() > 1000) {
                errors.add(FieldError.of(at + ".description", "intake.description.tooLong"));
            } else {
                text(at + ".description", c.description(), errors);
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
