package cn.labordispute.models;

import cn.labordispute.text.FieldError;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How policy staff see each data table: its columns with Chinese names, what a cell may hold, and the words shown in
 * place of the codes the readers use ({@code WORKING_DAYS} is 工作日). A table is stored as the readers read it (the
 * CSV with its own header and notes, {@link cn.labordispute.policy.PolicyTable}); the grid, the download and an upload
 * with Chinese headers are converted here, both ways, so that the codes never reach a person and the readers never
 * see words. Each cell is checked here, by column, with the cell named in the message; what depends on several rows
 * (a period named twice, a ceiling below another) is checked by the reader itself.
 */
public final class TableLayouts {

    /** What a cell may hold. */
    public enum Kind { TEXT, CODE, WHOLE_NUMBER, AMOUNT, DATE, YEAR, CHOICE }

    /** One column: its name in the stored file ({@code key}), its Chinese name, and for a choice the words by code. */
    public record Column(String key, String title, Kind kind, boolean required, Map<String, String> choices, String hint) {

        static Column text(String key, String title, boolean required, String hint) {
            return new Column(key, title, Kind.TEXT, required, Map.of(), hint);
        }

        static Column of(String key, String title, Kind kind, String hint) {
            return new Column(key, title, kind, true, Map.of(), hint);
        }

        static Column choice(String key, String title, Map<String, String> choices, String hint) {
            return new Column(key, title, Kind.CHOICE, true, choices, hint);
        }

        /** The word for a stored value (the value itself where it has none). */
        String word(String stored) {
            return choices.getOrDefault(stored, stored);
        }

        /** The stored value for a word or a code, if it is one of the choices. */
        Optional<String> code(String value) {
            if (choices.containsKey(value)) {
                return Optional.of(value);
            }
            return choices.entrySet().stream().filter(e -> e.getValue().equals(value)).map(Map.Entry::getKey).findFirst();
        }
    }

    /** A table as people see it; {@code keyColumns} identify a row (for the preview's "changed" and for duplicates). */
    public record Layout(String table, String title, String note, List<Column> columns, List<String> keyColumns) {

        public Column column(String key) {
            return columns.stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
        }
    }

    /** A stored file split into its notes (the '#' lines), its header and its rows of stored values. */
    record Stored(List<String> notes, List<String> header, List<List<String>> rows) {
    }

