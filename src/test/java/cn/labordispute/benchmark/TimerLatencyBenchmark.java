package cn.labordispute.benchmark;

import cn.labordispute.Application;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Timer lateness on PostgreSQL: schedules N deadline timers due evenly over a window, lets the application's own job
 * executor (as configured in application.yaml) fire them, and reports how late each fired: p50, p99, max.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=cn.labordispute.benchmark.TimerLatencyBenchmark -Dexec.args="10000 600"
 * </pre>
 * Arguments: number of timers (default 10000), window in seconds (default 600), then any Spring properties to try
 * instead of application.yaml's (e.g. --camunda.bpm.job-execution.max-wait=60000). Uses a fresh database
 * labor_dispute_bench on IT_POSTGRES_URL (default jdbc:postgresql://127.0.0.1:5432/). Results also go to
 * target/benchmark-timers.txt.
 */
public final class TimerLatencyBenchmark {

    private static final String SERVER = System.getenv().getOrDefault("IT_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/");

    /** Called by the benchmark model when its timer fires. */
    public static final class Recorder {
        final ConcurrentLinkedQueue<Long> latenessMillis = new ConcurrentLinkedQueue<>();
        final CountDownLatch allFired;

        Recorder(int timers) {
            allFired = new CountDownLatch(timers);
        }

        public void fired(DelegateExecution execution) {
            Date due = (Date) execution.getVariable("dueAt");
            latenessMillis.add(System.currentTimeMillis() - due.getTime());
            allFired.countDown();
        }
    }

    public static void main(String[] args) throws Exception {
        int timers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int windowSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 600;
        freshDatabase("labor_dispute_bench");
        Recorder recorder = new Recorder(timers);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .profiles("postgres")
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("timerLatency", recorder))
                .run(springArguments(args));
        try {
            ProcessEngine engine = context.getBean(ProcessEngine.class);
            BpmnModelInstance model = Bpmn.createExecutableProcess("bench_deadline_timer").camundaHistoryTimeToLive(1)
                    .startEvent().intermediateCatchEvent("Timer_Deadline").timerWithDate("${dueAt}")
                    .serviceTask("Task_Record").camundaExpression("${timerLatency.fired(execution)}")
                    .endEvent().done();
            engine.getRepositoryService().createDeployment().addModelInstance("bench.bpmn", model).deploy();

            Instant created = Instant.now();
            long firstDue = created.toEpochMilli() + 60_000;
            long spacing = windowSeconds * 1000L / timers;
            ExecutorService starters = Executors.newFixedThreadPool(4);
            for (int i = 0; i < timers; i++) {
                Date due = new Date(firstDue + i * spacing);
                starters.submit(() -> engine.getRuntimeService()
                        .startProcessInstanceByKey("bench_deadline_timer", Map.of("dueAt", due)));
            }
            starters.shutdown();
            starters.awaitTermination(10, TimeUnit.MINUTES);
            long scheduling = Instant.now().toEpochMilli() - created.toEpochMilli();
            System.out.printf("scheduled %d timers in %.1f s; first due at +60 s, last at +%d s%n", timers,
                    scheduling / 1000.0, 60 + windowSeconds);

            long waitMillis = firstDue + windowSeconds * 1000L + 300_000 - System.currentTimeMillis();
            recorder.allFired.await(waitMillis, TimeUnit.MILLISECONDS);
            report(timers, windowSeconds, recorder, scheduling);
        } finally {
            context.close();
        }
    }

    private static String[] springArguments(String[] args) {
        List<String> spring = new ArrayList<>(List.of("--spring.datasource.url=" + SERVER + "labor_dispute_bench",
                "--dispute.demo.enabled=false", "--server.port=0", "--logging.level.root=WARN"));
        for (int i = 2; i < args.length; i++) {
            spring.add(args[i]);
        }
        return spring.toArray(String[]::new);
    }

    private static void report(int timers, int windowSeconds, Recorder recorder, long schedulingMillis)
            throws IOException {
        long[] lateness = recorder.latenessMillis.stream().mapToLong(Long::longValue).sorted().toArray();
        List<String> lines = new ArrayList<>();
        lines.add(String.format("timers scheduled: %d over %d s (scheduling took %.1f s); fired: %d", timers,
                windowSeconds, schedulingMillis / 1000.0, lateness.length));
        if (lateness.length > 0) {
            lines.add(String.format("lateness p50 %.2f s, p99 %.2f s, max %.2f s", pct(lateness, 50) / 1000.0,
                    pct(lateness, 99) / 1000.0, lateness[lateness.length - 1] / 1000.0));
        }
        lines.add("machine: " + Runtime.getRuntime().availableProcessors() + " cores, PostgreSQL at " + SERVER);
        lines.forEach(System.out::println);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/benchmark-timers.txt"), lines);
    }

    /** The percentile of sorted values (nearest rank). */
    static long pct(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    /** Drops and creates the database on IT_POSTGRES_URL. */
    static void freshDatabase(String name) throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + name + " ENCODING 'UTF8'");
        }
    }

    private TimerLatencyBenchmark() {
    }

}
