package cn.labordispute.models;

import cn.labordispute.calendar.EngineTime;
import cn.labordispute.calendar.Times;
import cn.labordispute.calendar.WorkingDayCalendar;
import cn.labordispute.deadlines.DeadlineCalculator;
import cn.labordispute.deadlines.DeadlinesProperties;
import cn.labordispute.deadlines.StatutoryPeriod;
import cn.labordispute.deadlines.StatutoryPeriods;
import cn.labordispute.models.TableLayouts.Column;
import cn.labordispute.models.TableLayouts.Layout;
import cn.labordispute.security.Caller;
import cn.labordispute.text.FieldError;
import cn.labordispute.text.Texts;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * A policy table edited in the page: the grid in words, its cells checked as the officer types, a preview that says
 * in words what the change does, and the deployment — through {@link ModelDeployments}, the same path as an uploaded
 * file (reason required, a new version, restorable, audited).
 *
 * <p>A step that has already started keeps the due date it was given (the parties may have been told it); a changed
 * period or holiday applies to steps that start after the change. The preview says so, with the running cases it
 * concerns and the date a step started today would get before and after.
 */
@Service
public class TableEdits {

    private static final Pattern DUE = Pattern.compile("deadlines\\.due\\('([A-Z0-9_]+)'");

    /** The grid: the layout, the rows in words and the version in force. */
    public record Grid(Layout layout, List<List<String>> rows, int version) {
    }

    /** What a change would do: its cells' errors, what it changes in words, and the model check of the whole set. */
    public record Preview(List<FieldError> errors, List<String> changes, List<String> effects, List<Violation> violations) {

        public boolean valid() {
            return errors.isEmpty() && violations.isEmpty();
        }
    }

    private final PolicyTables tables;
    private final ModelDeployments deployments;
    private final StatutoryPeriods periods;
    private final WorkingDayCalendar calendar;
    private final DeadlinesProperties properties;
    private final JdbcTemplate jdbc;

