package cn.labordispute.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The bare Camunda engine beside the application, on the same PostgreSQL: a minimal model (one user task with a
 * candidate group and a due date), N instances started by 8 clients, a third of the tasks taken, then what the
 * application's Tasklist asks, asked of the bare engine through its Java API (no HTTP, no authorisations, no tenants):
 * a group's unassigned page of 50 by due date and its count, the page of 15 with seven process variables read for
 * the cards, a search on a process variable with {@code like}; and claim + complete with 8 clients. Run by
 * {@link BoardBenchmark} after the application's figures (printing each ratio), or alone:
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=cn.labordispute.benchmark.BareTaskBenchmark -Dexec.args="100000"
 * </pre>
 * Uses the database labor_dispute_bare_tasks on IT_POSTGRES_URL, made fresh.
 */
public final class BareTaskBenchmark {

    private static final String SERVER = System.getenv().getOrDefault("IT_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/");
    /** Groups the tasks are spread over: a group then holds about the share of the open tasks 渝中's mediators hold. */
    private static final int GROUPS = 15;
    private static final int CLIENTS = 8;
    private static final List<String> CARDS = List.of("caseNumber", "applicantNames", "employerName", "mainCause",
            "claimedTotal", "caseMarks", "riskLevelLabel");

    public static void main(String[] args) throws Exception {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 20_000, Map.of());
    }

    /**
     * Fills and times the bare engine; {@code application} holds the application's p95 of the same requests
     * (keys "page", "count", "filter + cards", "search + cards", "intake") to print the ratio beside each figure.
     */
    static void run(int instances, Map<String, Double> application) throws Exception {
        ProcessEngine engine = bareEngine("labor_dispute_bare_tasks", CLIENTS);
        try {
            BpmnModelInstance model = Bpmn.createExecutableProcess("bare_task").camundaHistoryTimeToLive(180).startEvent()
                    .userTask("work").camundaCandidateGroups("${group}").camundaDueDate("${due}").endEvent().done();
            engine.getRepositoryService().createDeployment().addModelInstance("bare_task.bpmn", model).deploy();
            Map<String, Double> bare = new LinkedHashMap<>();
            bare.put("intake", fill(engine, instances));
            try (var connection = java.sql.DriverManager.getConnection(SERVER + "labor_dispute_bare_tasks", "postgres", "");
                    var sql = connection.createStatement()) {
                // a third of the tasks taken, as in the application's data set
                sql.execute("UPDATE ACT_RU_TASK SET ASSIGNEE_ = 'bare-user-' || (abs(hashtext(ID_)) % 6) "
                        + "WHERE abs(hashtext(ID_)) % 3 = 0");
                sql.execute("ANALYZE");
            }
            TaskService tasks = engine.getTaskService();
            String group = "bare-group-0";
            bare.put("page", time("group page of 50", () -> tasks.createTaskQuery().taskCandidateGroup(group)
                    .taskUnassigned().orderByDueDate().asc().listPage(0, 50)));
            bare.put("count", time("group count", () -> tasks.createTaskQuery().taskCandidateGroup(group)
                    .taskUnassigned().count()));
            bare.put("filter + cards", time("page of 15 + card variables", () -> withCards(engine,
                    tasks.createTaskQuery().taskCandidateGroup(group).taskUnassigned().orderByDueDate().asc().listPage(0, 15))));
            bare.put("search + cards", time("search + card variables", () -> withCards(engine,
                    tasks.createTaskQuery().taskCandidateGroup(group).taskUnassigned()
                            .processVariableValueLike("search", "%用人单位42%").orderByDueDate().asc().listPage(0, 15))));
            claimAndComplete(tasks, group);
            System.out.println();
            System.out.println("| request | application p95 | bare engine p95 | application ÷ bare |");
            System.out.println("| --- | --- | --- | --- |");
            for (Map.Entry<String, Double> figure : bare.entrySet()) {
                Double app = application.get(figure.getKey());
                String unit = figure.getKey().equals("intake") ? " /s" : " ms";
                System.out.printf("| %s | %s | %.0f%s | %s |%n", figure.getKey(),
                        app == null ? "—" : String.format("%.0f%s", app, unit), figure.getValue(), unit,
                        app == null ? "—" : String.format("%.2f", app / figure.getValue()));
            }
        } finally {
            engine.close();
        }
    }

    /**
     * The bare engine (no application, history full, no job executor) on a database of that name made fresh on
     * IT_POSTGRES_URL, with a connection for each client and two more.
     */
    static ProcessEngine bareEngine(String database, int clients) throws java.sql.SQLException {
        TimerLatencyBenchmark.freshDatabase(database);
        ProcessEngineConfiguration configuration = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                .setJdbcUrl(SERVER + database).setJdbcUsername("postgres").setJdbcPassword("")
                .setJdbcDriver("org.postgresql.Driver").setDatabaseSchemaUpdate("true").setHistory("full")
                .setJobExecutorActivate(false);
        configuration.setJdbcMaxActiveConnections(clients + 2);
        return configuration.buildProcessEngine();
    }

    /** Starts the instances on 8 clients; returns the start rate of the last tenth (per second). */
    private static double fill(ProcessEngine engine, int instances) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        long[] finished = new long[instances];
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            final int n = i;
            done.add(pool.submit(() -> {
                Map<String, Object> variables = new LinkedHashMap<>();
                variables.put("group", "bare-group-" + n % GROUPS);
                variables.put("due", new Date(System.currentTimeMillis() + (n % 90 - 45) * 86_400_000L));
                variables.put("search", "合成案号" + n + " 劳动者" + n + " 合成用人单位" + n % 500);
                for (String card : CARDS) {
                    variables.put(card, card + "-" + n);
                }
                engine.getRuntimeService().startProcessInstanceByKey("bare_task", "BARE-" + n, variables);
                finished[n] = System.nanoTime();
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        long[] sorted = finished.clone();
        Arrays.sort(sorted);
        int tenth = Math.max(1, instances / 10);
        double lastTenth = tenth / ((sorted[instances - 1] - sorted[instances - 1 - tenth]) / 1e9);
        System.out.printf("bare engine: %d instances started by %d clients in %.0f s (%.0f /s; the last tenth %.0f /s)%n",
                instances, CLIENTS, (sorted[instances - 1] - start) / 1e9, instances / ((sorted[instances - 1] - start) / 1e9),
                lastTenth);
        return lastTenth;
    }

    /** The page with the cards' process variables, read as the REST API's hal+json answer reads them: one query. */
    private static Object withCards(ProcessEngine engine, List<Task> page) {
        if (!page.isEmpty()) {
            engine.getRuntimeService().createVariableInstanceQuery()
                    .processInstanceIdIn(page.stream().map(Task::getProcessInstanceId).toArray(String[]::new))
                    .variableNameIn(CARDS.toArray(String[]::new)).list();
        }
        return page;
    }

    /** 45 calls after 5 warm-up ones; prints p50 / p95 and returns p95 in milliseconds. */
    private static double time(String what, Supplier<Object> call) {
        for (int i = 0; i < 5; i++) {
            call.get();
        }
        long[] millis = new long[45];
        Object last = null;
        for (int i = 0; i < millis.length; i++) {
            long t0 = System.nanoTime();
            last = call.get();
            millis[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        Arrays.sort(millis);
        long p95 = TimerLatencyBenchmark.pct(millis, 95);
        System.out.printf("bare engine %-28s p50 %4d ms, p95 %4d ms (%s)%n", what, millis[millis.length / 2], p95,
                last instanceof List<?> list ? list.size() + " tasks" : last);
        return p95;
    }

    /** 1,000 of the group's tasks claimed and completed by 8 clients: the rate and p95 of one claim + complete. */
    private static void claimAndComplete(TaskService tasks, String group) throws Exception {
        List<Task> open = tasks.createTaskQuery().taskCandidateGroup(group).taskUnassigned().orderByDueDate().asc()
                .listPage(0, 1_000);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long[] millis = new long[open.size()];
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            final int n = i;
            done.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                tasks.claim(open.get(n).getId(), "bare-user-" + n % 6);
                tasks.complete(open.get(n).getId());
                millis[n] = (System.nanoTime() - t0) / 1_000_000;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(millis);
        System.out.printf("bare engine claim + complete, %d tasks, %d clients: %.0f /s, p50 %d ms, p95 %d ms%n",
                open.size(), CLIENTS, open.size() / seconds, millis[millis.length / 2], TimerLatencyBenchmark.pct(millis, 95));
    }

    private BareTaskBenchmark() {
    }
}
