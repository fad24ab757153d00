package cn.labordispute.calendar;

import java.time.Instant;
import java.time.LocalDate;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The engine's clock, so that domain records and tests that move time with ClockUtil agree. */
public final class EngineTime {

    private EngineTime() {
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(now(), WorkingDayCalendar.ZONE);
    }
}
