package cn.labordispute.arbitration;

import cn.labordispute.cases.CaseCause;
import cn.labordispute.cases.CaseCauses;
import cn.labordispute.cases.TaskInput;
import cn.labordispute.deadlines.Deadlines;
import cn.labordispute.security.Organisation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * 终局裁决 per award item (LDMAL art.47; SPC-LD1 art.19): each item's category comes from the case-cause table, the
 * ceiling is 12 x the monthly minimum wage in force in the organisation's area on the policy date (the award date by
 * default, or the date the application was received), and the final_award decision table decides. Where no standard
 * is known for the area, or the standard is not verified, the item is flagged for the arbitrator (需人工核对).
 */
public class FinalAwardTest {

    /** Evaluates the final_award decision: the single matching rule's outputs, or empty when no rule matches. */
    public interface Decision {
        Optional<Map<String, Object>> evaluate(Map<String, Object> variables);
    }

    /** Which day's minimum wage applies: the award's (default) or the application's. A policy setting. */
    public enum WageDate { AWARD, APPLICATION }

    /** One item as the arbitrator records it on the award form. */
    public record Item(String causeCode, BigDecimal awardedAmount, boolean nationalStandard) {
    }

    /** One item decided: final (true/false) or left to the arbitrator (null), with the basis and the ceiling used. */
    public record Classified(String causeCode, String causeName, String category, BigDecimal awardedAmount,
            boolean nationalStandard, Boolean finalItem, String basis, BigDecimal ceiling, String standard,
            boolean needsReview) {
    }

    private final CaseCauses causes;
    private final MinimumWages wages;
    private final Function<String, Optional<Organisation>> organisations;
    private final Decision decision;
    private final WageDate wageDate;
    private final ObjectMapper json = new ObjectMapper();

    public FinalAwardTest(CaseCauses causes, MinimumWages wages, Function<String, Optional<Organisation>> organisations,
            Decision decision,
            WageDate wageDate) {
        this.causes = causes;
        this.wages = wages;
        this.organisations = organisations;
        this.decision = decision;
        this.wageDate = wageDate;
    }

    /** Classifies the items of an award made in an area of a region, with the minimum wage in force on the day. */
    public List<Classified> classify(String region, String area, LocalDate day, List<Item> items) {
        Optional<MinimumWages.Standard> standard = wages.inForce(region, area, day);
        BigDecimal ceiling = standard.map(MinimumWages.Standard::twelveMonths).orElse(null);
        String standardText = standard.map(s -> s.region() + s.area().replace("*", "") + s.tier() + " 月最低工资 "
                + s.monthly().toPlainString() + " 元（" + s.effectiveFrom() + " 起）" + (s.verified() ? "" : "，未核实"))
                .orElse(region + area + " 的月最低工资标准未查明");
        List<Classified> classified = new ArrayList<>();
        for (Item item : items) {
            CaseCause cause = causes.find(item.causeCode()).orElseThrow(() -> new IllegalArgumentException(
                    "unknown case cause " + item.causeCode()));
            Map<String, Object> variables = new HashMap<>();
            variables.put("category", cause.finalAwardCategory());
            variables.put("nationalStandard", item.nationalStandard());
            variables.put("awardedAmount", item.awardedAmount() == null ? null : item.awardedAmount().doubleValue());
            variables.put("ceiling", ceiling == null ? null : ceiling.doubleValue());
            Optional<Map<String, Object>> result = decision.evaluate(variables);
            Boolean finalItem = result.map(r -> (Boolean) r.get("final")).orElse(null);
            String basis = result.map(r -> (String) r.get("basis"))
                    .orElse("当地月最低工资标准未查明，是否终局须由仲裁员核对认定");
            boolean moneyTest = "MONEY".equals(cause.finalAwardCategory());
            boolean review = finalItem == null || (moneyTest && standard.map(s -> !s.verified()).orElse(true));
            classified.add(new Classified(cause.code(), cause.name(), cause.finalAwardCategory(), item.awardedAmount(),
                    item.nationalStandard(), finalItem, basis, moneyTest ? ceiling : null, moneyTest ? standardText : null,
                    review));
        }
        return classified;
    }

