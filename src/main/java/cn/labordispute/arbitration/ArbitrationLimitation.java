package cn.labordispute.arbitration;

import cn.labordispute.deadlines.Deadlines;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The arbitration limitation (LDMAL art.27), in one place for the portal's warning and the commission's admissibility
 * check: one year (period ARBITRATION_LIMITATION) from the day the party knew or should have known of the
 * infringement; an interruption (a claim against the other party, a request to an authority, the other party agreeing
 * to perform) starts it afresh from that day; a suspension (force majeure or other good cause) adds the days it lasted;
 * unpaid remuneration during employment is not time-barred while the employment lasts, then one year from its end.
 */
@Component
public class ArbitrationLimitation {

    private final Deadlines deadlines;

    public ArbitrationLimitation(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    /**
     * The last day on which the application is in time, or empty if no limitation runs (wages while employed).
     *
     * @param interruptedOn the last day the period was interrupted, or null
     * @param suspendedDays the days the period was suspended, 0 if none
     */
    public Optional<LocalDate> lastDay(LocalDate knewOn, boolean wageClaim, boolean stillEmployed,
            LocalDate employmentEndedOn, LocalDate interruptedOn, int suspendedDays) {
        if (wageClaim && stillEmployed) {
            return Optional.empty();
        }
        LocalDate from = countsFrom(knewOn, wageClaim, employmentEndedOn, interruptedOn);
        return Optional.of(deadlines.compute("ARBITRATION_LIMITATION", from).due().plusDays(Math.max(0, suspendedDays)));
    }

    /** The period's length in words, from the periods table ("1年"). */
    public String length() {
        return deadlines.length("ARBITRATION_LIMITATION");
    }

    /** The day the year counts from: the latest of the day known, the end of employment (wages), the interruption. */
    public LocalDate countsFrom(LocalDate knewOn, boolean wageClaim, LocalDate employmentEndedOn, LocalDate interruptedOn) {
        LocalDate from = knewOn;
        if (wageClaim && employmentEndedOn != null && employmentEndedOn.isAfter(from)) {
            from = employmentEndedOn;
        }
        if (interruptedOn != null && interruptedOn.isAfter(from)) {
            from = interruptedOn;
        }
        return from;
    }
}
