package cn.labordispute.supervision;

import java.time.Instant;

/** An open 超期督办 task: what is overdue, since when, who holds it. */
public record Escalation(String taskId, String caseNumber, String overdueTaskName, String period, String dueDate,
        String assignee, Instant created, long ageHours) {
}
