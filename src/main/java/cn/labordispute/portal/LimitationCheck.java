package cn.labordispute.portal;

import cn.labordispute.arbitration.ArbitrationLimitation;
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
    Optional<String> warning(LocalDate knewOn, LocalDate today, boolean stillEmployed, boolean wageClaim,
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
            case INTERRUPTED -> "您说明时效曾中断（曾向对方主张权利、向有关部门求助或对方同意履行），时效从中断之日起重新计算；"
                    + "请在申请中写明中断的日期和经过并提供证据。 / You say the period was interrupted; it runs afresh from "
                    + "that day: give the date and evidence.";
            case SUSPENDED -> "您说明时效曾中止（不可抗力或其他正当理由），中止期间不计入；请写明原因和期间并提供证据。 / You say "
                    + "the period was suspended; give the reason, the dates and evidence.";
            case NONE -> "如有中断或中止的情形，请在申请中说明。 / If the period was interrupted or suspended, say so.";
        };
        return Optional.of("提示：自 " + from + " 起算的一年仲裁时效已于 " + last + " 届满（《劳动争议调解仲裁法》第二十七条）。"
                + "申请仍会提交，是否超过时效由受理机构审查决定。" + why + " / Note: the one-year limitation period counted from "
                + from + " ended on " + last + " (LDMAL art.27). Your application is still filed; the commission decides.");
    }
}
