package cn.labordispute.portal;

import cn.labordispute.arbitration.ArbitrationLimitation;
import cn.labordispute.text.FieldError;
import cn.labordispute.text.Texts;
import java.time.LocalDate;
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
class LimitationCheck {

    /** What the applicant says about the time since the infringement. */
    enum Reason { NONE, INTERRUPTED, SUSPENDED }

    private final ArbitrationLimitation limitation;

    LimitationCheck(ArbitrationLimitation limitation) {
        this.limitation = limitation;
    }

    /** A warning to show the applicant, in Chinese and English, or nothing if the period has not run out. */
    Optional<FieldError> warning(LocalDate knewOn, LocalDate today, boolean stillEmployed, boolean wageClaim,
            LocalDate employmentEndedOn, Reason reason) {
        if (knewOn == null) {
            return Optional.empty();
        }
        Optional<LocalDate> lastDay = limitation.lastDay(knewOn, wageClaim, stillEmployed, employmentEndedOn, null, 0);
        if (lastDay.isEmpty() || !today.isAfter(lastDay.get())) {
            return Optional.empty();
        }
        LocalDate last = lastDay.get();
        LocalDate from = limitation.countsFrom(knewOn, wageClaim, employmentEndedOn, null);
        String why = switch (reason == null ? Reason.NONE : reason) {
            case INTERRUPTED -> "interrupted";
            case SUSPENDED -> "suspended";
            case NONE -> "none";
        };
        String key = "portal.limitation." + why;
        Object[] args = {from, last, limitation.length()};
        return Optional.of(new FieldError("knewOn", Texts.zh("portal.limitation", args) + Texts.zh(key),
                Texts.en("portal.limitation", args) + " " + Texts.en(key)));
    }
}
