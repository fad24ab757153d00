package cn.labordispute.arbitration;

import cn.labordispute.policy.PolicyTable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.Resource;

/**
 * The monthly minimum wage by region, area and date (policy/minimum-wages.csv): the standard in force in an area on a
 * day is the row of that region for the area (or for the whole region, "*") with the latest effective date not after
 * the day; a row for the area itself wins over one for the whole region from the same date.
 */
public class MinimumWages {

    /** One standard: where, which tier, how much, from when, and how far it is verified. */
    public record Standard(String region, String area, String tier, BigDecimal monthly, String hourly,
            LocalDate effectiveFrom, String source, boolean verified) {

        /** 12 x the monthly standard: the final-award ceiling of LDMAL art.47(1). */
        public BigDecimal twelveMonths() {
            return monthly.multiply(BigDecimal.valueOf(12));
        }
    }

    private final Resource table;
    private volatile List<Standard> standards;

    public MinimumWages(Resource table) {
        this.table = table;
        reload(table);
    }

    /** The table this system was built with (policy staff may have deployed newer versions). */
    public Resource shipped() {
        return table;
    }

    /** Reads the table; a bad row fails with its line named and leaves the standards as they were. */
    public final void reload(Resource table) {
        List<Standard> read = new ArrayList<>();
        for (PolicyTable.Row row : PolicyTable.read(table)) {
            BigDecimal monthly;
            LocalDate from;
            try {
                monthly = new BigDecimal(row.get("monthly"));
                from = LocalDate.parse(row.get("effective_from"));
            } catch (RuntimeException e) {
                throw row.error("monthly must be an amount in yuan and effective_from a date YYYY-MM-DD");
            }
            if (monthly.signum() <= 0) {
                throw row.error("monthly must be positive");
            }
            String verified = row.get("verified");
            if (!verified.equals("yes") && !verified.equals("no")) {
                throw row.error("verified must be yes or no");
            }
            if (row.get("region").isEmpty() || row.get("area").isEmpty()) {
                throw row.error("region and area are required (area * for the whole region)");
            }
            Standard s = new Standard(row.get("region"), row.get("area"), row.get("tier"), monthly, row.get("hourly"), from,
                    row.get("source"), verified.equals("yes"));
            if (read.stream().anyMatch(o -> o.region().equals(s.region()) && o.area().equals(s.area())
                    && o.effectiveFrom().equals(s.effectiveFrom()))) {
                throw row.error("a standard for " + s.region() + " " + s.area() + " from " + from + " appears twice");
            }
            read.add(s);
        }
        this.standards = List.copyOf(read);
    }

    /** The standard in force in an area of a region on a day, if the table has one. */
    public Optional<Standard> inForce(String region, String area, LocalDate day) {
        return standards.stream()
                .filter(s -> s.region().equals(region) && (s.area().equals(area) || s.area().equals("*")))
                .filter(s -> !s.effectiveFrom().isAfter(day))
                .max(Comparator.comparing(Standard::effectiveFrom).thenComparing(s -> !s.area().equals("*")));
    }

    /** The lowest monthly standard in force anywhere in a region on a day (each area's and tier's latest), if any. */
    public Optional<BigDecimal> lowestInForce(String region, LocalDate day) {
        java.util.Map<String, Standard> latest = new java.util.HashMap<>();
        for (Standard s : standards) {
            if (s.region().equals(region) && !s.effectiveFrom().isAfter(day)) {
                latest.merge(s.area() + "/" + s.tier(), s, (a, b) -> a.effectiveFrom().isAfter(b.effectiveFrom()) ? a : b);
            }
        }
        return latest.values().stream().map(Standard::monthly).min(BigDecimal::compareTo);
    }

    public List<Standard> all() {
        return standards;
    }
}
