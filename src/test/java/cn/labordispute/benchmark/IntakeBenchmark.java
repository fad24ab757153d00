package cn.labordispute.benchmark;

import cn.labordispute.Application;
import cn.labordispute.intake.CaseApplication;
import cn.labordispute.intake.IntakeService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Intake side by side with the bare engine, on the same PostgreSQL, with the same number of client threads:
 * <ol>
 * <li>the bare Camunda engine (no application, history full, its own fresh database) starting a process of three user
 * tasks;</li>
 * <li>the application's intake in one organisation, every case against another employer;</li>
 * <li>the application's intake in one organisation, every case against one employer (a platform company with
 * thousands of courier disputes), so that the cost of what intake counts for the employer shows.</li>
 * </ol>
 * Each prints the rate and the latency of the first and the last block of cases, so a cost that grows with the cases
 * already open shows as a difference between the two.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=cn.labordispute.benchmark.IntakeBenchmark -Dexec.args="2000 8"
 * </pre>
 * Arguments: cases per run (default 2,000), client threads (default 8), and "other" to leave out the run against one
 * employer. Uses the databases labor_dispute_intake and
 * labor_dispute_bare on IT_POSTGRES_URL (default jdbc:postgresql://127.0.0.1:5432/), made fresh.
 */
public final class IntakeBenchmark {

    private static final String SERVER = System.getenv().getOrDefault("IT_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/");
    private static final int BLOCK = 400;

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        boolean oneEmployer = args.length <= 2 || !args[2].equals("other");
        TimerLatencyBenchmark.freshDatabase("labor_dispute_intake");

        double bare = bareEngine(cases, clients);

        ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class).profiles("postgres")
                .run("--spring.datasource.url=" + SERVER + "labor_dispute_intake", "--server.port=0",
                        "--dispute.demo.enabled=true", "--dispute.demo.cases=false",
                        "--camunda.bpm.job-execution.enabled=false", "--logging.level.root=WARN");
        try {
            IntakeService intake = context.getBean(IntakeService.class);
            run("intake, every case another employer", cases, clients, bare,
                    n -> intake.open(application(n, BoardBenchmark.creditCode(n % 90_000))));
            if (oneEmployer) {
                run("intake, every case one employer", cases, clients, bare,
                        n -> intake.open(application(100_000 + n, BoardBenchmark.creditCode(99_999))));
            }
        } finally {
            context.close();
        }
    }

    /** The bare engine's rate of starting a process of three user tasks (printed, and returned per second). */
    private static double bareEngine(int cases, int clients) throws Exception {
        ProcessEngine engine = BareTaskBenchmark.bareEngine("labor_dispute_bare", clients);
        try {
            BpmnModelInstance model = Bpmn.createExecutableProcess("bare").camundaHistoryTimeToLive(180).startEvent()
                    .userTask("one").camundaCandidateGroups("g").userTask("two").userTask("three").endEvent().done();
            engine.getRepositoryService().createDeployment().addModelInstance("bare.bpmn", model).deploy();
            return run("bare engine, process start", cases, clients, 0,
                    n -> engine.getRuntimeService().startProcessInstanceByKey("bare", "B" + n));
        } finally {
            engine.close();
        }
    }

    /** Runs the calls on the clients after 50 warm-up ones; prints the rate and the first and last blocks' latency. */
    private static double run(String what, int cases, int clients, double bare, IntConsumer call) throws Exception {
        for (int n = 0; n < 50; n++) {
            call.accept(1_000_000 + n);
        }
        long[] millis = new long[cases];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            final int n = i;
            done.add(pool.submit(() -> {
                long t = System.nanoTime();
                call.accept(n);
                millis[n] = (System.nanoTime() - t) / 1_000_000;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        double rate = cases / seconds;
        int block = Math.min(BLOCK, cases / 2);
        long[] first = Arrays.copyOfRange(millis, 0, block);
        long[] last = Arrays.copyOfRange(millis, cases - block, cases);
        System.out.printf("%-38s %5d cases, %d clients: %6.1f /s%s; first %d: p50 %4d ms, p95 %4d ms; last %d: p50 %4d ms, "
                        + "p95 %4d ms%n", what, cases, clients, rate,
                bare > 0 ? String.format(" (%.1f %% of the bare engine)", 100 * rate / bare) : "", block,
                percentile(first, 50), percentile(first, 95), block, percentile(last, 50), percentile(last, 95));
        return rate;
    }

    private static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return TimerLatencyBenchmark.pct(sorted, p);
    }

    private static CaseApplication application(int n, String creditCode) {
        return new CaseApplication("yuzhong", "MEDIATION", "基准案件 " + n, null,
                List.of(new CaseApplication.Worker("劳动者" + n, "PASSPORT", "G" + (10_000_000 + n), null, null, n % 2 == 0)),
                new CaseApplication.Employer("基准用人单位" + creditCode.substring(12, 17), creditCode, null, null),
                List.of(new CaseApplication.ClaimItem("PAY_ARREARS", null, BigDecimal.valueOf(1000 + n % 50_000))));
    }

    private IntakeBenchmark() {
    }
}
