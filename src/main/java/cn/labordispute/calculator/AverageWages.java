package cn.labordispute.calculator;

import cn.labordispute.policy.PolicyTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.Resource;

/**
 * The local average monthly wage of employees (上年度职工月平均工资) by region and year (policy/average-wages.csv), for
 * the cap on economic compensation (LCL art.47(2)). A row says where the figure comes from and whether it was checked.
 */
public class AverageWages {

    public record Figure(String region, int year, BigDecimal monthly, String source, boolean verified) {

        public String label() {
            return region + " " + year + " 年 " + monthly.toPlainString() + " 元/月，" + source + (verified ? "" : "（未核实）");
        }
    }

    private final Resource table;
    private volatile List<Figure> figures;

    public AverageWages(Resource table) {
        this.table = table;
        reload(table);
    }

    public Resource shipped() {
        return table;
    }

    public final void reload(Resource table) {
        List<Figure> read = new ArrayList<>();
        for (PolicyTable.Row row : PolicyTable.read(table)) {
            Figure f;
            try {
                f = new Figure(row.get("region"), Integer.parseInt(row.get("year")), new BigDecimal(row.get("monthly")),
                        row.get("source"), row.get("verified").equals("yes"));
            } catch (RuntimeException e) {
                throw row.error("year must be a year, monthly an amount in yuan");
            }
            if (f.monthly().signum() <= 0 || f.region().isEmpty() || f.source().isEmpty()) {
                throw row.error("region, a positive monthly amount and its source are required");
            }
            if (!row.get("verified").equals("yes") && !row.get("verified").equals("no")) {
                throw row.error("verified must be yes or no");
            }
            if (read.stream().anyMatch(o -> o.region().equals(f.region()) && o.year() == f.year())) {
                throw row.error(f.region() + " " + f.year() + " appears twice");
            }
            read.add(f);
        }
        this.figures = List.copyOf(read);
    }

    /** The figure for the year before the employment ended (or the latest published before it). */
    public Optional<Figure> forTerminationIn(String region, int terminationYear) {
        return figures.stream().filter(f -> f.region().equals(region) && f.year() < terminationYear)
                .max(Comparator.comparingInt(Figure::year));
    }
}
