package cn.labordispute.intake;

import cn.labordispute.policy.PolicyTable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.Resource;

/**
 * The ceilings an application's amounts must keep (policy/amount-limits.csv): one claim (and one worker's share of a
 * collective case) and the whole case. An amount above them is almost always a slip of the keyboard; policy staff set
 * them and deploy new versions through /policy. Nothing can exceed what the database holds.
 */
public class AmountLimits {

    /** NUMERIC(14,2): the largest amount the case tables hold. */
    static final BigDecimal STORABLE = new BigDecimal("999999999999.99");

    private final Resource table;
    private volatile BigDecimal perClaim;
    private volatile BigDecimal perCase;

    public AmountLimits(Resource table) {
        this.table = table;
        reload(table);
    }

    /** The table this system was built with (policy staff may have deployed newer versions). */
    public Resource shipped() {
        return table;
    }

    /** Reads the table; a bad row fails with its line named and leaves the ceilings as they were. */
    public final void reload(Resource table) {
        Map<String, BigDecimal> read = new HashMap<>();
        for (PolicyTable.Row row : PolicyTable.read(table)) {
            String scope = row.get("scope");
            if (!scope.equals("CLAIM") && !scope.equals("CASE")) {
                throw row.error("scope must be CLAIM or CASE");
            }
            BigDecimal ceiling;
            try {
                ceiling = new BigDecimal(row.get("ceiling"));
            } catch (NumberFormatException e) {
                throw row.error("ceiling must be an amount in yuan");
            }
            if (ceiling.signum() <= 0 || ceiling.compareTo(STORABLE) > 0 || ceiling.stripTrailingZeros().scale() > 2) {
                throw row.error("ceiling must be positive, at most two decimals and at most " + STORABLE.toPlainString());
            }
            if (read.put(scope, ceiling) != null) {
                throw row.error(scope + " appears twice");
            }
        }
        if (!read.containsKey("CLAIM") || !read.containsKey("CASE")) {
            throw new IllegalStateException(table.getDescription() + ": needs one CLAIM row and one CASE row");
        }
        if (read.get("CLAIM").compareTo(read.get("CASE")) > 0) {
            throw new IllegalStateException(table.getDescription() + ": the CLAIM ceiling must not be above the CASE ceiling");
        }
        this.perClaim = read.get("CLAIM");
        this.perCase = read.get("CASE");
    }

    public BigDecimal perClaim() {
        return perClaim;
    }

    public BigDecimal perCase() {
        return perCase;
    }
}
