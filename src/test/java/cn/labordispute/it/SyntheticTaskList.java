package cn.labordispute.it;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A generated set of open cases written straight into the engine's tables in a few statements (a minute of intake
 * per thousand cases would be too slow for a build), shaped like the engine's own rows: per case a process instance
 * of a deployed model with its tenant (渝中 40 %, 吉首 and 大兴 30 % each) and business key, one open step with its
 * candidate group (mediators 55 %, arbitrators 20 %, the union's adviser 15 %, the supervisors 10 %), received over
 * the last 60 days and due 3 to 45 days later, two in five taken by one of six people of the organisation (渝中's
 * first being 王芳), and the process variables the task cards and 搜索任务 read (case number, applicants, employer,
 * cause, amount, marks, the search text) beside eight others. Then {@code ANALYZE}.
 */
final class SyntheticTaskList {

    private SyntheticTaskList() {
    }

    static void fill(JdbcClient jdbc, int cases) {
        jdbc.sql("""
                CREATE UNLOGGED TABLE synthetic_case AS
                SELECT n,
                       CASE WHEN n % 10 < 4 THEN 'yuzhong' WHEN n % 10 < 7 THEN 'jishou' ELSE 'daxing' END AS org,
                       CASE WHEN n % 20 < 11 THEN 'mediator' WHEN n % 20 < 15 THEN 'arbitrator'
                            WHEN n % 20 < 18 THEN 'union' ELSE 'supervisor' END AS role,
                       date_trunc('hour', LOCALTIMESTAMP) - (n % 60) * INTERVAL '1 day' - (n % 480) * INTERVAL '1 minute' AS created,
                       3 + (n * 7) % 43 AS days,
                       CASE WHEN n % 5 < 2 THEN (n / 5) % 6 END AS holder
                FROM generate_series(1,""" + " " + cases + ") AS n").update();
        jdbc.sql("""
                CREATE UNLOGGED TABLE synthetic_definition AS
                SELECT role, (SELECT D.ID_ FROM ACT_RE_PROCDEF D WHERE D.KEY_ = process AND D.TENANT_ID_ IS NULL
                              ORDER BY D.VERSION_ DESC LIMIT 1) AS id, process
                FROM (VALUES ('mediator', 'mediation'), ('arbitrator', 'arbitration'), ('union', 'negotiation'),
                             ('supervisor', 'deadline_escalation')) AS r(role, process)""").update();
        jdbc.sql("""
                INSERT INTO ACT_RU_EXECUTION (ID_, REV_, ROOT_PROC_INST_ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_ID_,
                    ACT_ID_, IS_ACTIVE_, IS_CONCURRENT_, IS_SCOPE_, IS_EVENT_SCOPE_, SUSPENSION_STATE_, CACHED_ENT_STATE_,
                    SEQUENCE_COUNTER_, TENANT_ID_, PROC_DEF_KEY_)
                SELECT 'synthetic-' || c.n, 1, 'synthetic-' || c.n, 'synthetic-' || c.n,
                       '合成' || c.org || '〔2026〕' || lpad(c.n::text, 5, '0') || '号', d.id, 'Task_Synthetic', true, false,
                       true, false, 1, 0, 1, c.org, d.process
                FROM synthetic_case c JOIN synthetic_definition d ON d.role = c.role""").update();
        jdbc.sql("""
                INSERT INTO ACT_RU_TASK (ID_, REV_, EXECUTION_ID_, PROC_INST_ID_, PROC_DEF_ID_, NAME_, TASK_DEF_KEY_,
                    ASSIGNEE_, PRIORITY_, CREATE_TIME_, LAST_UPDATED_, DUE_DATE_, SUSPENSION_STATE_, TENANT_ID_, TASK_STATE_)
                SELECT 'synthetic-task-' || c.n, 1, 'synthetic-' || c.n, 'synthetic-' || c.n, d.id, '合成步骤',
                       'Task_Synthetic',
                       CASE WHEN c.holder = 0 AND c.org = 'yuzhong' AND c.role = 'mediator' THEN 'wangfang'
                            WHEN c.holder IS NOT NULL THEN c.role || '-' || c.org || '-' || c.holder END,
                       50, c.created, c.created, c.created + c.days * INTERVAL '1 day', 1, c.org, 'Created'
                FROM synthetic_case c JOIN synthetic_definition d ON d.role = c.role""").update();
        jdbc.sql("""
                INSERT INTO ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_, TENANT_ID_)
                SELECT 'synthetic-link-' || n, 1, role || '-' || org, 'candidate', 'synthetic-task-' || n, org
                FROM synthetic_case""").update();
        jdbc.sql("""
                INSERT INTO ACT_RU_VARIABLE (ID_, REV_, TYPE_, NAME_, EXECUTION_ID_, PROC_INST_ID_, PROC_DEF_ID_, TEXT_,
                    VAR_SCOPE_, SEQUENCE_COUNTER_, IS_CONCURRENT_LOCAL_, TENANT_ID_)
                SELECT 'synthetic-var-' || c.n || '-' || v.k, 1, 'string', v.name, 'synthetic-' || c.n, 'synthetic-' || c.n,
                       d.id,
                       CASE v.name
                            WHEN 'caseNumber' THEN '合成' || c.org || '〔2026〕' || lpad(c.n::text, 5, '0') || '号'
                            WHEN 'applicantNames' THEN '劳动者' || c.n
                            WHEN 'employerName' THEN '合成用人单位' || (c.n % 500)
                            WHEN '案号或当事人' THEN '合成' || c.org || '〔2026〕' || lpad(c.n::text, 5, '0') || '号 劳动者'
                                 || c.n || ' 合成用人单位' || (c.n % 500)
                            ELSE v.name || '-' || (c.n % 97) END,
                       'synthetic-' || c.n, 1, false, c.org
                FROM synthetic_case c JOIN synthetic_definition d ON d.role = c.role
                CROSS JOIN (VALUES (1, 'caseNumber'), (2, 'applicantNames'), (3, 'employerName'), (4, 'mainCause'),
                    (5, 'claimedTotal'), (6, 'caseMarks'), (7, '案号或当事人'), (8, 'organisation'), (9, 'applicationChannel'),
                    (10, 'firstStage'), (11, 'requestedProcedure'), (12, 'firstResponder'), (13, 'caseId'),
                    (14, 'migrantWorker'), (15, 'collective')) AS v(k, name)""").update();
        jdbc.sql("DROP TABLE synthetic_case").update();
        jdbc.sql("DROP TABLE synthetic_definition").update();
        jdbc.sql("ANALYZE").update();
    }
}
