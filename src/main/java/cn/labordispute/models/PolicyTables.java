package cn.labordispute.models;

import cn.labordispute.text.Texts;
import cn.labordispute.arbitration.MinimumWages;
import cn.labordispute.calculator.AverageWages;
import cn.labordispute.calendar.WorkingDayCalendar;
import cn.labordispute.deadlines.DeadlinesProperties;
import cn.labordispute.documents.DocumentRules;
import cn.labordispute.deadlines.StatutoryPeriods;
import cn.labordispute.intake.AmountLimits;
import jakarta.annotation.PostConstruct;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The policy tables that are data, not models (the periods table, the holiday calendar, the minimum and average wages, the
 * amount ceilings, the document rules), as versioned rows: the
 * newest version is in force. A new build whose file differs from the last release's adds a 'release' version;
 * policy staff add 'policy' versions through the deploy path. Each version is checked by the same code that reads it.
 */
@Component
public class PolicyTables {

    private static final Logger log = LoggerFactory.getLogger(PolicyTables.class);
    public static final String PERIODS = "statutory-periods.csv";
    public static final String HOLIDAYS = "holidays-cn.csv";
    public static final String MINIMUM_WAGES = "minimum-wages.csv";
    public static final String AVERAGE_WAGES = "average-wages.csv";
    public static final String AMOUNT_LIMITS = "amount-limits.csv";
    public static final String DOCUMENT_RULES = "document-rules.csv";

    /** One version of a table. */
    public record Version(String name, int version, String content, String sha256, String source, String comment,
            String createdBy, Instant createdAt) {
    }

    private final JdbcTemplate jdbc;
    /** A table: the file this build ships, the reading that checks a version, and how a version is put in force. */
    private record Table(Resource shipped, Consumer<Resource> check, Consumer<Resource> apply) {
    }

    private final Map<String, Table> tables = new LinkedHashMap<>();
    /** The version of each table in force on this node. */
    private final Map<String, Integer> inForce = new java.util.concurrent.ConcurrentHashMap<>();

    public PolicyTables(JdbcTemplate jdbc, DeadlinesProperties properties, StatutoryPeriods periods,
            WorkingDayCalendar calendar, MinimumWages minimumWages, AverageWages averageWages, AmountLimits amountLimits,
            DocumentRules documentRules) {
        this.jdbc = jdbc;
        tables.put(PERIODS, new Table(properties.periods(), r -> new StatutoryPeriods(r, properties.lengths()), periods::reload));
        tables.put(HOLIDAYS, new Table(properties.holidays(), WorkingDayCalendar::new, calendar::reload));
        tables.put(MINIMUM_WAGES, new Table(minimumWages.shipped(), MinimumWages::new, minimumWages::reload));
        tables.put(AVERAGE_WAGES, new Table(averageWages.shipped(), AverageWages::new, averageWages::reload));
        tables.put(AMOUNT_LIMITS, new Table(amountLimits.shipped(), AmountLimits::new, amountLimits::reload));
        tables.put(DOCUMENT_RULES, new Table(documentRules.shipped(), DocumentRules::new, documentRules::reload));
    }

    public boolean isTable(String name) {
        return tables.containsKey(name);
    }

    public List<String> names() {
        return List.copyOf(tables.keySet());
    }

    /** Records the shipped files as release versions where they changed, then puts the newest versions in force. */
    @PostConstruct
    void load() {
        for (Map.Entry<String, Table> e : tables.entrySet()) {
            Resource file = e.getValue().shipped();
            String content;
            try {
                content = file.getContentAsString(StandardCharsets.UTF_8);
            } catch (java.io.IOException ex) {
                throw new IllegalStateException("cannot read " + file.getDescription(), ex);
            }
            String sha = sha256(content);
            List<String> lastRelease = jdbc.queryForList("SELECT sha256 FROM md_table_version WHERE name = ? AND source = 'release' "
                    + "ORDER BY version DESC FETCH FIRST 1 ROWS ONLY", String.class, e.getKey());
            if (lastRelease.isEmpty() || !lastRelease.get(0).equals(sha)) {
                insert(e.getKey(), content, "release", Texts.zh("policy.release"), "system");
            }
            Version current = current(e.getKey()).orElseThrow();
            if (!current.sha256().equals(sha)) {
                putInForce(current);
            } else {
                inForce.put(current.name(), current.version());
            }
        }
    }

