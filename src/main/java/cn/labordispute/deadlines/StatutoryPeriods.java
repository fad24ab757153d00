package cn.labordispute.deadlines;

import cn.labordispute.text.Texts;
import cn.labordispute.policy.PolicyTable;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.Resource;

/** The periods table, read from its CSV file, with lengths overridden by configuration where given. */
public class StatutoryPeriods {

    private final Map<String, Integer> overrides;
    /** The table as last loaded; replaced whole when policy staff deploy a new version. */
    private volatile Map<String, StatutoryPeriod> byName;

    public StatutoryPeriods(Resource table, Map<String, Integer> overrides) {
        this.overrides = Map.copyOf(overrides);
        reload(table);
    }

    /** Reads a periods table; a bad row fails with the line named and leaves the periods as they were. */
    public final void reload(Resource table) {
        Map<String, StatutoryPeriod> byName = new LinkedHashMap<>();
        for (PolicyTable.Row row : PolicyTable.read(table)) {
            StatutoryPeriod.Unit unit;
            int length;
            try {
                unit = StatutoryPeriod.Unit.valueOf(row.get("unit"));
                length = Integer.parseInt(row.get("length"));
            } catch (IllegalArgumentException e) {
                throw row.error("length must be a whole number and unit one of DAYS, WORKING_DAYS, MONTHS, YEARS");
            }
            if (length <= 0) {
                throw row.error("length must be positive");
            }
            StatutoryPeriod period = new StatutoryPeriod(row.get("name"), row.getOr("title", row.get("name")), length, unit, row.get("counts_from"),
                    row.get("extension"), row.get("source"), row.get("verified"));
            if (byName.put(period.name(), period) != null) {
                throw row.error("period " + period.name() + " appears twice");
            }
        }
        overrides.forEach((name, length) -> {
            if (length == null || length <= 0) {
                throw new IllegalStateException("dispute.deadlines.lengths." + name + " must be a positive whole number");
            }
            StatutoryPeriod period = byName.get(name);
            if (period == null) {
                throw new UnknownPeriodException(name);
            }
            byName.put(name, period.withLength(length));
        });
        this.byName = byName;
    }

    public StatutoryPeriod get(String name) {
        StatutoryPeriod period = byName.get(name);
        if (period == null) {
            throw new UnknownPeriodException(name);
        }
        return period;
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    public Collection<StatutoryPeriod> all() {
        return Collections.unmodifiableCollection(byName.values());
    }

    /** Asked for a period that is not in the table. */
    public static class UnknownPeriodException extends IllegalArgumentException {
        public UnknownPeriodException(String name) {
            super(Texts.zh("deadline.period", name));
        }
    }
}
