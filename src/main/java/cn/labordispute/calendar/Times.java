package cn.labordispute.calendar;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** How pages print instants: China's time zone, to the minute or the day. Templates call it as {@code t}. */
public final class Times {

    public static final Times INSTANCE = new Times();
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(WorkingDayCalendar.ZONE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(WorkingDayCalendar.ZONE);

    public String minute(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }

    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }
}
