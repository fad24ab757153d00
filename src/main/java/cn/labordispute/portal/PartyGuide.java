package cn.labordispute.portal;

import cn.labordispute.cases.CaseCause;
import cn.labordispute.cases.CaseCauses;
import cn.labordispute.deadlines.StatutoryPeriod;
import cn.labordispute.deadlines.StatutoryPeriods;
import cn.labordispute.security.Organisation;
import cn.labordispute.security.Organisations;
import cn.labordispute.text.Texts;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * 我该怎么办？ — what a party is advised after a few questions: the procedure and why (the decision table
 * {@code party_guide}, bpmn/party-guide.dmn, which policy staff edit), how long it usually takes (the period the table
 * names, from the periods table), the office for the employer's address, where the one-year limit stands, and the
 * application and calculator with the answers filled in.
 */
@Component
public class PartyGuide {

    static final String DECISION = "party_guide";
    /** The answers to "what happened", in the order the page offers them. */
    static final List<String> TOPICS = List.of("WAGES", "OVERTIME", "DISMISSAL", "NO_CONTRACT", "INJURY",
            "SOCIAL_INSURANCE", "OTHER");

    /** The period that says how long each procedure usually takes (lengths from the periods table). */
    private static final Map<String, String> PROCEDURE_PERIOD = Map.of("NEGOTIATION", "NEGOTIATION_RESPONSE",
            "MEDIATION", "MEDIATION_LIMIT", "ARBITRATION", "ARBITRATION_AWARD");

    /** A procedure as the application offers it: its word, what it is, and how long it usually takes. */
    public record Procedure(String code, String word, String takes) {
    }

    /** The answers as the page sends them; every one may be missing. */
    public record Answers(String happened, Boolean stillEmployed, LocalDate knewOn, LocalDate employmentEndedOn,
            String employerAddress) {

        boolean complete() {
            return happened != null && TOPICS.contains(happened) && stillEmployed != null;
        }
    }

    /**
     * The advice in the reader's language. {@code office} is empty when the address names no district the organisations
     * cover (the page then offers the list).
     */
    public record Advice(String procedure, String procedureWord, String advice, String takes, Optional<Organisation> office,
            Optional<LimitationCheck.Status> limitation, Optional<CaseCause> cause, String applyLink,
            String calculatorLink) {
    }

    private final DecisionService decisions;
    private final StatutoryPeriods periods;
    private final Organisations organisations;
    private final CaseCauses causes;
    private final LimitationCheck limitation;

    PartyGuide(DecisionService decisions, StatutoryPeriods periods, Organisations organisations, CaseCauses causes,
            LimitationCheck limitation) {
        this.decisions = decisions;
        this.periods = periods;
        this.organisations = organisations;
        this.causes = causes;
        this.limitation = limitation;
    }

    Advice advise(Answers a, LocalDate today, boolean english) {
        Optional<CaseCause> cause = causes.forTopic(a.happened());
        boolean employed = Boolean.TRUE.equals(a.stillEmployed());
        Optional<LimitationCheck.Status> status = limitation.status(a.knewOn(), today, employed,
                cause.map(c -> LimitationCheck.wageClaim(c.code())).orElse(false),
                employed ? null : a.employmentEndedOn(), LimitationCheck.Reason.NONE);
        Map<String, Object> variables = new HashMap<>();
        variables.put("happened", a.happened());
        variables.put("stillEmployed", employed);
        variables.put("limitationDaysLeft", status.map(LimitationCheck.Status::daysLeft).orElse(null));
        DmnDecisionRuleResult rule = decisions.evaluateDecisionTableByKey(DECISION).variables(variables).evaluate()
                .getFirstResult();
        if (rule == null) {
            throw new IllegalStateException("the decision table " + DECISION + " has no rule for " + variables);
        }
        String procedure = rule.getEntry("procedure");
        Optional<Organisation> office = organisations.forAddress(a.employerAddress());
        return new Advice(procedure, word(english, procedure), english ? rule.getEntry("adviceEn") : rule.getEntry("advice"),
                takes(procedure, english), office, status, cause, applyLink(a, procedure, office, cause), calculatorLink(a, office));
    }

    /** The three procedures with how long each usually takes in a few words, for the application's choice. */
    List<Procedure> procedures(boolean english) {
        return List.of("NEGOTIATION", "MEDIATION", "ARBITRATION").stream()
                .map(p -> new Procedure(p, word(english, p), Texts.of(english, "portal.apply.takes." + p, length(p, english))))
                .toList();
    }

    private String length(String procedure, boolean english) {
        StatutoryPeriod period = periods.get(PROCEDURE_PERIOD.get(procedure));
        return Texts.of(english, "period.length." + period.unit().name(), period.length());
    }

    private String takes(String procedure, boolean english) {
        StatutoryPeriod period = periods.get(PROCEDURE_PERIOD.get(procedure));
        String length = length(procedure, english);
        return Texts.of(english, "yes".equals(period.verified()) ? "portal.guide.takes" : "portal.guide.takes.unverified",
                period.title(), length, period.source());
    }

    /** The application with what the guide learned: procedure, office, the claim's cause, the dates, the address. */
    private static String applyLink(Answers a, String procedure, Optional<Organisation> office, Optional<CaseCause> cause) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("procedure", procedure);
        office.ifPresent(o -> q.put("organisation", o.code()));
        cause.ifPresent(c -> q.put("claimCause", c.code()));
        put(q, "knewOn", a.knewOn());
        if (Boolean.TRUE.equals(a.stillEmployed())) {
            q.put("stillEmployed", "true");
        } else {
            put(q, "employmentEndedOn", a.employmentEndedOn());
        }
        put(q, "employerAddress", a.employerAddress());
        return "/portal/apply" + query(q);
    }

    /** The calculator for the topic: the office (for the local average wage) and the end of employment. */
    private static String calculatorLink(Answers a, Optional<Organisation> office) {
        Map<String, String> q = new LinkedHashMap<>();
        office.ifPresent(o -> q.put("organisation", o.code()));
        if ("DISMISSAL".equals(a.happened())) {
            q.put("termination", "UNLAWFUL");
        }
        if (!Boolean.TRUE.equals(a.stillEmployed())) {
            put(q, "employedUntil", a.employmentEndedOn());
        }
        return "/portal/calculator" + query(q);
    }

    private static void put(Map<String, String> q, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            q.put(name, value.toString().trim());
        }
    }

    private static String query(Map<String, String> q) {
        return q.isEmpty() ? "" : "?" + q.entrySet().stream()
                .map(e -> e.getKey() + "=" + UriUtils.encodeQueryParam(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String word(boolean english, String code) {
        return english ? Texts.en("dmn.word." + code) : Texts.zhOr("dmn.word." + code, code);
    }

}
