package cn.labordispute.supervision;

import cn.labordispute.text.Table;
import cn.labordispute.calendar.Times;
import cn.labordispute.security.StaffNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the board shows, as exportable tables (CSV and Excel), by the name the export address uses. */
final class BoardTables {

    private BoardTables() {
    }

    static Map<String, Table> of(OverdueBoard board, StaffNames names) {
        Times t = Times.INSTANCE;
        Map<String, Table> out = new LinkedHashMap<>();
        List<List<Object>> urgent = new ArrayList<>();
        for (UrgentItem i : board.items()) {
            urgent.add(Arrays.asList(i.overdue() ? "已超期" : "即将到期", i.caseNumber(), i.taskName(),
                    i.assignee() == null ? "（未认领）" : names.of(i.assignee()), i.periodLabel(), i.source(),
                    t.date(i.dueDay()), i.workingDaysOverdue(), i.organisationName(), i.stageLabel()));
        }
        out.put("urgent", new Table("超期与即将到期的任务", List.of("状态", "案号", "任务", "承办人", "期间", "法律依据", "期限",
                "超期工作日", "组织", "环节"), urgent));
        if (board.workload() != null) {
            List<List<Object>> unclaimed = new ArrayList<>();
            for (Workload.Unclaimed u : board.workload().waiting()) {
                unclaimed.add(Arrays.asList(u.caseNumber() != null ? u.caseNumber() : u.businessKey(), u.taskName(),
                        t.minute(u.created()), t.waited(u.created()), t.day(u.due())));
            }
            out.put("unclaimed", new Table("待认领的任务", List.of("案号", "任务", "创建时间", "已等待", "期限"), unclaimed));
            List<List<Object>> handlers = new ArrayList<>();
            for (Workload.Handler h : board.workload().handlers()) {
                handlers.add(Arrays.asList(names.of(h.userId()), h.open(), h.dueThisWeek(), h.overdue()));
            }
            out.put("handlers", new Table("承办人在办任务", List.of("承办人", "在办", "7日内到期", "已超期"), handlers));
        }
        List<List<Object>> escalations = new ArrayList<>();
        for (Escalation e : board.escalations()) {
            escalations.add(Arrays.asList(e.caseNumber(), e.overdueTaskName(), e.period(), t.text(e.dueDate()),
                    e.assignee() == null ? "（未认领）" : names.of(e.assignee()), e.ageHours()));
        }
        out.put("escalations", new Table("待办的超期督办", List.of("案号", "超期的任务", "期间", "期限", "督办人", "已等待（小时）"),
                escalations));
        return out;
    }
}
