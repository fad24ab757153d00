package cn.labordispute.benchmark;

import cn.labordispute.Application;
import cn.labordispute.calendar.WorkingDayCalendar;
import cn.labordispute.deadlines.DeadlineMonitor;
import cn.labordispute.intake.CaseApplication;
import cn.labordispute.intake.IntakeService;
import cn.labordispute.security.StaffDirectory;
import cn.labordispute.supervision.SupervisionService;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Fills a fresh PostgreSQL database with N open synthetic cases (organisations, procedures, causes and received
 * dates over the last 60 days spread at random; mediation and arbitration cases spread over their first steps and
 * over six mediators per organisation), lets the deadline monitor mark what is overdue or soon due and
 * escalate it, then times the supervision board for an organisation's supervisor and for the city supervisor.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=cn.labordispute.benchmark.BoardBenchmark -Dexec.args="20000"
 * </pre>
 * Uses the database labor_dispute_board on IT_POSTGRES_URL (default jdbc:postgresql://127.0.0.1:5432/), made fresh;
 * a second argument "keep" reuses it as it is (to time again without generating), "extend" adds cases to it until it
 * holds N (to time the same data at a larger size).
 */
public final class BoardBenchmark {

    private static final String SERVER = System.getenv().getOrDefault("IT_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String[] ORGS = {"yuzhong", "jishou", "daxing"};
    private static final String[] PROCEDURES = {"MEDIATION", "MEDIATION", "MEDIATION", "ARBITRATION", "NEGOTIATION"};
    private static final String[] CAUSES = {"PAY_ARREARS", "PAY_OVERTIME", "TERM_COMPENSATION", "TERM_UNLAWFUL",
        "SI_INJURY", "REST_ANNUAL_LEAVE", "REL_PLATFORM"};
    private static final String[] IDS = {"500103199001011232", "500103198506122347", "43310119920315345X",
        "500103199511204560", "11010519491231002X", "500103198808085676", "433101198001016786", "500103197806153415"};

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        boolean keep = args.length > 1 && args[1].equals("keep");
        boolean extend = args.length > 1 && args[1].equals("extend");
        boolean bare = !Arrays.asList(args).contains("nobare");
        if (!keep && !extend) {
            try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                    Statement sql = admin.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS labor_dispute_board WITH (FORCE)");
                sql.execute("CREATE DATABASE labor_dispute_board ENCODING 'UTF8'");
            }
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class).profiles("postgres")
                .run("--spring.datasource.url=" + SERVER + "labor_dispute_board", "--server.port=0",
                        "--dispute.demo.enabled=true", "--dispute.demo.cases=false",
                        "--camunda.bpm.job-execution.enabled=false", "--logging.level.root=WARN");
        try {
            if (extend) {
                int held = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                        .sql("SELECT COUNT(*) FROM dc_case").query(Integer.class).single();
                generate(context, held, cases);
            } else if (!keep) {
                generate(context, 0, cases);
            }
            time(context);
            if (bare) {
                APPLICATION.put("intake", intake(context));
            }
        } finally {
            ClockUtil.reset();
            context.close();
        }
        if (bare) {
            BareTaskBenchmark.run(cases, APPLICATION);
        }
    }

    /** The application's figures that {@link BareTaskBenchmark} sets beside the bare engine's (p95 in ms; intake /s). */
    private static final java.util.Map<String, Double> APPLICATION = new java.util.LinkedHashMap<>();

    /**
     * 400 intakes (each against another employer, in 渝中) by 8 clients on the database as it stands, after the
     * timings (they add 400 cases): cases per second.
     */
    private static double intake(ConfigurableApplicationContext context) throws InterruptedException {
        IntakeService intake = context.getBean(IntakeService.class);
        LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);
        int count = 400;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long[] millis = new long[count];
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            final int n = i;
            pool.submit(() -> {
                long t0 = System.nanoTime();
                intake.open(new CaseApplication("yuzhong", "MEDIATION", "计时案件 " + n, today, List.of(
                        new CaseApplication.Worker("计时劳动者" + n, "RESIDENT_ID", IDS[n % IDS.length], null, null, false)),
                        new CaseApplication.Employer("计时用人单位" + n, creditCode(1_000 + n), null, null),
                        List.of(new CaseApplication.ClaimItem("PAY_ARREARS", null, BigDecimal.valueOf(3000 + n)))));
                millis[n] = (System.nanoTime() - t0) / 1_000_000;
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.MINUTES);
        double rate = count / ((System.nanoTime() - start) / 1e9);
        Arrays.sort(millis);
        System.out.printf("intake, 400 cases by 8 clients on the data set: %.1f /s, p50 %d ms, p95 %d ms%n", rate,
                millis[count / 2], TimerLatencyBenchmark.pct(millis, 95));
        return rate;
    }

    /** Synthetic mediators per organisation, so that work spreads over people as it does in a centre. */
    private static final int MEDIATORS = 6;

    /** Opens synthetic cases {@code from} (0 on a fresh database) up to {@code cases}, then runs the deadline monitor. */
    private static void generate(ConfigurableApplicationContext context, int from, int cases) throws InterruptedException {
        IntakeService intake = context.getBean(IntakeService.class);
        TaskService tasks = context.getBean(TaskService.class);
        IdentityService identity = context.getBean(IdentityService.class);
        if (from == 0) { // an extended data set has its mediators already
            for (String org : ORGS) {
                for (int m = 1; m <= MEDIATORS; m++) {
                    User user = identity.newUser(mediator(org, m));
                    user.setFirstName("调解员" + m);
                    user.setLastName("（" + org + "）");
                    identity.saveUser(user);
                    identity.createMembership(user.getId(), "mediator-" + org);
                }
            }
        }
        LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);
        long start = System.currentTimeMillis();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = from; i < cases; i++) {
            final int n = i;
            pool.submit(() -> {
                Random random = new Random(n);
                LocalDate received = today.minusDays(random.nextInt(60));
                List<CaseApplication.Worker> workers = new ArrayList<>();
                int count = random.nextInt(20) == 0 ? 12 : 1 + random.nextInt(2);
                for (int w = 0; w < count; w++) {
                    String id = w == 0 ? IDS[n % IDS.length] : "G" + (10_000_000 + n * 20 + w);
                    workers.add(new CaseApplication.Worker("劳动者" + n + "-" + w, w == 0 ? "RESIDENT_ID" : "PASSPORT", id,
                            null, null, random.nextBoolean()));
                }
                String org = ORGS[random.nextInt(ORGS.length)];
                String procedure = PROCEDURES[random.nextInt(PROCEDURES.length)];
                String caseNumber = intake.open(new CaseApplication(org, procedure, "合成案件 " + n, received, workers,
                        new CaseApplication.Employer("合成用人单位" + (n % 500), creditCode(n % 500), null, null),
                        List.of(new CaseApplication.ClaimItem(CAUSES[random.nextInt(CAUSES.length)], null,
                                BigDecimal.valueOf(1000 + random.nextInt(50_000))))));
                try {
                    advance(tasks, caseNumber, org, procedure, random, "劳动者" + n + "-0、劳动者" + n + "-1");
                } catch (RuntimeException e) {
                    if (failed.getAndIncrement() == 0) {
                        e.printStackTrace();
                    }
                }
                int k = done.incrementAndGet();
                if (k % 2000 == 0) {
                    System.out.printf("%d cases opened (%.0f s)%n", k, (System.currentTimeMillis() - start) / 1000.0);
                }
                if (k % 10_000 == 0) {
                    // what autovacuum does on a production server (it is off on the benchmark machine's PostgreSQL):
                    // without statistics the planner scans the growing task and execution tables for every query
                    context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("ANALYZE").update();
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.HOURS);
        System.out.printf("opened %d cases in %.0f s (%d could not be moved on)%n", cases - from,
                (System.currentTimeMillis() - start) / 1000.0, failed.get());
        DeadlineMonitor monitor = context.getBean(DeadlineMonitor.class);
        long sweepStart = System.currentTimeMillis();
        int moved;
        int total = 0;
        do {
            moved = monitor.sweep();
            total += moved;
        } while (moved > 0);
        System.out.printf("deadline monitor moved %d deadlines in %.0f s%n", total,
                (System.currentTimeMillis() - sweepStart) / 1000.0);
    }

    /** A valid unified social credit code for synthetic employer k (the check character worked out). */
    static String creditCode(int k) {
        String body = "91500103MA5U" + String.format("%05d", k);
        for (char c : "0123456789ABCDEFGHJKLMNPQRTUWXY".toCharArray()) {
            if (cn.labordispute.intake.IdentityNumbers.isUnifiedSocialCreditCode(body + c)) {
                return body + c;
            }
        }
        throw new IllegalStateException("no check character for " + body);
    }

    private static String mediator(String org, int m) {
        return "tj" + org + m;
    }

    /**
     * Spreads cases over steps and people: of the mediation cases a third stay unclaimed at acceptance, a third are
     * claimed by one of the organisation's mediators, a third are accepted and wait for that mediator to schedule the
     * first session; half the arbitration cases are accepted and wait for service of the application.
     */
    private static void advance(TaskService tasks, String caseNumber, String org, String procedure, Random random,
            String twoWorkers) {
        Task representatives = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("Task_RegisterRepresentatives").singleResult();
        if (representatives != null) { // a collective case: its workers elect two representatives first
            tasks.complete(representatives.getId(), java.util.Map.of("representatives", twoWorkers));
        }
        int step = random.nextInt(3);
        String mediator = mediator(org, 1 + random.nextInt(MEDIATORS));
        if (procedure.equals("MEDIATION") && step > 0) {
            Task acceptance = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                    .taskDefinitionKey("Task_DecideMediationAcceptance").singleResult();
            tasks.setAssignee(acceptance.getId(), mediator);
            if (step == 2) {
                tasks.complete(acceptance.getId(), java.util.Map.of("withinScope", true, "otherPartyConsents", true,
                        "jointMediation", false, "assignedMediator", mediator));
            }
        } else if (procedure.equals("ARBITRATION") && step > 0 && random.nextBoolean()) {
            Task acceptance = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                    .taskDefinitionKey("Task_DecideArbitrationAcceptance").singleResult();
            tasks.complete(acceptance.getId(), java.util.Map.of("acceptanceDecision", "ACCEPT"));
        }
    }

    /** A whole page over HTTP, as a browser asks for it: log in through the form, then GET the path. */
    private static void timePage(ConfigurableApplicationContext context, String user, String path) {
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager()).build();
        String base = "http://localhost:" + port;
        try {
            String form = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
            csrf.find();
            client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&_csrf="
                            + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8))).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
            java.net.http.HttpRequest page = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path)).build();
            for (int i = 0; i < 5; i++) {
                client.send(page, java.net.http.HttpResponse.BodyHandlers.ofString());
            }
            long[] millis = new long[40];
            int size = 0;
            for (int i = 0; i < millis.length; i++) {
                long t0 = System.nanoTime();
                size = client.send(page, java.net.http.HttpResponse.BodyHandlers.ofString()).body().length();
                millis[i] = (System.nanoTime() - t0) / 1_000_000;
            }
            Arrays.sort(millis);
            System.out.printf("%-38s for %-9s %7d characters: p50 %4d ms, p95 %4d ms%n", path, user, size,
                    millis[millis.length / 2], millis[(int) Math.ceil(millis.length * 0.95) - 1]);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException("timing the page failed", e);
        }
    }

    /**
     * What a mediator's Tasklist asks the engine REST API for (本组待认领: her group's unassigned tasks by due date, a
     * page of 50, and the count beside the filter; the filter's page of 15 as the Tasklist lists it, without and with
     * the cards' case variables, and 搜索任务 by a case-number fragment and by an employer's name, with its count), over HTTP as she is authenticated, 45 calls
     * each so that the PostgreSQL driver's switch to a server-side prepared statement (after 5 executions) is
     * measured too.
     */
    private static void timeTasklist(ConfigurableApplicationContext context, String user, String group) {
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        String auth = "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":demo").getBytes());
        String filter = filterId(client, port, auth, "本组待认领");
        String byDue = "\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]";
        String search = "{\"processVariables\":[{\"name\":\"案号或当事人\",\"operator\":\"like\",\"value\":\"%00042号%\"}],"
                + byDue + "}";
        // an employer's name: 合成用人单位42 and 420…429, about one case in fifty, so the pool has tasks that match
        String employer = "{\"processVariables\":[{\"name\":\"案号或当事人\",\"operator\":\"like\",\"value\":\"%合成用人单位42%\"}],"
                + byDue + "}";
        /** One request; {@code bare}: the key of the bare engine's figure it is set beside, or null. */
        record Call(String label, String bare, java.net.http.HttpRequest request) {
        }
        java.util.function.BiFunction<String, String, java.net.http.HttpRequest.Builder> to = (path, accept) ->
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                        .header("Authorization", auth).header("Accept", accept);
        String list = "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15";
        List<Call> calls = List.of(
                new Call("page", "page", to.apply("/engine-rest/task?candidateGroup=" + group
                        + "&unassigned=true&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=50", "application/json").build()),
                new Call("count", "count", to.apply("/engine-rest/task/count?candidateGroup=" + group + "&unassigned=true",
                        "application/json").build()),
                new Call("filter, no cards", null, to.apply(list, "application/json").header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{" + byDue + "}")).build()),
                new Call("filter + cards", "filter + cards", to.apply(list, "application/hal+json").header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{" + byDue + "}")).build()),
                new Call("search + cards", null, to.apply(list, "application/hal+json").header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(search)).build()),
                new Call("employer + cards", "search + cards", to.apply(list, "application/hal+json").header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(employer)).build()),
                new Call("employer count", null, to.apply("/engine-rest/filter/" + filter + "/count", "application/json")
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(employer)).build()));
        for (Call call : calls) {
            java.net.http.HttpRequest request = call.request();
            long[] all = new long[45];
            String body = "";
            int done = 0;
            long spent = 0;
            try {
                // 45 calls, or as many as fit in three minutes (at least eight): a call can take a minute
                while (done < all.length && (done < 8 || spent < 180_000)) {
                    long t0 = System.nanoTime();
                    body = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                    all[done] = (System.nanoTime() - t0) / 1_000_000;
                    spent += all[done++];
                }
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException("timing the task list failed", e);
            }
            long[] millis = Arrays.copyOf(all, done);
            long first = millis[0];
            long max = Arrays.stream(millis).max().orElse(0);
            Arrays.sort(millis);
            if (user.equals("wangfang") && call.bare() != null) {
                APPLICATION.put(call.bare(), (double) TimerLatencyBenchmark.pct(millis, 95));
            }
            System.out.printf("tasklist %-16s %-9s %2d calls: first %5d ms, p50 %5d ms, p95 %5d ms, max %5d ms (%s)%n",
                    call.label(), user, done, first, millis[millis.length / 2],
                    millis[(int) Math.ceil(millis.length * 0.95) - 1], max,
                    body.length() > 40 ? body.length() + " characters" : body);
        }
    }

    /** The id of the shared Tasklist filter with this name. */
    private static String filterId(java.net.http.HttpClient client, int port, String auth, String name) {
        try {
            String body = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                            + "/engine-rest/filter?name=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)))
                    .header("Authorization", auth).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(body);
            if (!id.find()) {
                throw new IllegalStateException("no filter " + name + ": " + body);
            }
            return id.group(1);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void time(ConfigurableApplicationContext context) {
        long analyzeStart = System.currentTimeMillis();
        // what autovacuum does on a production server (it is off on the benchmark machine): without it the generator's
        // updates leave the task table with more dead rows than live ones, and every scan reads both
        context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("VACUUM ANALYZE").update();
        System.out.printf("VACUUM ANALYZE in %d ms%n", System.currentTimeMillis() - analyzeStart);
        timeTasklist(context, "wangfang", "mediator-yuzhong");
        timeTasklist(context, "lixiaoyun", "mediator-jishou");
        // 案件查询 as the counter uses it: by number (typed without 〔〕), by a worker's name, by the last four characters
        // of an identity number (one of eight synthetic numbers: an eighth of all cases match), by an employer's name
        for (String user : List.of("wangfang", "hemei")) {
            for (String q : List.of("渝中劳调2026 15", "劳动者1234", "1232", "合成用人单位42")) {
                timePage(context, user, "/cases?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        SupervisionService board = context.getBean(SupervisionService.class);
        StaffDirectory staff = context.getBean(StaffDirectory.class);
        for (String user : List.of("liuyang", "hemei", "wangfang")) {
            var caller = staff.caller(user);
            var first = board.board(caller);
            for (int i = 0; i < 5; i++) {
                board.board(caller);
            }
            long[] millis = new long[40];
            for (int i = 0; i < millis.length; i++) {
                long t0 = System.nanoTime();
                board.board(caller);
                millis[i] = (System.nanoTime() - t0) / 1_000_000;
            }
            Arrays.sort(millis);
            System.out.printf("board for %-9s overdue %6d, soon due %5d, listed %3d, escalations %3d: p50 %4d ms, p95 %4d ms%n",
                    user, first.overdue(), first.soonDue(), first.items().size(), first.escalations().size(),
                    millis[millis.length / 2], millis[(int) Math.ceil(millis.length * 0.95) - 1]);
            timePage(context, user, "/supervision");
            if (!user.equals("wangfang")) {
                timePage(context, user, "/supervision/statistics");
                timePage(context, user, "/api/statistics/months.xlsx");
                timePage(context, user, "/supervision/statistics?cause=PAY&collective=false");
            }
        }
    }

    private BoardBenchmark() {
    }
}