    private static final Map<String, String> VERIFIED = ordered("yes", "已核实", "no", "未核实", "policy", "政策规定");
    private static final Map<String, String> VERIFIED_FACT = ordered("yes", "已核实", "no", "未核实");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern WHOLE = Pattern.compile("[1-9]\\d{0,5}");
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,12}(\\.\\d{1,2})?");
    private static final Pattern CHINESE_DATE = Pattern.compile("(\\d{4})\\s*[年/.-]\\s*(\\d{1,2})\\s*[月/.-]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern LINE = Pattern.compile("line (\\d+)");

    private static final Map<String, Layout> LAYOUTS = new LinkedHashMap<>();

    static {
        add(new Layout(PolicyTables.PERIODS, "法定期间与政策期限",
                "每个期限一行。流程模型按“代码”引用期限，已有期限的代码不要改；改长度或单位后，新开始的步骤按新期限计算。",
                List.of(Column.of("name", "代码", Kind.CODE, "流程模型引用此代码，如 FOLLOW_UP_VISIT"),
                        Column.text("title", "名称", true, "如 结案回访期限"),
                        Column.of("length", "长度", Kind.WHOLE_NUMBER, "正整数"),
                        Column.choice("unit", "单位", ordered("DAYS", "日", "WORKING_DAYS", "工作日", "MONTHS", "月", "YEARS", "年"), ""),
                        Column.text("counts_from", "起算", true, "如 结案之日"),
                        Column.text("extension", "延长", true, "可否延长、由谁批准；不可延长写“无”"),
                        Column.text("source", "法律依据", true, "法规名称和条款"),
                        Column.choice("verified", "核实", VERIFIED, "已对照原文核实的才写“已核实”")),
                List.of("name")));
        add(new Layout(PolicyTables.HOLIDAYS, "法定节假日与调休",
                "国务院办公厅每年公布放假安排后，逐日录入：放假的日子和调休上班的周末。表中最后一年之后的日子只按周末计算，期限标“需人工核对”。",
                List.of(Column.of("date", "日期", Kind.DATE, ""),
                        Column.choice("kind", "类型", ordered("REST", "放假", "WORK", "调休上班"), ""),
                        Column.text("name", "节日", true, "如 春节、春节调休上班")),
                List.of("date")));
        add(new Layout(PolicyTables.MINIMUM_WAGES, "月最低工资标准",
                "用于一裁终局的判断（《劳动争议调解仲裁法》第四十七条第（一）项）。新标准另加一行，旧行保留；未核实的行保持“未核实”。",
                List.of(Column.text("region", "省市", true, "如 重庆市"),
                        Column.text("area", "区县", true, "区县名；适用于全省市的写 *"),
                        Column.text("tier", "档次", true, "如 第一档"),
                        Column.of("monthly", "月标准（元）", Kind.AMOUNT, ""),
                        new Column("hourly", "小时标准（元）", Kind.AMOUNT, false, Map.of(), "可不填"),
                        Column.of("effective_from", "施行日期", Kind.DATE, ""),
                        Column.text("source", "来源", true, "文件名称；未核实之处写明"),
                        Column.choice("verified", "核实", VERIFIED_FACT, "")),
                List.of("region", "area", "effective_from")));
        add(new Layout(PolicyTables.AVERAGE_WAGES, "上年度职工月平均工资",
                "用于经济补偿的三倍封顶（《劳动合同法》第四十七条第二款）。各地公布后录入；没有数字时计算器请用户自行输入。",
                List.of(Column.text("region", "省市", true, "如 重庆市"),
                        Column.of("year", "统计年度", Kind.YEAR, "如 2025"),
                        Column.of("monthly", "月平均工资（元）", Kind.AMOUNT, ""),
                        Column.text("source", "来源", true, "公布的文件"),
                        Column.choice("verified", "核实", VERIFIED_FACT, "")),
                List.of("region", "year")));
        add(new Layout(PolicyTables.AMOUNT_LIMITS, "申请金额上限",
                "一窗受理和网上申请按此核对金额（多为多输了几个零）；统计时高于上限的金额不计入并单独列出。单项上限不得高于一案合计上限。",
                List.of(Column.choice("scope", "范围", ordered("CLAIM", "单项请求", "CASE", "一案合计"), ""),
                        Column.of("ceiling", "上限（元）", Kind.AMOUNT, "最多 999999999999.99"),
                        Column.text("label", "说明", true, "")),
                List.of("scope")));
        add(new Layout(PolicyTables.DOCUMENT_RULES, "文书出具规则",
                "每种文书一行：在哪些阶段、由哪些人员出具。多个阶段或人员用“|”分隔。",
                List.of(Column.text("文书", "文书", true, "文书名称，如 调解协议书"),
                        Column.text("阶段", "阶段", true, "受理、协商、调解、履行、仲裁、诉讼、回访、归档"),
                        Column.text("出具人员", "出具人员", true, "调解员、仲裁员、主管、窗口工作人员等"),
                        Column.text("说明", "说明", false, "")),
                List.of("文书")));
    }

    private TableLayouts() {
    }

    private static void add(Layout layout) {
        LAYOUTS.put(layout.table(), layout);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    public static Optional<Layout> of(String table) {
        return Optional.ofNullable(LAYOUTS.get(table));
    }

    public static List<Layout> all() {
        return List.copyOf(LAYOUTS.values());
    }

    /** Splits a stored file (UTF-8, optionally with a byte-order mark). */
    static Stored parse(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> notes = new ArrayList<>();
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\\r?\\n", -1)) {
            if (line.startsWith("#")) {
                notes.add(line);
            } else if (line.isBlank()) {
                continue;
            } else if (header == null) {
                header = List.of(line.split(",", -1)).stream().map(String::trim).toList();
            } else {
                rows.add(List.of(line.split(",", -1)).stream().map(String::trim).toList());
            }
        }
        return new Stored(notes, header == null ? List.of() : header, rows);
    }

    /** Whether a stored file has every column of the layout (an older version of a table may lack one). */
    static boolean hasAllColumns(Layout layout, byte[] stored) {
        return parse(stored).header().containsAll(layout.columns().stream().map(Column::key).toList());
    }

    /** The rows of a stored file in words, in the layout's column order. */
    public static List<List<String>> words(Layout layout, byte[] stored) {
        Stored file = parse(stored);
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : file.rows()) {
            List<String> out = new ArrayList<>();
            for (Column c : layout.columns()) {
                int i = file.header().indexOf(c.key());
                out.add(i < 0 || i >= row.size() ? "" : c.word(row.get(i)));
            }
            rows.add(out);
        }
        return rows;
    }

    /**
     * Checks rows in words cell by cell; the errors name the cell as {@code rows[i].column} with the column's Chinese
     * name in the message. Empty rows are left out of the table and not checked.
     */
    public static List<FieldError> check(Layout layout, List<List<String>> rows) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> keys = new HashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (blank(row)) {
                continue;
            }
            for (int c = 0; c < layout.columns().size(); c++) {
                Column column = layout.columns().get(c);
                String value = c < row.size() && row.get(c) != null ? row.get(c).trim() : "";
                cell(column, value, r).ifPresent(errors::add);
            }
            String key = layout.keyColumns().stream().map(k -> cellValue(layout, row, k)).reduce((a, b) -> a + "|" + b).orElse("");
            Integer earlier = keys.putIfAbsent(key, r);
            if (earlier != null && !key.isBlank()) {
                String first = layout.keyColumns().get(0);
                errors.add(FieldError.of(field(r, first), "policy.grid.duplicate", r + 1, layout.column(first).title(), earlier + 1));
            }
        }
        return errors;
    }

    private static Optional<FieldError> cell(Column column, String value, int row) {
        String field = field(row, column.key());
        int line = row + 1;
        if (value.isEmpty()) {
            return column.required() ? Optional.of(FieldError.of(field, "policy.grid.required", line, column.title())) : Optional.empty();
        }
        if (value.contains(",")) {
            return Optional.of(FieldError.of(field, "policy.grid.comma", line, column.title()));
        }
        boolean ok = switch (column.kind()) {
            case TEXT -> true;
            case CODE -> CODE.matcher(value).matches();
            case WHOLE_NUMBER -> WHOLE.matcher(value).matches();
            case AMOUNT -> AMOUNT.matcher(value).matches();
            case DATE -> date(value).isPresent();
            case YEAR -> value.matches("(19|20|21)\\d\\d");
            case CHOICE -> column.code(value).isPresent();
        };
        if (ok) {
            return Optional.empty();
        }
        return Optional.of(switch (column.kind()) {
            case CHOICE -> FieldError.of(field, "policy.grid.choice", line, column.title(), value,
                    String.join("、", column.choices().values()));
            default -> FieldError.of(field, "policy.grid." + column.kind().name().toLowerCase(java.util.Locale.ROOT), line,
                    column.title(), value);
        });
    }

    /** A date as 2027-01-01, 2027/1/1 or 2027年1月1日. */
    static Optional<LocalDate> date(String value) {
        Matcher m = CHINESE_DATE.matcher(value.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The stored file for checked rows in words: the header and notes of {@code template} (the version in force), the
     * rows with codes for words and ISO dates.
     */
    public static byte[] stored(Layout layout, List<List<String>> rows, byte[] template) {
        Stored current = parse(template);
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", layout.columns().stream().map(Column::key).toList())).append('\n');
        current.notes().forEach(n -> out.append(n).append('\n'));
        for (List<String> row : rows) {
            if (blank(row)) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < layout.columns().size(); c++) {
                Column column = layout.columns().get(c);
                String value = c < row.size() && row.get(c) != null ? row.get(c).trim() : "";
                cells.add(storedValue(column, value));
            }
            out.append(String.join(",", cells)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String storedValue(Column column, String value) {
        return switch (column.kind()) {
            case CHOICE -> column.code(value).orElse(value);
            case DATE -> date(value).map(LocalDate::toString).orElse(value);
            default -> value;
        };
    }

    /**
     * An uploaded file with Chinese headers (as downloaded from the page, with or without a byte-order mark) as the
     * stored file; a file already in stored form (the readers' own header) is returned as it is, less its mark.
     */
    public static byte[] fromUpload(String table, byte[] content, byte[] template) {
        Layout layout = LAYOUTS.get(table);
        Stored file = parse(content);
        if (layout == null || file.header().isEmpty()) {
            return content;
        }
        List<String> titles = layout.columns().stream().map(Column::title).toList();
        List<String> keys = layout.columns().stream().map(Column::key).toList();
        if (file.header().equals(keys)) {
            String text = new String(content, StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1).getBytes(StandardCharsets.UTF_8) : content;
        }
        if (!file.header().equals(titles)) {
            return content; // the reader names what is wrong with the header
        }
        return stored(layout, file.rows(), template);
    }

    /**
     * The table an uploaded file is for: its own name (statutory-periods.csv), the same name as Excel
     * (statutory-periods.xlsx), or the name the page gives its downloads (法定期间与政策期限.csv / .xlsx).
     */
    public static Optional<String> tableFor(String file) {
        if (LAYOUTS.containsKey(file)) {
            return Optional.of(file);
        }
        String stem = file.replaceFirst("\\.(csv|xlsx)$", "");
        if (stem.equals(file)) {
            return Optional.empty();
        }
        return LAYOUTS.values().stream().filter(l -> l.table().equals(stem + ".csv") || l.title().equals(stem))
                .map(Layout::table).findFirst();
    }

    /**
     * An uploaded table (CSV in either form, or an Excel workbook as the page's download gives it, edited and saved
     * again) as the stored file of {@code table}; what cannot be read is passed on for the reader to name.
     */
    public static byte[] fromFile(String table, String file, byte[] content, byte[] template) {
        if (!file.endsWith(".xlsx")) {
            return fromUpload(table, content, template);
        }
        Layout layout = LAYOUTS.get(table);
        List<List<String>> sheet = Workbook.rows(content);
        List<String> titles = layout.columns().stream().map(Column::title).toList();
        if (sheet.isEmpty() || !sheet.get(0).subList(0, Math.min(sheet.get(0).size(), titles.size())).equals(titles)) {
            throw PolicyChangeRejected.fields(List.of(FieldError.of("files", "policy.grid.xlsx", file, String.join("、", titles))));
        }
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : sheet.subList(1, sheet.size())) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < layout.columns().size(); c++) {
                String value = c < row.size() ? row.get(c) : "";
                cells.add(layout.columns().get(c).kind() == Kind.DATE ? Workbook.date(value) : value);
            }
            rows.add(cells);
        }
        return stored(layout, rows, template);
    }

    /** The table in words with Chinese headers, for the CSV and Excel downloads. */
    public static cn.labordispute.text.Table download(Layout layout, byte[] stored) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<String> row : words(layout, stored)) {
            List<Object> out = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                Kind kind = layout.columns().get(c).kind();
                String value = row.get(c);
                out.add((kind == Kind.AMOUNT || kind == Kind.WHOLE_NUMBER || kind == Kind.YEAR) && !value.isEmpty()
                        ? new java.math.BigDecimal(value) : value);
            }
            rows.add(out);
        }
        return new cn.labordispute.text.Table(layout.title(), layout.columns().stream().map(Column::title).toList(), rows);
    }

    /** The row (0-based, among the non-empty rows written by {@link #stored}) that a reader's "line N" message names. */
    static Optional<Integer> rowOfLine(String message, byte[] stored) {
        Matcher m = LINE.matcher(message);
        if (!m.find()) {
            return Optional.empty();
        }
        int line = Integer.parseInt(m.group(1));
        int before = 1 + parse(stored).notes().size();
        return line > before ? Optional.of(line - before - 1) : Optional.empty();
    }

    static String field(int row, String column) {
        return "rows[" + row + "]." + column;
    }

    static boolean blank(List<String> row) {
        return row.stream().allMatch(v -> v == null || v.isBlank());
    }

    static String cellValue(Layout layout, List<String> row, String key) {
        int i = layout.columns().indexOf(layout.column(key));
        String value = i < row.size() && row.get(i) != null ? row.get(i).trim() : "";
        return storedValue(layout.column(key), value);
    }
}
