package cn.labordispute.portal;

import cn.labordispute.arbitration.ArbitrationLimitation;
import cn.labordispute.text.FieldError;
import cn.labordispute.text.Texts;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The limitation check at filing (LDMAL art.27): one year (period ARBITRATION_LIMITATION) from the day the applicant knew
 * or should have known of the infringement; interrupted by a claim against the other party, a request to an authority or
 * the other party agreeing to perform (it then runs afresh from that day); suspended by force majeure or other good cause;
 * unpaid wages during employment are not time-barred until the employment ends, then one year from the end. It only
 * warns: whether an application is time-barred is for the arbitration commission to decide.
 */
@Component
public class LimitationCheck {

    /** What the applicant says about the time since the infringement. */
    enum Reason { NONE, INTERRUPTED, SUSPENDED }

    private final ArbitrationLimitation limitation;

    LimitationCheck(ArbitrationLimitation limitation) {
        this.limitation = limitation;
    }

    /**
     * Where the one-year limit stands, as the applicant reads it while typing and in the guide: passed (with what can
     * still save it), running (when it ends and what interrupts it), or not running (wages while still employed).
     *
     * @param daysLeft days from today to the last day (negative once passed), null when no limitation runs
     */
    public record Status(boolean passed, LocalDate lastDay, Integer daysLeft, String message, String messageEn) {

        public String in(boolean english) {
            return english ? messageEn : message;
        }
    }

    /** Empty when nothing can be said yet (no date given and no wage claim during employment). */
    Optional<Status> status(LocalDate knewOn, LocalDate today, boolean stillEmployed, boolean wageClaim,
            LocalDate employmentEndedOn, Reason reason) {
        if (wageClaim && stillEmployed) {
            return Optional.of(new Status(false, null, null, Texts.zh("portal.limitation.employed", limitation.length()),
                    Texts.en("portal.limitation.employed", limitation.length())));
        }
        if (knewOn == null) {
            return Optional.empty();
        }
        LocalDate last = limitation.lastDay(knewOn, wageClaim, stillEmployed, employmentEndedOn, null, 0).orElseThrow();
        LocalDate from = limitation.countsFrom(knewOn, wageClaim, employmentEndedOn, null);
        int daysLeft = (int) ChronoUnit.DAYS.between(today, last);
        if (daysLeft >= 0) {
            Object[] args = {from, last, limitation.length(), daysLeft};
            return Optional.of(new Status(false, last, daysLeft, Texts.zh("portal.limitation.open", args),
                    Texts.en("portal.limitation.open", args)));
        }
        String key = "portal.limitation." + switch (reason == null ? Reason.NONE : reason) {
            case INTERRUPTED -> "interrupted";
            case SUSPENDED -> "suspended";
            case NONE -> "none";
        };
        Object[] args = {from, last, limitation.length()};
        return Optional.of(new Status(true, last, daysLeft, Texts.zh("portal.limitation", args) + Texts.zh(key),
                Texts.en("portal.limitation", args) + " " + Texts.en(key)));
    }

    /** A warning to show the applicant, in Chinese and English, or nothing if the period has not run out. */
    Optional<FieldError> warning(LocalDate knewOn, LocalDate today, boolean stillEmployed, boolean wageClaim,
            LocalDate employmentEndedOn, Reason reason) {
        return status(knewOn, today, stillEmployed, wageClaim, employmentEndedOn, reason).filter(Status::passed)
                .map(s -> new FieldError("knewOn", s.message(), s.messageEn()));
    }

    /** Whether a claim (its cause code) is for remuneration, which does not run out while the employment lasts. */
    static boolean wageClaim(String causeCode) {
        return causeCode != null && causeCode.startsWith("PAY");
    }
}