    /**
     * The award step's service task: reads the items the arbitrator listed (awardItems), classifies them and sets
     * awardItemsClassified (JSON), finalAwardItems, nonFinalAwardItems, finalAwardNeedsReview and awardFinalSummary.
     */
    public void classify(DelegateExecution execution) {
        Object list = execution.getVariable("awardItems");
        List<Item> items = list != null ? items(list) : rows(execution);
        Organisation org = organisations.apply((String) execution.getVariable("organisation"))
                .orElseThrow(() -> new IllegalStateException("no organisation " + execution.getVariable("organisation")));
        Object dayVariable = wageDate == WageDate.AWARD ? execution.getVariable("awardMadeOn")
                : execution.getVariable("arbitrationReceivedOn");
        if (dayVariable == null) {
            throw TaskInput.invalid("awardMadeOn", "task.award.madeOn");
        }
        List<Classified> classified = classify(org.region(), org.district(), Deadlines.toLocalDate(dayVariable), items);
        try {
            execution.setVariable("awardItemsClassified", json.writeValueAsString(classified));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        execution.setVariable("finalAwardItems", classified.stream().anyMatch(c -> Boolean.TRUE.equals(c.finalItem())));
        execution.setVariable("nonFinalAwardItems", classified.stream().anyMatch(c -> !Boolean.TRUE.equals(c.finalItem())));
        execution.setVariable("finalAwardNeedsReview", classified.stream().anyMatch(Classified::needsReview));
        execution.setVariable("awardFinalSummary", summary(classified));
    }

    /** The award form's rows: awardItem1Cause, awardItem1Amount, awardItem1NationalStandard, … up to {@link #ROWS}. */
    List<Item> rows(DelegateExecution execution) {
        List<Item> items = new ArrayList<>();
        for (int n = 1; n <= ROWS; n++) {
            Object cause = execution.getVariable("awardItem" + n + "Cause");
            if (cause == null || cause.toString().isBlank()) {
                continue;
            }
            if (causes.find(cause.toString()).isEmpty()) {
                throw TaskInput.invalid("awardItem" + n + "Cause", "task.award.item.cause", n, cause);
            }
            Object amount = execution.getVariable("awardItem" + n + "Amount");
            BigDecimal value = amount == null || amount.toString().isBlank() ? null
                    : new BigDecimal(amount.toString()).setScale(2, RoundingMode.HALF_UP);
            if (value != null && value.signum() < 0) {
                throw TaskInput.invalid("awardItem" + n + "Amount", "task.award.item.amount", n);
            }
            items.add(new Item(cause.toString(), value, Boolean.TRUE.equals(execution.getVariable("awardItem" + n + "NationalStandard"))));
        }
        if (items.isEmpty()) {
            throw TaskInput.invalid("awardItem1Cause", "task.award.items");
        }
        return items;
    }

    /** How many item rows the award form has. */
    public static final int ROWS = 6;

    /** "第1项 违法解除劳动合同赔偿金 42,000.00 元：非终局（…）" per item, one per line. */
    public static String summary(List<Classified> classified) {
        DecimalFormat money = new DecimalFormat("#,##0.00");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < classified.size(); i++) {
            Classified c = classified.get(i);
            text.append("第").append(i + 1).append("项 ").append(c.causeName());
            if (c.awardedAmount() != null) {
                text.append(" ").append(money.format(c.awardedAmount())).append(" 元");
            }
            text.append("：").append(c.finalItem() == null ? "待仲裁员认定" : c.finalItem() ? "终局裁决" : "非终局裁决")
                    .append("（").append(c.basis());
            if (c.ceiling() != null) {
                text.append("；限额 ").append(money.format(c.ceiling())).append(" 元，").append(c.standard());
            } else if (c.standard() != null) {
                text.append("；").append(c.standard());
            }
            text.append("）").append(c.needsReview() ? " 需人工核对" : "").append(i < classified.size() - 1 ? "\n" : "");
        }
        return text.toString();
    }

    /** Items as one JSON list (REST clients, tests): JSON text (or Camunda's JSON value) of {causeCode, amount, nationalStandard}. */
    List<Item> items(Object value) {
        if (value == null || value.toString().isBlank()) {
            throw TaskInput.invalid("awardItems", "task.award.items");
        }
        JsonNode list;
        try {
            // a String, a list (process tests), or Camunda's JSON value from the Tasklist, whose toString is the JSON
            list = json.readTree(value instanceof String s ? s
                    : value instanceof java.util.Collection<?> || value instanceof Map<?, ?> ? json.writeValueAsString(value)
                    : value.toString());
        } catch (JsonProcessingException e) {
            throw TaskInput.invalid("awardItems", "task.award.items.malformed");
        }
        if (list.isTextual()) {
            return items(list.asText());
        }
        if (!list.isArray() || list.isEmpty()) {
            throw TaskInput.invalid("awardItems", "task.award.items");
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String cause = n.path("causeCode").asText("");
            if (causes.find(cause).isEmpty()) {
                throw TaskInput.invalid("awardItems[" + i + "].causeCode", "task.award.item.cause", i + 1, cause);
            }
            BigDecimal amount = null;
            if (n.hasNonNull("amount") && !n.path("amount").asText().isBlank()) {
                try {
                    amount = new BigDecimal(n.path("amount").asText()).setScale(2, RoundingMode.HALF_UP);
                } catch (NumberFormatException e) {
                    amount = BigDecimal.valueOf(-1);
                }
                if (amount.signum() < 0) {
                    throw TaskInput.invalid("awardItems[" + i + "].amount", "task.award.item.amount", i + 1);
                }
            }
            items.add(new Item(cause, amount, n.path("nationalStandard").asBoolean(false)));
        }
        return items;
    }
}
