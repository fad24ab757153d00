package cn.labordispute.supervision;

import java.util.List;
import java.util.Map;

/**
 * The supervisor's view: what needs them now (unclaimed work, each handler's load, major and significant risks
 * waiting — {@link Workload}, null for a member of staff who is not a supervisor), counts of overdue and soon-due
 * deadlines by stage, organisation and assignee, the list sorted by urgency, and the open escalations (the longest
 * waiting, and how many there are in all). Built fresh from the database for every request.
 */
public record OverdueBoard(boolean supervisor, long overdue, long soonDue, List<UrgentItem> items,
        Map<String, long[]> byStage, Map<String, long[]> byOrganisation, Map<String, long[]> byAssignee,
        List<Escalation> escalations, long escalationCount, Workload workload) {
}
