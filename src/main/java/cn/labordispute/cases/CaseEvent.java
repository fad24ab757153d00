package cn.labordispute.cases;

import java.time.Instant;

/** One entry of the case timeline: opened, entered a stage, legal aid, closed, archived. */
public record CaseEvent(Instant occurredAt, String kind, CaseStage stage, String detail) {
}