    /**
     * Another node may have deployed a table version: every half minute each node puts the newest version in force
     * (on the deploying node it is in force at commit already).
     */
    @Scheduled(fixedDelayString = "${dispute.policy.table-refresh-millis:30000}", initialDelayString = "${dispute.policy.table-refresh-millis:30000}")
    public void refresh() {
        jdbc.query("SELECT name, MAX(version) FROM md_table_version GROUP BY name", rs -> {
            String name = rs.getString(1);
            if (tables.containsKey(name) && !Integer.valueOf(rs.getInt(2)).equals(inForce.get(name))) {
                current(name).ifPresent(this::putInForce);
            }
        });
    }

    private void putInForce(Version v) {
        tables.get(v.name()).apply().accept(resource(v));
        inForce.put(v.name(), v.version());
        log.info("Policy table {} version {} ({}) is in force", v.name(), v.version(), v.source());
    }

    /**
     * Checks a table's content: each cell as the page's grid checks it (named by row and column), then with the code
     * that reads it.
     */
    public Optional<Violation> check(String name, byte[] content) {
        Optional<TableLayouts.Layout> layout = TableLayouts.of(name);
        if (layout.isPresent() && TableLayouts.hasAllColumns(layout.get(), content)) { // each cell first, named as the grid names it
            List<cn.labordispute.text.FieldError> cells = TableLayouts.check(layout.get(), TableLayouts.words(layout.get(), content));
            if (!cells.isEmpty()) {
                String more = cells.size() > 1 ? Texts.zh("policy.grid.more", cells.size() - 1) : "";
                return Optional.of(new Violation(name, "", "TABLE", cells.get(0).message() + more, cells.get(0).messageEn()));
            }
        }
        return checkReading(name, content);
    }

    /** What the table's own reader says of the whole content (a period named twice, a ceiling below another), by row. */
    Optional<Violation> checkReading(String name, byte[] content) {
        try {
            tables.get(name).check().accept(new ByteArrayResource(content, name));
            return Optional.empty();
        } catch (RuntimeException e) {
            String where = e.getMessage() == null ? "" : e.getMessage().replaceFirst("^.*? line (\\d+): ", "第$1行：");
            return Optional.of(new Violation(name, "", "TABLE", "表格有误：" + where, "the table is wrong: " + e.getMessage()));
        }
    }

    /**
     * Adds a version in the caller's transaction; it comes into force when that transaction commits (at once when
     * there is none), so a deployment that fails leaves the table in force as it was.
     */
    public Version deploy(String name, byte[] content, String comment, String user) {
        String text = new String(content, StandardCharsets.UTF_8);
        Version v = insert(name, text, "policy", comment, user);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    putInForce(v);
                }
            });
        } else {
            putInForce(v);
        }
        return v;
    }

    public Optional<Version> current(String name) {
        return versions(name).stream().findFirst();
    }

    /** Newest first. */
    public List<Version> versions(String name) {
        return jdbc.query("SELECT name, version, content, sha256, source, comment, created_by, created_at FROM md_table_version "
                + "WHERE name = ? ORDER BY version DESC", (rs, i) -> new Version(rs.getString(1), rs.getInt(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()), name);
    }

    private Version insert(String name, String content, String source, String comment, String user) {
        Integer last = jdbc.queryForObject("SELECT MAX(version) FROM md_table_version WHERE name = ?", Integer.class, name);
        int version = last == null ? 1 : last + 1;
        Instant now = Instant.now();
        String sha = sha256(content);
        jdbc.update("INSERT INTO md_table_version (name, version, content, sha256, source, comment, created_by, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", name, version, content, sha, source, comment, user, Timestamp.from(now));
        return new Version(name, version, content, sha, source, comment, user, now);
    }

    private static Resource resource(Version v) {
        return new ByteArrayResource(v.content().getBytes(StandardCharsets.UTF_8), v.name() + " v" + v.version());
    }

    static String sha256(String content) {
        return sha256(content.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
