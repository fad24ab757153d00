package cn.labordispute.security;

import cn.labordispute.security.Organisation;
import cn.labordispute.security.Organisations;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Checks staff passwords against Camunda's identity service and works out a caller's organisations. */
@Component
public class StaffDirectory {

    private final IdentityService identity;
    private final Organisations organisations;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    StaffDirectory(IdentityService identity, Organisations organisations, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.organisations = organisations;
    }

    public Optional<Caller> authenticate(String userId, String password) {
        if (userId == null || password == null || !identity.checkPassword(userId, password)) {
            return Optional.empty();
        }
        return Optional.of(caller(userId));
    }

    /** Whether the user works for the organisation in one of its roles (mediator, arbitrator, supervisor, …). */
    public boolean isStaffOf(String userId, String organisation) {
        return userId != null && !userId.isBlank() && caller(userId.trim()).organisations().contains(organisation);
    }

    /**
     * The staff of the organisations (null: every organisation) in any of their roles, by login, with the name a person
     * reads, ordered by name: one query over the memberships.
     */
    public java.util.Map<String, String> staffOf(java.util.Collection<String> orgs) {
        java.util.Map<String, String> staff = new java.util.HashMap<>();
        jdbc.sql("SELECT u.ID_, u.FIRST_, m.GROUP_ID_ FROM ACT_ID_USER u JOIN ACT_ID_MEMBERSHIP m ON m.USER_ID_ = u.ID_")
                .query((rs, n) -> {
                    String group = rs.getString(3);
                    boolean ofOrg = orgs == null ? Roles.all().stream().anyMatch(r -> group.startsWith(r.id() + "-"))
                            && !Roles.SYSTEM_GROUPS.contains(group)
                            : orgs.stream().anyMatch(o -> Roles.all().stream().anyMatch(r -> r.groupFor(o).equals(group)));
                    if (ofOrg) {
                        String name = Objects.toString(rs.getString(2), "").trim();
                        staff.put(rs.getString(1), name.isEmpty() ? rs.getString(1) : name);
                    }
                    return null;
                }).list();
        java.util.Map<String, String> byName = new java.util.LinkedHashMap<>();
        staff.entrySet().stream().sorted(java.util.Map.Entry.<String, String>comparingByValue(
                        java.text.Collator.getInstance(java.util.Locale.CHINA)).thenComparing(java.util.Map.Entry.comparingByKey()))
                .forEach(e -> byName.put(e.getKey(), e.getValue()));
        return byName;
    }

    /** The staff of one organisation; see {@link #staffOf(java.util.Collection)}. */
    public java.util.Map<String, String> staffOf(String organisation) {
        return staffOf(java.util.List.of(organisation));
    }

    /**
     * The name a person reads for a member of staff (王芳: the user's first name holds the full Chinese name, the last
     * name the title), or the login where the directory has no name.
     */
    public String displayName(String userId) {
        if (userId == null) {
            return "";
        }
        User user = identity.createUserQuery().userId(userId).singleResult();
        String name = user == null ? "" : Objects.toString(user.getFirstName(), "").trim();
        return name.isEmpty() ? userId : name;
    }

    public Caller caller(String userId) {
        Set<String> groups = new HashSet<>();
        for (Group g : identity.createGroupQuery().groupMember(userId).list()) {
            groups.add(g.getId());
        }
        boolean cityWide = groups.contains(Roles.CITY_SUPERVISORS) || groups.contains(Roles.ADMINS);
        Set<String> orgs = new HashSet<>();
        for (Organisation org : organisations.all()) {
            for (Roles role : Roles.values()) {
                if (groups.contains(role.groupFor(org.code()))) {
                    orgs.add(org.code());
                }
            }
        }
        return new Caller(userId, Set.copyOf(groups), Set.copyOf(orgs), cityWide);
    }
}
