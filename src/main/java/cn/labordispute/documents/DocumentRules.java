package cn.labordispute.documents;

import cn.labordispute.cases.CaseStage;
import cn.labordispute.cases.DisputeCase;
import cn.labordispute.policy.PolicyTable;
import cn.labordispute.security.Caller;
import cn.labordispute.security.Roles;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.Resource;

/**
 * Who may issue which document, and when (policy/document-rules.csv, one row per kind): the case's stages where the
 * kind belongs and the roles, in the case's own organisation, that may issue it. The documents page offers only what
 * a caller may issue on a case now, and {@link Documents#generate} refuses anything else. Policy staff read and change
 * the table in Chinese (文书, 阶段, 出具人员) and deploy new versions through /policy; the steps' own documents are
 * issued by the process models, not by this table.
 */
public class DocumentRules {

    /** Any staff role of the case's organisation: the service window. */
    static final String COUNTER = "窗口工作人员";

    /** One kind's rule. {@code counter}: any member of staff of the case's organisation may issue it. */
    public record Rule(DocumentKind kind, Set<CaseStage> stages, Set<Roles> roles, boolean counter, String note) {
    }

    private final Resource table;
    private volatile Map<DocumentKind, Rule> rules;

    public DocumentRules(Resource table) {
        this.table = table;
        reload(table);
    }

    public Resource shipped() {
        return table;
    }

    /** Reads the table; a bad row fails with its line named in Chinese and leaves the rules in force as they were. */
    public final void reload(Resource table) {
        Map<DocumentKind, Rule> read = new EnumMap<>(DocumentKind.class);
        for (PolicyTable.Row row : PolicyTable.read(table)) {
            DocumentKind kind = Arrays.stream(DocumentKind.values())
                    .filter(k -> k.title().equals(row.get("文书")) || k.name().equals(row.get("文书"))).findFirst()
                    .orElseThrow(() -> row.error("没有名为“" + row.get("文书") + "”的文书"));
            Set<CaseStage> stages = EnumSet.noneOf(CaseStage.class);
            for (String s : split(row.get("阶段"))) {
                stages.add(Arrays.stream(CaseStage.values()).filter(st -> st.label().equals(s) || st.name().equals(s))
                        .findFirst().orElseThrow(() -> row.error("阶段“" + s + "”不存在（可填：受理、协商、调解、履行、仲裁、诉讼、回访、归档）")));
            }
            Set<Roles> roles = EnumSet.noneOf(Roles.class);
            boolean counter = false;
            for (String r : split(row.get("出具人员"))) {
                if (COUNTER.equals(r)) {
                    counter = true;
                    continue;
                }
                roles.add(Arrays.stream(Roles.values()).filter(role -> role.label().equals(r) || role.id().equals(r))
                        .findFirst().orElseThrow(() -> row.error("出具人员“" + r + "”不存在（可填："
                                + String.join("、", Roles.all().stream().map(Roles::label).toList()) + "、" + COUNTER + "）")));
            }
            if (stages.isEmpty() || (roles.isEmpty() && !counter)) {
                throw row.error(kind.title() + "须至少填写一个阶段和一类出具人员");
            }
            if (read.put(kind, new Rule(kind, stages, roles, counter, row.getOr("说明", ""))) != null) {
                throw row.error(kind.title() + "出现了两次");
            }
        }
        Set<DocumentKind> missing = EnumSet.allOf(DocumentKind.class);
        missing.removeAll(read.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalStateException(table.getDescription() + "：缺少这些文书的规则："
                    + String.join("、", missing.stream().map(DocumentKind::title).toList()));
        }
        this.rules = read;
    }

    /** Whether the caller may issue this kind on the case as it stands now. */
    public boolean mayIssue(Caller caller, DisputeCase c, DocumentKind kind) {
        Rule rule = rules.get(kind);
        if (rule == null || !rule.stages().contains(c.stage())) {
            return false;
        }
        Set<String> groups = caller.groups();
        if (rule.counter() && Roles.all().stream().anyMatch(r -> groups.contains(r.groupFor(c.orgCode())))) {
            return true;
        }
        return rule.roles().stream().anyMatch(r -> groups.contains(r.groupFor(c.orgCode()))
                || (r == Roles.SUPERVISOR && groups.contains(Roles.CITY_SUPERVISORS)));
    }

    /** The kinds the caller may issue on the case now, in the order of {@link DocumentKind}. */
    public List<DocumentKind> issuable(Caller caller, DisputeCase c) {
        return Arrays.stream(DocumentKind.values()).filter(k -> mayIssue(caller, c, k)).toList();
    }

    /** Every kind's rule, for the pages that explain them. */
    public List<Rule> all() {
        return List.copyOf(rules.values());
    }

    private static Set<String> split(String cell) {
        Set<String> out = new LinkedHashSet<>();
        for (String part : cell.split("\\|")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }
}
