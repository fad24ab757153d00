package cn.labordispute.cases;

import cn.labordispute.security.Caller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 案件查询: the caller's organisations' cases found by what a person at the counter knows (see {@link CaseQueries}),
 * each with its parties, where it is, who holds its next step and by when. One query for the page of cases, one for
 * their parties and one for their open steps, however many cases match.
 */
@Service
public class CaseSearch {

    /** How many cases a page lists. */
    public static final int PAGE = 20;

    /** A found case: the applicant ("刘小雨等2人"), the employer, the step due next, its holder and due date. */
    public record Hit(DisputeCase c, String applicant, String employer, String nextStep, String handler, Instant nextDue) {
    }

    /** A page of hits, with the number of cases found in all. */
    public record Found(List<Hit> hits, long total, int page) {

        public boolean hasNext() {
            return (long) (page + 1) * PAGE < total;
        }
    }

    private final CaseRepository cases;
    private final JdbcClient jdbc;
    private final TaskService tasks;
    private final RuntimeService runtime;

    CaseSearch(CaseRepository cases, JdbcClient jdbc, TaskService tasks, RuntimeService runtime) {
        this.runtime = runtime;
        this.cases = cases;
        this.jdbc = jdbc;
        this.tasks = tasks;
    }

    public Found find(Caller caller, String text, CaseStage stage, String status, int page) {
        CaseFilter filter = new CaseFilter(stage, status == null || status.isBlank() ? null : status, null, null, null,
                null, text == null || text.isBlank() ? null : text, page, PAGE);
        List<DisputeCase> found = cases.search(filter, caller.visibleOrganisations());
        long total = found.size() < PAGE && page == 0 ? found.size() : cases.count(filter, caller.visibleOrganisations());
        return new Found(hits(found), total, filter.page());
    }

    /**
     * Every case of the caller's organisations in which a party with this identity number (a worker's identity
     * number, an employer's credit code) appears in this role, newest first, at most 200: the person's or the
     * enterprise's record (P档 / C档).
     */
    public List<Hit> withParty(Caller caller, Party.Role role, String idNumber) {
        return idNumber == null ? List.of() : hits(cases.withParty(role, idNumber, caller.visibleOrganisations(), 200));
    }

    private List<Hit> hits(List<DisputeCase> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String[]>> parties = parties(found);
        Map<String, Task> next = nextSteps(found);
        List<Hit> hits = new ArrayList<>();
        for (DisputeCase c : found) {
            List<String[]> ps = parties.getOrDefault(c.id(), List.of());
            List<String> workers = ps.stream().filter(p -> "WORKER".equals(p[0])).map(p -> p[1]).toList();
            String employer = ps.stream().filter(p -> "EMPLOYER".equals(p[0])).map(p -> p[1]).findFirst().orElse("");
            String applicant = workers.isEmpty() ? "" : workers.get(0) + (workers.size() > 1 ? "等" + workers.size() + "人" : "");
            Optional<Task> t = Optional.ofNullable(next.get(c.caseNumber()));
            hits.add(new Hit(c, applicant, employer, t.map(Task::getName).orElse(null), t.map(Task::getAssignee).orElse(null),
                    t.map(Task::getDueDate).map(java.util.Date::toInstant).orElse(null)));
        }
        return hits;
    }

    private Map<Long, List<String[]>> parties(List<DisputeCase> found) {
        Map<Long, List<String[]>> out = new LinkedHashMap<>();
        String in = String.join(", ", found.stream().map(c -> "?").toList());
        jdbc.sql("SELECT case_id, role, name FROM dc_party WHERE case_id IN (" + in + ") ORDER BY case_id, id")
                .params(found.stream().map(DisputeCase::id).map(Object.class::cast).toList())
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new String[] {rs.getString(2), rs.getString(3)});
                });
        return out;
    }

    /** Each case's open step that is due first (one engine query for the page). */
    private Map<String, Task> nextSteps(List<DisputeCase> found) {
        Map<String, Task> next = new LinkedHashMap<>();
        Comparator<Task> byDue = Comparator.comparing(Task::getDueDate, Comparator.nullsLast(Comparator.naturalOrder()));
        List<Task> open = tasks.createTaskQuery()
                .processInstanceBusinessKeyIn(found.stream().map(DisputeCase::caseNumber).toArray(String[]::new)).list();
        if (open.isEmpty()) {
            return next;
        }
        Map<String, String> caseOf = new LinkedHashMap<>();
        runtime.createProcessInstanceQuery().processInstanceIds(open.stream().map(Task::getProcessInstanceId)
                .collect(java.util.stream.Collectors.toSet())).list()
                .forEach(pi -> caseOf.put(pi.getId(), pi.getBusinessKey()));
        for (Task t : open) {
            String key = caseOf.get(t.getProcessInstanceId());
            if (key != null) {
                next.merge(key, t, (a, b) -> byDue.compare(a, b) <= 0 ? a : b);
            }
        }
        return next;
    }
}
