package cn.labordispute.models;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Gaps and overlaps on a decision table's numeric inputs. Two rules overlap when some input matches both: their
 * entries on every other column can both match (equal, or one empty) and their numeric ranges intersect; under hit
 * policy UNIQUE that is an error, under ANY only when their outputs differ. A gap is a number that no rule covers
 * for a combination of the other columns that the table names; checked for tables with one numeric input, under
 * every single-result hit policy (the engine would return nothing). Entries are FEEL simple unary tests:
 * {@code < 10}, {@code >= 10}, {@code [1..10[}, {@code 10}, lists of those, or empty (any).
 */
final class DecisionTableCheck {

    private static final Set<String> NUMERIC = Set.of("integer", "long", "double", "number");
    private static final Pattern COMPARISON = Pattern.compile("(<=|>=|<|>)?\\s*(-?\\d+(?:\\.\\d+)?)");
    private static final Pattern RANGE = Pattern.compile("([\\[\\](])\\s*(-?\\d+(?:\\.\\d+)?)\\s*\\.\\.\\s*(-?\\d+(?:\\.\\d+)?)\\s*([\\[\\])])");

    private DecisionTableCheck() {
    }

    /** A range of numbers; a null bound is unbounded. */
    record Range(BigDecimal low, boolean lowIncluded, BigDecimal high, boolean highIncluded) {

        static final Range ANY = new Range(null, false, null, false);

        boolean intersects(Range o) {
            return below(low, lowIncluded, o.high, o.highIncluded) && below(o.low, o.lowIncluded, high, highIncluded);
        }

        /** Whether a lower bound lies at or below an upper bound so that some number satisfies both. */
        private static boolean below(BigDecimal low, boolean lowIn, BigDecimal high, boolean highIn) {
            if (low == null || high == null) {
                return true;
            }
            int c = low.compareTo(high);
            return c < 0 || (c == 0 && lowIn && highIn);
        }

        @Override
        public String toString() {
            return (low == null ? "(-∞" : (lowIncluded ? "[" : "(") + low.toPlainString()) + ", "
                    + (high == null ? "+∞)" : high.toPlainString() + (highIncluded ? "]" : ")"));
        }
    }

    static List<Violation> check(String file, byte[] content) {
        List<Violation> found = new ArrayList<>();
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
        } catch (RuntimeException e) {
            return List.of(new Violation(file, "", "PARSE", "不是有效的 DMN 文件：" + e.getMessage(), "not a valid DMN file: " + e.getMessage()));
        }
        for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
            List<Input> inputs = new ArrayList<>(table.getInputs());
            List<Integer> numeric = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                String type = inputs.get(i).getInputExpression().getTypeRef();
                if (type != null && NUMERIC.contains(type)) {
                    numeric.add(i);
                }
            }
            if (numeric.isEmpty()) {
                continue;
            }
            List<Rule> rules = new ArrayList<>(table.getRules());
            List<List<Object>> entries = new ArrayList<>();
            boolean parsed = true;
            for (Rule rule : rules) {
                List<Object> row = new ArrayList<>();
                List<InputEntry> cells = new ArrayList<>(rule.getInputEntries());
                for (int i = 0; i < cells.size(); i++) {
                    String text = cells.get(i).getTextContent().trim();
                    if (numeric.contains(i)) {
                        List<Range> ranges = ranges(text);
                        if (ranges == null) {
                            found.add(new Violation(file, rule.getId(), "DMN_GAP",
                                    "无法读懂数值条件 “" + text + "”：请写成 < 10、>= 10、[1..10] 之类",
                                    "cannot read the numeric test \"" + text + "\": write it as < 10, >= 10, [1..10] and the like"));
                            parsed = false;
                        }
                        row.add(ranges);
                    } else {
                        row.add(text.equals("-") ? "" : text);
                    }
                }
                entries.add(row);
            }
            if (!parsed) {
                continue;
            }
            HitPolicy policy = table.getHitPolicy();
            if (policy == HitPolicy.UNIQUE || policy == HitPolicy.ANY) {
                overlaps(file, table, rules, entries, policy, found);
            }
            if (numeric.size() == 1 && policy != HitPolicy.COLLECT && policy != HitPolicy.RULE_ORDER
                    && policy != HitPolicy.OUTPUT_ORDER) {
                gaps(file, table, inputs.get(numeric.get(0)), numeric.get(0), entries, found);
            }
        }
        return found;
    }

    private static void overlaps(String file, DecisionTable table, List<Rule> rules, List<List<Object>> entries,
            HitPolicy policy, List<Violation> found) {
        for (int a = 0; a < rules.size(); a++) {
            for (int b = a + 1; b < rules.size(); b++) {
                if (bothMatch(entries.get(a), entries.get(b))
                        && (policy == HitPolicy.UNIQUE || !outputs(rules.get(a)).equals(outputs(rules.get(b))))) {
                    found.add(new Violation(file, rules.get(a).getId() + "," + rules.get(b).getId(), "DMN_OVERLAP",
                            "决策表 " + table.getParentElement().getAttributeValue("id") + " 的规则 " + rules.get(a).getId() + " 与 "
                                    + rules.get(b).getId() + " 有重叠（命中策略 " + policy + "）：调整区间使同一输入只命中一条",
                            "rules " + rules.get(a).getId() + " and " + rules.get(b).getId() + " of "
                                    + table.getParentElement().getAttributeValue("id") + " overlap (hit policy " + policy
                                    + "): adjust the ranges so that an input matches one rule only"));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean bothMatch(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) instanceof String x) {
                String y = (String) b.get(i);
                if (!x.isEmpty() && !y.isEmpty() && !x.equals(y)) {
                    return false;
                }
            } else {
                List<Range> x = (List<Range>) a.get(i);
                List<Range> y = (List<Range>) b.get(i);
                if (x.stream().noneMatch(r -> y.stream().anyMatch(r::intersects))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<String> outputs(Rule rule) {
        return rule.getOutputEntries().stream().map(OutputEntry::getTextContent).map(String::trim).toList();
    }

    /** For each combination of the other columns that some rule names, the numeric column must be covered. */
    @SuppressWarnings("unchecked")
    private static void gaps(String file, DecisionTable table, Input input, int column, List<List<Object>> entries,
            List<Violation> found) {
        Set<List<Object>> combinations = new java.util.LinkedHashSet<>();
        for (List<Object> row : entries) {
            List<Object> others = new ArrayList<>(row);
            others.set(column, null);
            combinations.add(others);
        }
        for (List<Object> combination : combinations) {
            List<Range> covered = new ArrayList<>();
            for (List<Object> row : entries) {
                boolean applies = true;
                for (int i = 0; i < row.size(); i++) {
                    if (i != column && !((String) row.get(i)).isEmpty() && !row.get(i).equals(combination.get(i))) {
                        applies = false;
                    }
                }
                if (applies) {
                    covered.addAll((List<Range>) row.get(column));
                }
            }
            boolean whole = Set.of("integer", "long").contains(input.getInputExpression().getTypeRef());
            Range hole = holes(covered).stream().filter(h -> !whole || holdsWholeNumber(h)).findFirst().orElse(null);
            if (hole != null) {
                String where = combination.stream().filter(o -> o instanceof String s && !s.isEmpty()).map(String::valueOf)
                        .reduce((x, y) -> x + ", " + y).map(s -> "（" + s + "）").orElse("");
                String label = input.getLabel() != null ? input.getLabel() : input.getId();
                found.add(new Violation(file, input.getId(), "DMN_GAP",
                        "决策表 " + table.getParentElement().getAttributeValue("id") + where + " 中“" + label + "”为 " + hole
                                + " 时没有规则命中：补一条规则或放宽相邻区间",
                        "in " + table.getParentElement().getAttributeValue("id") + where + " no rule matches " + label
                                + " in " + hole + ": add a rule or widen a neighbouring range"));
            }
        }
    }

    /** The stretches of the number line that the ranges leave uncovered. */
    static List<Range> holes(List<Range> ranges) {
        if (ranges.isEmpty()) {
            return List.of(Range.ANY);
        }
        List<Range> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparing(Range::low, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(r -> !r.lowIncluded()));
        List<Range> holes = new ArrayList<>();
        Range first = sorted.get(0);
        if (first.low() != null) {
            holes.add(new Range(null, false, first.low(), !first.lowIncluded()));
        }
        BigDecimal reached = first.high(); // everything up to here is covered
        boolean reachedIncluded = first.highIncluded();
        for (Range r : sorted.subList(1, sorted.size())) {
            if (reached == null) {
                return holes;
            }
            if (r.low() != null) {
                int c = r.low().compareTo(reached);
                if (c > 0 || (c == 0 && !reachedIncluded && !r.lowIncluded())) {
                    holes.add(new Range(reached, !reachedIncluded, r.low(), !r.lowIncluded()));
                }
            }
            if (r.high() == null) {
                return holes;
            }
            int c = r.high().compareTo(reached);
            if (c > 0 || (c == 0 && r.highIncluded())) {
                reached = r.high();
                reachedIncluded = r.highIncluded();
            }
        }
        if (reached != null) {
            holes.add(new Range(reached, !reachedIncluded, null, false));
        }
        return holes;
    }

    /** Whether a hole holds a whole number (for integer inputs, (9, 10) is no gap). */
    static boolean holdsWholeNumber(Range hole) {
        if (hole.low() == null || hole.high() == null) {
            return true;
        }
        BigDecimal lo = hole.lowIncluded() ? hole.low().setScale(0, java.math.RoundingMode.CEILING)
                : hole.low().setScale(0, java.math.RoundingMode.FLOOR).add(BigDecimal.ONE);
        BigDecimal hi = hole.highIncluded() ? hole.high().setScale(0, java.math.RoundingMode.FLOOR)
                : hole.high().setScale(0, java.math.RoundingMode.CEILING).subtract(BigDecimal.ONE);
        return lo.compareTo(hi) <= 0;
    }

    /** The ranges a FEEL simple unary test on numbers covers, or null if it is not one this check reads. */
    static List<Range> ranges(String test) {
        if (test.isEmpty() || test.equals("-")) {
            return List.of(Range.ANY);
        }
        List<Range> ranges = new ArrayList<>();
        for (String part : test.split(",")) {
            String p = part.trim();
            Matcher range = RANGE.matcher(p);
            Matcher comparison = COMPARISON.matcher(p);
            if (range.matches()) {
                ranges.add(new Range(new BigDecimal(range.group(2)), range.group(1).equals("["),
                        new BigDecimal(range.group(3)), range.group(4).equals("]")));
            } else if (comparison.matches()) {
                BigDecimal n = new BigDecimal(comparison.group(2));
                String op = comparison.group(1) == null ? "=" : comparison.group(1);
                ranges.add(switch (op) {
                    case "<" -> new Range(null, false, n, false);
                    case "<=" -> new Range(null, false, n, true);
                    case ">" -> new Range(n, false, null, false);
                    case ">=" -> new Range(n, true, null, false);
                    default -> new Range(n, true, n, true);
                });
            } else {
                return null;
            }
        }
        return ranges;
    }
}
