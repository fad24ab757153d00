package cn.labordispute.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * How pages print dates and times, as people write them: 2026年12月9日, 2026年12月9日 10:00 (China's time zone).
 * Every page's templates call it as {@code t}.
 */
public final class Times {

    public static final Times INSTANCE = new Times();

    /** {@code t} on every page of the application. */
    @ControllerAdvice(annotations = Controller.class)
    static class OnEveryPage {
        @ModelAttribute("t")
        Times times() {
            return INSTANCE;
        }
    }
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
            .withZone(WorkingDayCalendar.ZONE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(WorkingDayCalendar.ZONE);

    private static final DateTimeFormatter MINUTE_EN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", java.util.Locale.ENGLISH)
            .withZone(WorkingDayCalendar.ZONE);
    private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH);

    /** For English readers (the portal in English): 9 Dec 2026 10:00. */
    public String minuteEn(Instant instant) {
        return instant == null ? "" : MINUTE_EN.format(instant);
    }

    /** For English readers: 9 Dec 2026. */
    public String dateEn(LocalDate date) {
        return date == null ? "" : DAY_EN.format(date);
    }

    /** For English readers: 9 Dec 2026 10:00 (a time already in China's zone). */
    public String dateTimeEn(LocalDateTime time) {
        return time == null ? "" : MINUTE_EN.format(time);
    }

    /** How long ago, on the engine's clock, in words: 3天, 5小时, 不到1小时. */
    public String waited(Instant since) {
        if (since == null) {
            return "";
        }
        long hours = java.time.Duration.between(since, EngineTime.now()).toHours();
        return hours >= 24 ? hours / 24 + "天" : hours >= 1 ? hours + "小时" : "不到1小时";
    }

    public String minute(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant);
    }

    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }

    /** Not an overload of minute(Instant): a template passing null must find one method. */
    public String dateTime(LocalDateTime time) {
        return time == null ? "" : MINUTE.format(time);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** A date or time recorded as text (2026-12-09, 2026-12-09T10:00[:00]) in words; other text as it is. */
    public String text(String value) {
        if (value == null) {
            return "";
        }
        try {
            if (value.length() == 10) {
                return DAY.format(LocalDate.parse(value));
            }
            if (value.length() >= 16 && value.charAt(10) == 'T') {
                return MINUTE.format(LocalDateTime.parse(value.length() > 19 ? value.substring(0, 19) : value));
            }
        } catch (DateTimeParseException notADate) {
            // shown as written
        }
        return value;
    }
}