    public TableEdits(PolicyTables tables, ModelDeployments deployments, StatutoryPeriods periods, WorkingDayCalendar calendar,
            DeadlinesProperties properties, JdbcTemplate jdbc) {
        this.tables = tables;
        this.deployments = deployments;
        this.periods = periods;
        this.calendar = calendar;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    public Layout layout(String table) {
        return TableLayouts.of(table).orElseThrow(() -> PolicyChangeRejected.fields(List.of(FieldError.of("table", "policy.grid.noTable", table))));
    }

    public Grid grid(String table) {
        Layout layout = layout(table);
        PolicyTables.Version v = tables.current(table).orElseThrow();
        return new Grid(layout, TableLayouts.words(layout, bytes(v)), v.version());
    }

    /** The version in force, as it is stored. */
    public byte[] stored(String table) {
        layout(table);
        return bytes(tables.current(table).orElseThrow());
    }

    /** Every cell's problem, then (when the cells are right) what the table's reader says about the whole table. */
    public List<FieldError> check(String table, List<List<String>> rows) {
        Layout layout = layout(table);
        List<List<String>> safe = rows == null ? List.of() : rows;
        List<FieldError> errors = new ArrayList<>(TableLayouts.check(layout, safe));
        if (!errors.isEmpty()) {
            return errors;
        }
        byte[] stored = TableLayouts.stored(layout, safe, stored(table));
        tables.checkReading(table, stored).ifPresent(v -> { // the cells are checked above
            String reason = v.en().replaceFirst("^the table is wrong: ", "").replaceFirst("^.*? line \\d+: ", "");
            List<Integer> kept = keptRows(safe);
            errors.add(TableLayouts.rowOfLine(v.en(), stored).filter(r -> r < kept.size())
                    .map(r -> FieldError.of("rows[" + kept.get(r) + "]", "policy.grid.row", kept.get(r) + 1, reason))
                    .orElseGet(() -> FieldError.of("rows", "policy.grid.table", reason)));
        });
        return errors;
    }

    public Preview preview(String table, List<List<String>> rows) {
        List<FieldError> errors = check(table, rows);
        if (!errors.isEmpty()) {
            return new Preview(errors, List.of(), List.of(), List.of());
        }
        Layout layout = layout(table);
        byte[] current = stored(table);
        byte[] draft = TableLayouts.stored(layout, rows, current);
        List<String> changes = changes(layout, TableLayouts.words(layout, current), TableLayouts.words(layout, draft)).stream()
                .map(RowChange::sentence).toList();
        List<String> effects = table.equals(PolicyTables.PERIODS) ? periodEffects(current, draft)
                : table.equals(PolicyTables.HOLIDAYS) && !changes.isEmpty() ? holidayEffects() : List.of();
        List<Violation> violations = deployments.validate(Map.of(table, draft), List.of()).violations();
        return new Preview(errors, changes, effects, violations);
    }

    /** Deploys the rows as the table's new version; refused, with nothing changed, when a cell or the models are wrong. */
    public ModelDeployments.DeploymentResult deploy(String table, List<List<String>> rows, String comment, Caller caller) {
        List<FieldError> errors = check(table, rows);
        if (!errors.isEmpty()) {
            throw PolicyChangeRejected.fields(errors);
        }
        byte[] draft = TableLayouts.stored(layout(table), rows, stored(table));
        return deployments.deploy(Map.of(table, draft), List.of(), comment, caller);
    }

    /** One row added, removed or changed: its key (a period's code, a holiday's date) and the sentence that says so. */
    record RowChange(String key, String kind, String sentence) {
    }

    /** Rows added, removed and changed, by their key, in words. */
    static List<RowChange> changes(Layout layout, List<List<String>> before, List<List<String>> after) {
        Map<String, List<String>> old = byKey(layout, before);
        Map<String, List<String>> now = byKey(layout, after);
        List<RowChange> out = new ArrayList<>();
        now.forEach((key, row) -> {
            List<String> was = old.get(key);
            if (was == null) {
                out.add(new RowChange(key, "ADDED", Texts.zh("policy.grid.added", describe(layout, row))));
            } else if (!was.equals(row)) {
                List<String> parts = new ArrayList<>();
                for (int c = 0; c < layout.columns().size(); c++) {
                    if (!Objects.equals(was.get(c), row.get(c))) {
                        Column column = layout.columns().get(c);
                        parts.add(Texts.zh("policy.grid.cellChanged", column.title(), shown(column, was.get(c)), shown(column, row.get(c))));
                    }
                }
                out.add(new RowChange(key, "CHANGED", Texts.zh("policy.grid.changed", name(layout, row), String.join("；", parts))));
            }
        });
        old.forEach((key, row) -> {
            if (!now.containsKey(key)) {
                out.add(new RowChange(key, "REMOVED", Texts.zh("policy.grid.removed", describe(layout, row))));
            }
        });
        return out;
    }

    /**
     * For each period whose length or unit changed: the steps that use it, how many cases are at them now (they keep
     * their dates), and the due date of a step started today before and after.
     */
    private List<String> periodEffects(byte[] current, byte[] draft) {
        StatutoryPeriods after;
        try {
            after = new StatutoryPeriods(new ByteArrayResource(draft), properties.lengths());
        } catch (RuntimeException e) {
            return List.of();
        }
        Map<String, List<UserTask>> steps = stepsByPeriod();
        DeadlineCalculator was = new DeadlineCalculator(periods, calendar);
        DeadlineCalculator will = new DeadlineCalculator(after, calendar);
        LocalDate today = EngineTime.today();
        List<String> out = new ArrayList<>();
        for (StatutoryPeriod p : after.all()) {
            if (!periods.contains(p.name())) {
                continue;
            }
            StatutoryPeriod before = periods.get(p.name());
            if (before.length() == p.length() && before.unit() == p.unit()) {
                continue;
            }
            LocalDate dueBefore = was.compute(p.name(), today).due();
            LocalDate dueAfter = will.compute(p.name(), today).due();
            List<UserTask> using = steps.getOrDefault(p.name(), List.of());
            if (using.isEmpty()) {
                out.add(Texts.zh("policy.grid.periodNoStep", p.title(), before.describe(), p.describe(), dueBefore, dueAfter));
            }
            for (UserTask step : using) {
                long running = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = ?", Long.class, step.getId());
                out.add(Texts.zh("policy.grid.periodStep", p.title(), before.describe(), p.describe(), step.getName(), running,
                        dueBefore, dueAfter));
            }
        }
        return out;
    }

    private List<String> holidayEffects() {
        long open = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK WHERE DUE_DATE_ IS NOT NULL", Long.class);
        return List.of(Texts.zh("policy.grid.holidays", open));
    }

    /** The user tasks of the deployed models whose due date is counted with each period. */
    private Map<String, List<UserTask>> stepsByPeriod() {
        Map<String, List<UserTask>> steps = new LinkedHashMap<>();
        deployments.deployed().ofType(ModelFiles.BPMN).forEach((file, content) -> {
            BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String due = task.getCamundaDueDate();
                if (due == null) {
                    continue;
                }
                Matcher m = DUE.matcher(due);
                while (m.find()) {
                    steps.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(task);
                }
            }
        });
        return steps;
    }

    private static Map<String, List<String>> byKey(Layout layout, List<List<String>> rows) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (List<String> row : rows) {
            map.put(String.join("|", layout.keyColumns().stream().map(k -> TableLayouts.cellValue(layout, row, k)).toList()), row);
        }
        return map;
    }

    /** A row in words: its cells with their column names. */
    private static String describe(Layout layout, List<String> row) {
        List<String> parts = new ArrayList<>();
        for (int c = 0; c < layout.columns().size(); c++) {
            Column column = layout.columns().get(c);
            if (!row.get(c).isBlank()) {
                parts.add(column.title() + " " + shown(column, row.get(c)));
            }
        }
        return String.join("，", parts);
    }

    /** A row's name: its title column where it has one (a period's 名称), else its key cells. */
    private static String name(Layout layout, List<String> row) {
        int title = layout.columns().stream().map(Column::key).toList().indexOf("title");
        if (title >= 0 && !row.get(title).isBlank()) {
            return row.get(title);
        }
        return String.join(" ", layout.keyColumns().stream().map(k -> row.get(layout.columns().indexOf(layout.column(k)))).toList());
    }

    /** A cell in words: a date as 2027年1月1日, an empty cell as （空）. */
    private static String shown(Column column, String value) {
        if (value == null || value.isBlank()) {
            return Texts.zh("policy.grid.empty");
        }
        return column.kind() == TableLayouts.Kind.DATE ? TableLayouts.date(value).map(Times.INSTANCE::date).orElse(value) : value;
    }

    private static List<Integer> keptRows(List<List<String>> rows) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!TableLayouts.blank(rows.get(i))) {
                kept.add(i);
            }
        }
        return kept;
    }

    private static byte[] bytes(PolicyTables.Version v) {
        return v.content().getBytes(StandardCharsets.UTF_8);
    }
}
