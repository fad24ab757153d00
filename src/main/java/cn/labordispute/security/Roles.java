package cn.labordispute.security;

import java.util.List;
import java.util.Set;

/**
 * Staff roles. A role's Camunda group is scoped to an organisation: {@code mediator-yuzhong} holds the mediators of
 * the organisation {@code yuzhong}; BPMN writes it as {@code mediator-${organisation}}.
 */
public enum Roles {
    MEDIATOR("mediator", "调解员"),
    ARBITRATOR("arbitrator", "仲裁员"),
    LEGAL_AID("legal-aid", "法律援助工作人员"),
    COURT_LIAISON("court-liaison", "诉调对接联络员"),
    UNION("union", "工会协商指导员"),
    SUPERVISOR("supervisor", "主管");

    /** A supervisor of this group sees every organisation's cases. */
    public static final String CITY_SUPERVISORS = "supervisor-city";
    public static final String POLICY_EDITORS = "policy-editor";
    public static final String ADMINS = "camunda-admin";
    /** Operators: the management endpoints (metrics, health details), nothing of the cases. */
    public static final String OPERATORS = "operations";
    /** The groups that exist on every system, not scoped to an organisation (models may name them literally). */
    public static final Set<String> SYSTEM_GROUPS = Set.of(CITY_SUPERVISORS, POLICY_EDITORS, ADMINS, OPERATORS);

    private final String id;
    private final String label;

    Roles(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public String groupFor(String organisation) {
        return id + "-" + organisation;
    }

    public static List<Roles> all() {
        return List.of(values());
    }
}
