package cn.labordispute.cases;

import cn.labordispute.policy.PolicyTable;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/** The case-cause taxonomy, read from policy/case-causes.csv (policy staff extend it there). */
@Component
public class CaseCauses {

    private final Map<String, CaseCause> byCode = new LinkedHashMap<>();

    public CaseCauses(@Value("${dispute.case-causes:classpath:policy/case-causes.csv}") Resource table) {
        for (PolicyTable.Row row : PolicyTable.read(table)) {
            String parent = row.get("parent_code");
            CaseCause cause = new CaseCause(row.get("code"), row.get("name"), parent.isEmpty() ? null : parent,
                    row.get("court_cause"), Boolean.parseBoolean(row.get("payment_order_eligible")),
                    row.get("final_award_category"), row.get("dispute_kind"), row.get("guide_topic"), row.get("name_en"));
            if (!cause.disputeKind().equals("LABOUR") && !cause.personnel()) {
                throw row.error("dispute_kind must be LABOUR or PERSONNEL, not " + cause.disputeKind());
            }
            if (!cause.guideTopic().isEmpty() && forTopic(cause.guideTopic()).isPresent()) {
                throw row.error("guide topic " + cause.guideTopic() + " has a cause already");
            }
            if (cause.parentCode() != null && !byCode.containsKey(cause.parentCode())) {
                throw row.error("parent " + cause.parentCode() + " must be listed before " + cause.code());
            }
            if (byCode.put(cause.code(), cause) != null) {
                throw row.error("cause " + cause.code() + " appears twice");
            }
        }
    }

    public Optional<CaseCause> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** The cause an application starts with when the guide's "what happened" answer is this topic. */
    public Optional<CaseCause> forTopic(String topic) {
        return byCode.values().stream().filter(c -> c.guideTopic().equals(topic)).findFirst();
    }

    public Collection<CaseCause> all() {
        return byCode.values();
    }
}
