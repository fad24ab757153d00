package cn.labordispute.cases;

import cn.labordispute.text.Texts;
import cn.labordispute.security.StaffNames;
import cn.labordispute.text.FieldError;
import cn.labordispute.calendar.EngineTime;
import cn.labordispute.security.Caller;
import cn.labordispute.security.StaffDirectory;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 首问负责: the member of staff who first took an application at the window owns the case until they hand it over.
 * The owner or a supervisor of the organisation hands it to another member of staff of the same organisation, with a
 * note; the case record, the process variable {@code firstResponder}, the timeline and the owner's open tasks of the
 * case follow. Bad input changes nothing and names the field.
 */
@Service
public class FirstResponder {

    /** Why a handover was refused: the field, in Chinese and English. */
    public record Refusal(int status, FieldError error) {
    }

    private final CaseRepository cases;
    private final CaseAccess access;
    private final StaffDirectory staff;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final StaffNames names;

    FirstResponder(CaseRepository cases, CaseAccess access, StaffDirectory staff, RuntimeService runtime, TaskService tasks,
            StaffNames names) {
        this.names = names;
        this.cases = cases;
        this.access = access;
        this.staff = staff;
        this.runtime = runtime;
        this.tasks = tasks;
    }

    /** Whether the caller may hand the case over: its first responder, or a supervisor of its organisation. */
    public boolean mayHandOver(Caller caller, DisputeCase c) {
        return caller.userId().equals(cases.firstResponder(c.id()).orElse(null)) || caller.supervises(c.orgCode());
    }

    /** The staff of the case's organisation the case can be handed to (not the present first responder). */
    public java.util.Map<String, String> colleagues(DisputeCase c) {
        java.util.Map<String, String> staffOf = new java.util.LinkedHashMap<>(staff.staffOf(c.orgCode()));
        cases.firstResponder(c.id()).ifPresent(staffOf::remove);
        return staffOf;
    }

    /** Hands the case over; returns the refusals (empty when done). */
    @Transactional
    public List<Refusal> handOver(Caller caller, String caseNumber, String to, String note) {
        List<Refusal> refusals = new ArrayList<>();
        DisputeCase c = access.find(caseNumber, caller).orElse(null);
        if (c == null) {
            refusals.add(new Refusal(404, FieldError.of("caseNumber", "case.notFound")));
            return refusals;
        }
        String current = cases.firstResponder(c.id()).orElse(null);
        if (!mayHandOver(caller, c)) {
            refusals.add(new Refusal(403, FieldError.of("firstResponder", "handOver.notOwner")));
            return refusals;
        }
        if (to == null || to.isBlank()) {
            refusals.add(new Refusal(400, FieldError.of("to", "handOver.to.required")));
        } else if (to.equals(current)) {
            refusals.add(new Refusal(400, FieldError.of("to", "handOver.to.same")));
        } else if (!staff.isStaffOf(to, c.orgCode())) {
            refusals.add(new Refusal(400, FieldError.of("to", "handOver.to.notStaff", names.of(to))));
        }
        if (note == null || note.isBlank()) {
            refusals.add(new Refusal(400, FieldError.of("note", "handOver.note.required")));
        } else if (note.length() > 500) {
            refusals.add(new Refusal(400, FieldError.of("note", "handOver.note.tooLong")));
        }
        if (!refusals.isEmpty()) {
            return refusals;
        }
        cases.assignFirstResponder(c.id(), to);
        if (c.processInstanceId() != null
                && runtime.createProcessInstanceQuery().processInstanceId(c.processInstanceId()).count() > 0) {
            runtime.setVariable(c.processInstanceId(), "firstResponder", to);
        }
        if (current != null) {
            for (Task t : tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskAssignee(current).list()) {
                tasks.setAssignee(t.getId(), to);
            }
        }
        cases.addEventAtCurrentStage(caseNumber, "FIRST_RESPONDER", Texts.zh("handOver.event",
                current == null ? "—" : names.of(current), names.of(to), names.of(caller.userId()), note.trim()),
                EngineTime.now());
        return refusals;
    }

}
