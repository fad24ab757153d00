package cn.labordispute.calendar;

import cn.labordispute.policy.PolicyTable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;

/**
 * Which days are working days in mainland China. Public holidays (放假) close days; 调休 opens weekend days.
 * Years after the last year in the data are counted with weekends only, and {@link #covers} says so.
 */
public class WorkingDayCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

    /** The table as last loaded; replaced whole when policy staff deploy a new version. */
    private volatile Map<LocalDate, Day> days;
    private volatile int lastCoveredYear;

    /** A listed day: a holiday (working = false) or an adjusted working day (working = true). */
    public record Day(LocalDate date, boolean working, String name) {
    }

    public WorkingDayCalendar(Resource holidays) {
        reload(holidays);
    }

    /** Reads a holiday table; a bad row fails with the line named and leaves the calendar as it was. */
    public final void reload(Resource holidays) {
        Map<LocalDate, Day> days = new TreeMap<>();
        int last = 0;
        for (PolicyTable.Row row : PolicyTable.read(holidays)) {
            LocalDate date;
            try {
                date = LocalDate.parse(row.get("date"));
            } catch (RuntimeException e) {
                throw row.error("date must be YYYY-MM-DD: " + row.get("date"));
            }
            String kind = row.get("kind");
            if (!kind.equals("REST") && !kind.equals("WORK")) {
                throw row.error("kind must be REST or WORK: " + kind);
            }
            if (kind.equals("WORK") && !isWeekend(date)) {
                throw row.error("an adjusted working day (WORK) must be a Saturday or Sunday: " + date);
            }
            days.put(date, new Day(date, kind.equals("WORK"), row.get("name")));
            last = Math.max(last, date.getYear());
        }
        this.days = java.util.Collections.unmodifiableMap(days);
        this.lastCoveredYear = last;
        if (lastCoveredYear <= java.time.LocalDate.now(ZONE).getYear()) {
            log.warn("Working-day calendar covers holidays only through {}: deadlines after that count weekends only and "
                    + "are flagged 需人工核对; add the next year's State Council notice to the holiday table", lastCoveredYear);
        } else {
            log.info("Working-day calendar covers holidays through {}", lastCoveredYear);
        }
    }

    public boolean isWorkingDay(LocalDate date) {
        Day listed = days.get(date);
        return listed != null ? listed.working() : !isWeekend(date);
    }

    /** The holiday or adjusted working day listed for this date, or null for an ordinary day. */
    public Day listed(LocalDate date) {
        return days.get(date);
    }

    /** Whether the official holiday notice for this date's year is in the data. */
    public boolean covers(LocalDate date) {
        return date.getYear() <= lastCoveredYear;
    }

    public int lastCoveredYear() {
        return lastCoveredYear;
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
