package cn.labordispute.documents;

import cn.labordispute.cases.CaseCause;
import cn.labordispute.cases.CaseCauses;
import cn.labordispute.cases.CaseRepository;
import cn.labordispute.cases.Claim;
import cn.labordispute.cases.DisputeCase;
import cn.labordispute.cases.Party;
import cn.labordispute.cases.PaymentSchedule;
import cn.labordispute.deadlines.Deadlines;
import cn.labordispute.security.Organisation;
import cn.labordispute.security.Organisations;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Everything a document template may print about a case: the case record with its parties and claims (read from the
 * case tables, "collect once, use many times"), the organisation, and the variables its processes recorded.
 */
@Component
class CaseFacts {

    private final CaseRepository cases;
    private final CaseCauses causes;
    private final Organisations organisations;
    private final HistoryService history;
    private final IdentityService identity;
    private final Deadlines deadlines;

    CaseFacts(CaseRepository cases, CaseCauses causes, Organisations organisations, HistoryService history,
            IdentityService identity, Deadlines deadlines) {
        this.cases = cases;
        this.causes = causes;
        this.organisations = organisations;
        this.history = history;
        this.identity = identity;
        this.deadlines = deadlines;
    }

    /** The variables of every process the case has run, later processes' values over earlier ones'. */
    Map<String, Object> recordedVariables(String caseNumber) {
        List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber).list().stream()
                .sorted(Comparator.comparing(HistoricProcessInstance::getStartTime)).toList();
        if (instances.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < instances.size(); i++) {
            order.put(instances.get(i).getId(), i);
        }
        List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(order.keySet().toArray(String[]::new)).disableCustomObjectDeserialization().list();
        Map<String, Object> out = new HashMap<>();
        variables.stream()
                .filter(v -> v.getValue() != null)
                .sorted(Comparator.comparing((HistoricVariableInstance v) -> order.get(v.getProcessInstanceId()))
                        .thenComparing(v -> v.getCreateTime()))
                .forEach(v -> out.put(v.getName(), v.getValue()));
        return out;
    }

    /** The template model: {@code case}, {@code org}, {@code workers}, {@code employer}, {@code claims} (code, cause, description, amount), {@code v}. */
    Map<String, Object> model(DisputeCase c, Map<String, Object> variables, String issuedBy) {
        List<Party> parties = cases.parties(c.id());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("case", c);
        m.put("org", organisations.find(c.orgCode()).orElse(new Organisation(c.orgCode(), c.orgCode(), "", "", "")));
        m.put("workers", parties.stream().filter(p -> p.role() == Party.Role.WORKER).toList());
        m.put("employer", parties.stream().filter(p -> p.role() == Party.Role.EMPLOYER).findFirst().orElse(null));
        List<Claim> recorded = cases.claims(c.id());
        List<Map<String, Object>> claims = recorded.stream().map(cl -> Map.<String, Object>of("code", cl.causeCode(),
                "cause", causes.find(cl.causeCode()).map(CaseCause::name).orElse(cl.causeCode()),
                "description", cl.description() == null ? "" : cl.description(),
                "amount", cl.amount() == null ? BigDecimal.ZERO : cl.amount())).toList();
        m.put("claims", claims);
        m.put("totalClaimed", recorded.stream().map(cl -> cl.amount() == null ? BigDecimal.ZERO : cl.amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        Map<String, Object> v = new HashMap<>(variables);
        v.values().removeIf(x -> x == null);
        m.put("v", v);
        m.put("mediator", nameOf((String) variables.get("mediationAssignee")));
        m.put("issuedBy", nameOf(issuedBy));
        m.put("issuedOn", deadlines.today());
        if (variables.get("mediationReceivedOn") != null && variables.get("mediationLimitPeriod") != null) {
            m.put("mediationLimitDate", deadlines.due((String) variables.get("mediationLimitPeriod"),
                    variables.get("mediationReceivedOn")));
        }
        m.put("installments", PaymentSchedule.installments(v));
        m.put("paidAmount", PaymentSchedule.money(v.get("amountPaid")) == null ? BigDecimal.ZERO
                : PaymentSchedule.money(v.get("amountPaid")));
        m.put("unpaidAmount", PaymentSchedule.unpaid(v));
        m.put("awardItems", awardItems(v.get("awardItemsClassified")));
        m.put("fmt", new Formats());
        return m;
    }

    /** The award's items as the final-award step classified them (a JSON list), for the 仲裁裁决书; empty if none. */
    private static List<Map<String, Object>> awardItems(Object json) {
        if (!(json instanceof String text) || text.isBlank()) {
            return List.of();
        }
        try {
            List<Map<String, Object>> items = new com.fasterxml.jackson.databind.ObjectMapper().readValue(text,
                    new com.fasterxml.jackson.core.type.TypeReference<List<Map<String, Object>>>() { });
            items.forEach(i -> i.values().removeIf(x -> x == null));
            return items;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("awardItemsClassified is not the list the final-award step writes", e);
        }
    }

    /** A user's full name (the directory keeps it as the first name, the role as the last), or the id. */
    String nameOf(String userId) {
        if (userId == null || userId.isBlank()) {
            return "";
        }
        CommandContext command = Context.getCommandContext();
        User u = command == null ? identity.createUserQuery().userId(userId).singleResult()
                : command.runWithoutAuthorization(() -> identity.createUserQuery().userId(userId).singleResult());
        return u == null || u.getFirstName() == null || u.getFirstName().isBlank() ? userId : u.getFirstName();
    }
}
