package cn.labordispute.models;

import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import cn.labordispute.text.Texts;
import cn.labordispute.deadlines.DeadlinesProperties;
import cn.labordispute.deadlines.StatutoryPeriods;
import cn.labordispute.intake.IntakeService;
import cn.labordispute.security.Caller;
import cn.labordispute.security.IdentitySetup;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The policy editor's path from edited files to running cases: validate against the rule set, preview the change
 * against what is deployed, deploy a complete set as a new version with a reason, roll back by redeploying an earlier
 * set. Every deployment carries all models and forms, because call activities and forms bind to their own
 * deployment; policy tables become new versions of the table. Failures change nothing.
 */
@Service
public class ModelDeployments {

    /** The name of deployments made here; the start-up deployment of a release has its own name and is not affected. */
    public static final String DEPLOYMENT_NAME = "政策部署";
    public static final String SOURCE = "policy-editor";

    /** The result of checking a change: what is wrong, and which files differ from what is deployed. */
    public record Report(List<Violation> violations, List<String> changedFiles, List<String> unchangedFiles,
            List<String> removedFiles) {

        public boolean valid() {
            return violations.isEmpty();
        }
    }

    /** A preview: the report, the differences, and the cases waiting at each element of the changed processes. */
    public record Preview(Report report, List<ModelDiff.Change> changes, List<Waiting> waiting) {
    }

    /** Running cases of a process (on its newest version) waiting at one element; removed = gone in the new version. */
    public record Waiting(String processKey, int version, String elementId, String elementName, long cases, boolean removed) {
    }

    /** A deployed version of the chain, with who deployed it, when and why, and its processes' running cases. */
    public record VersionView(String deploymentId, String name, String source, Instant deployedAt, String deployedBy,
            String comment, List<DefinitionView> definitions) {
    }

    public record DefinitionView(String id, String key, String name, int version, long running) {
    }

    private final RepositoryService repository;
    private final IdentityService identity;
    private final ProcessEngineConfigurationImpl engine;
    private final PolicyTables tables;
    private final StatutoryPeriods periods;
    private final DeadlinesProperties deadlines;
    private final JdbcTemplate jdbc;
    private final IdentitySetup identitySetup;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json = new ObjectMapper();

    public ModelDeployments(RepositoryService repository, IdentityService identity, ProcessEngineConfigurationImpl engine,
            PolicyTables tables, StatutoryPeriods periods, DeadlinesProperties deadlines, JdbcTemplate jdbc,
            IdentitySetup identitySetup, ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.identitySetup = identitySetup;
        this.identity = identity;
        this.engine = engine;
        this.tables = tables;
        this.periods = periods;
        this.deadlines = deadlines;
        this.jdbc = jdbc;
    }

    /** The complete set in force: the deployment of the newest main process, plus the tables in force. */
    public ModelFiles deployed() {
        String deploymentId = inForce();
        Map<String, byte[]> files = deploymentId == null ? new TreeMap<>() : resources(deploymentId);
        for (String name : tables.names()) {
            tables.current(name).ifPresent(v -> files.put(name, v.content().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return new ModelFiles(files);
    }

    /** Whether the set in force holds a model, decision or form file of this name, its content left unread. */
    public boolean isDeployed(String name) {
        String deploymentId = inForce();
        return deploymentId != null && ModelFiles.isModel(name) && repository.getDeploymentResourceNames(deploymentId).stream()
                .map(ModelFiles::bareName).anyMatch(name::equals);
    }

    /** The deployment of the newest main process: the set in force. */
    private String inForce() {
        ProcessDefinition main = repository.createProcessDefinitionQuery().processDefinitionKey(IntakeService.MAIN_PROCESS)
                .latestVersion().singleResult();
        return main == null ? null : main.getDeploymentId();
    }

    private Map<String, byte[]> resources(String deploymentId) {
        Map<String, byte[]> files = new TreeMap<>();
        for (String name : repository.getDeploymentResourceNames(deploymentId)) {
            if (ModelFiles.isModel(ModelFiles.bareName(name))) {
                try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
                    files.put(ModelFiles.bareName(name), in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return files;
    }

    public Report validate(Map<String, byte[]> upload, Collection<String> remove) {
        return validate(deployed(), upload, remove);
    }

    /** Checks a change against the set in force, read once by the caller. */
    private Report validate(ModelFiles current, Map<String, byte[]> upload, Collection<String> remove) {
        Map<String, byte[]> changes = bare(upload);
        List<Violation> violations = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (String name : remove) {
            String bare = ModelFiles.bareName(name);
            if (current.get(bare) == null || !ModelFiles.isModel(bare) || changes.containsKey(bare)) {
                violations.add(new Violation(bare, "", "UPLOAD", "只能删除已部署且未同时上传的模型或表单文件",
                        "only a deployed model or form that is not also uploaded can be removed"));
            } else {
                removed.add(bare);
            }
        }
        StatutoryPeriods periodsToUse = periods;
        for (Map.Entry<String, byte[]> e : changes.entrySet()) {
            if (tables.isTable(e.getKey())) {
                tables.check(e.getKey(), e.getValue()).ifPresent(violations::add);
            } else if (!ModelFiles.isModel(e.getKey())) {
                violations.add(new Violation(e.getKey(), "", "UPLOAD",
                        "不支持的文件：只接受 .bpmn、.dmn、.form 和政策表格 " + String.join("、", tables.names()),
                        "unsupported file: only .bpmn, .dmn, .form and the policy tables " + String.join(", ", tables.names())));
            }
        }
        if (changes.containsKey(PolicyTables.PERIODS) && violations.stream().noneMatch(v -> v.file().equals(PolicyTables.PERIODS))) {
            periodsToUse = new StatutoryPeriods(new ByteArrayResource(changes.get(PolicyTables.PERIODS)), deadlines.lengths());
        }
        ModelFiles merged = current.with(changes).without(removed);
        Set<String> deployedKeys = repository.createProcessDefinitionQuery().latestVersion().list().stream()
                .map(ProcessDefinition::getKey).collect(Collectors.toSet());
        ModelValidator validator = new ModelValidator(new ModelValidator.Context(periodsToUse,
                group -> identity.createGroupQuery().groupId(group).count() > 0, deployedKeys,
                new EngineParse(engine, file -> changes.containsKey(file) && !Arrays.equals(current.get(file), changes.get(file)))));
        violations.addAll(validator.validate(modelsOnly(merged)));
        List<String> changed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        changes.forEach((name, content) -> (Arrays.equals(current.get(name), content) ? unchanged : changed).add(name));
        return new Report(violations, changed, unchanged, removed);
    }

    public Preview preview(Map<String, byte[]> upload, Collection<String> remove) {
        ModelFiles current = deployed();
        Report report = validate(current, upload, remove);
        Map<String, byte[]> changes = bare(upload);
        List<ModelDiff.Change> diff = new ArrayList<>();
        List<Waiting> waiting = new ArrayList<>();
        for (String name : report.changedFiles()) {
            if (report.violations().stream().anyMatch(v -> v.file().equals(name) && v.rule().equals("PARSE"))) {
                continue;
            }
            List<ModelDiff.Change> fileChanges;
            try {
                fileChanges = ModelDiff.diff(name, current.get(name), changes.get(name));
            } catch (RuntimeException unreadable) {
                continue; // the report already says what is wrong with the file
            }
            diff.addAll(fileChanges);
            if (name.endsWith(ModelFiles.BPMN)) {
                Set<String> removed = fileChanges.stream().filter(c -> c.kind().equals("REMOVED")).map(ModelDiff.Change::element)
                        .collect(Collectors.toSet());
                waiting.addAll(waiting(current.get(name), removed));
            }
        }
        for (String name : report.removedFiles()) {
            diff.add(new ModelDiff.Change(name, "", "REMOVED", "删除文件", name, null));
            if (name.endsWith(ModelFiles.BPMN)) {
                waiting.addAll(waiting(current.get(name), Set.of()));
            }
        }
        return new Preview(report, diff, waiting);
    }

    /** Running cases at each element of the processes in a deployed file, on those processes' newest versions. */
    private List<Waiting> waiting(byte[] deployedFile, Set<String> removed) {
        List<Waiting> found = new ArrayList<>();
        if (deployedFile == null) {
            return found;
        }
        var model = org.camunda.bpm.model.bpmn.Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(deployedFile));
        for (var process : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)) {
            ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(process.getId())
                    .latestVersion().singleResult();
            if (latest == null) {
                continue;
            }
            jdbc.query("SELECT ACT_ID_, ACT_NAME_, COUNT(*) FROM ACT_HI_ACTINST WHERE PROC_DEF_ID_ = ? AND END_TIME_ IS NULL "
                    + "AND ACT_TYPE_ NOT IN ('processDefinition', 'multiInstanceBody') GROUP BY ACT_ID_, ACT_NAME_ ORDER BY 3 DESC",
                    rs -> {
                        found.add(new Waiting(process.getId(), latest.getVersion(), rs.getString(1), rs.getString(2), rs.getLong(3),
                                removed.contains(rs.getString(1))));
                    }, latest.getId());
        }
        return found;
    }

    /** Validates and deploys; nothing is deployed or stored when anything is wrong. */
    @Transactional
    public DeploymentResult deploy(Map<String, byte[]> upload, Collection<String> remove, String comment, Caller caller) {
        return deploy(upload, remove, comment, caller, "DEPLOY", null);
    }

    /** One deployment made: the engine's deployment (if models changed), the new definitions, the new table versions. */
    public record DeploymentResult(String deploymentId, List<String> changedFiles, List<String> definitions,
            List<String> tableVersions) {
    }

    private DeploymentResult deploy(Map<String, byte[]> upload, Collection<String> remove, String comment, Caller caller,
            String action, String from) {
        if (comment == null || comment.isBlank()) {
            throw new PolicyChangeRejected("comment", "请写明部署原因", "give the reason for this deployment");
        }
        if (upload.isEmpty() && remove.isEmpty()) {
            throw new PolicyChangeRejected("files", "没有上传任何文件", "no files were uploaded");
        }
        ModelFiles current = deployed();
        Report report = validate(current, upload, remove);
        if (!report.valid()) {
            throw new PolicyChangeRejected(report.violations());
        }
        if (report.changedFiles().isEmpty() && report.removedFiles().isEmpty()) {
            throw new PolicyChangeRejected("files", "与已部署的版本完全相同，无需部署", "identical to what is deployed: nothing to deploy");
        }
        Map<String, byte[]> changes = bare(upload);
        String deploymentId = null;
        List<String> definitions = new ArrayList<>();
        boolean modelsChanged = !report.removedFiles().isEmpty() || report.changedFiles().stream().anyMatch(ModelFiles::isModel);
        if (modelsChanged) {
            ModelFiles merged = modelsOnly(current.with(changes).without(report.removedFiles()));
            DeploymentWithDefinitions deployment = asUser(caller, () -> {
                DeploymentBuilder builder = repository.createDeployment().name(DEPLOYMENT_NAME).source(SOURCE);
                merged.all().forEach((name, content) -> builder.addInputStream(name, new java.io.ByteArrayInputStream(content)));
                return builder.deployWithResult();
            });
            deploymentId = deployment.getId();
            identitySetup.grantTaskAccess(); // a new step's role may work on its process's tasks
            deployment.getDeployedProcessDefinitions().forEach(d -> definitions.add(d.getKey() + ":" + d.getVersion()));
            deployment.getDeployedDecisionDefinitions().forEach(d -> definitions.add(d.getKey() + ":" + d.getVersion()));
        }
        List<String> tableVersions = new ArrayList<>();
        for (String name : report.changedFiles()) {
            if (tables.isTable(name)) {
                PolicyTables.Version v = tables.deploy(name, changes.get(name), comment.trim(), caller.userId());
                tableVersions.add(name + ":" + v.version());
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("changedFiles", report.changedFiles());
        details.put("removedFiles", report.removedFiles());
        details.put("definitions", definitions);
        details.put("tableVersions", tableVersions);
        if (from != null) {
            details.put("rolledBackTo", from);
        }
        audit(action, caller.userId(), comment.trim(), deploymentId, null, details);
        return new DeploymentResult(deploymentId, report.changedFiles(), definitions, tableVersions);
    }

    /** Redeploys the models of an earlier deployment as the newest version (tables are rolled back by their own versions). */
    @Transactional
    public DeploymentResult rollback(String deploymentId, String comment, Caller caller) {
        Deployment earlier = repository.createDeploymentQuery().deploymentId(deploymentId).singleResult();
        if (earlier == null) {
            throw new PolicyChangeRejected("deploymentId", "没有这个部署：" + deploymentId, "no such deployment: " + deploymentId);
        }
        Map<String, byte[]> earlierFiles = resources(deploymentId);
        List<String> remove = deployed().all().keySet().stream()
                .filter(name -> ModelFiles.isModel(name) && !earlierFiles.containsKey(name)).toList();
        return deploy(earlierFiles, remove, comment, caller, "ROLLBACK", deploymentId);
    }

    /** Puts an earlier version of a policy table back in force as its newest version. */
    @Transactional
    public DeploymentResult restoreTable(String name, int version, String comment, Caller caller) {
        PolicyTables.Version earlier = tables.versions(name).stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new PolicyChangeRejected("version", "表格 " + name + " 没有第 " + version + " 版",
                        "table " + name + " has no version " + version));
        return deploy(Map.of(name, earlier.content().getBytes(java.nio.charset.StandardCharsets.UTF_8)), List.of(), comment,
                caller, "ROLLBACK", name + " v" + version);
    }

    /** The newest deployments first, each with its processes' versions and running cases. */
    public List<VersionView> versions(int limit) {
        Map<String, Long> running = new HashMap<>();
        jdbc.query("SELECT PROC_DEF_ID_, COUNT(*) FROM ACT_RU_EXECUTION WHERE ID_ = PROC_INST_ID_ GROUP BY PROC_DEF_ID_",
                rs -> {
                    running.put(rs.getString(1), rs.getLong(2));
                });
        Map<String, String[]> audit = new HashMap<>();
        jdbc.query("SELECT deployment_id, user_id, comment FROM md_audit WHERE deployment_id IS NOT NULL", rs -> {
            audit.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
        });
        List<VersionView> views = new ArrayList<>();
        for (Deployment d : repository.createDeploymentQuery().orderByDeploymentTime().desc().listPage(0, limit)) {
            List<DefinitionView> definitions = repository.createProcessDefinitionQuery().deploymentId(d.getId())
                    .orderByProcessDefinitionKey().asc().list().stream()
                    .map(p -> new DefinitionView(p.getId(), p.getKey(), p.getName(), p.getVersion(), running.getOrDefault(p.getId(), 0L)))
                    .toList();
            String[] who = audit.get(d.getId());
            views.add(new VersionView(d.getId(), d.getName(), d.getSource(), d.getDeploymentTime().toInstant(),
                    who == null ? "系统发布" : who[0], who == null ? Texts.zh("policy.release") : who[1],
                    definitions));
        }
        return views;
    }

    /** One entry of the audit trail: a deployment, roll-back or migration, with who, when, why and what. */
    public record AuditEntry(long id, String action, String userId, Instant at, String comment, String deploymentId,
            String batchId, String details) {

        /** The details in words, e.g. "文件：mediation.bpmn；新版本：mediation 第2版 …". */
        public String summary() {
            try {
                Map<?, ?> d = new ObjectMapper().readValue(details, Map.class);
                List<String> parts = new ArrayList<>();
                if (d.containsKey("process")) {
                    parts.add(d.get("process") + " 第" + d.get("from") + "版 → 第" + d.get("to") + "版：迁移 " + d.get("moving")
                            + " 件，留在原版本 " + ((List<?>) d.get("staying")).size() + " 件");
                    ((List<?>) d.get("staying")).forEach(x -> parts.add(String.valueOf(x)));
                }
                words(parts, "文件", d.get("changedFiles"));
                words(parts, "删除", d.get("removedFiles"));
                words(parts, "新版本", d.get("definitions"));
                words(parts, "表格版本", d.get("tableVersions"));
                if (d.get("rolledBackTo") != null) {
                    parts.add("回退到 " + d.get("rolledBackTo"));
                }
                return String.join("；", parts);
            } catch (JsonProcessingException | RuntimeException e) {
                return details;
            }
        }

        private static void words(List<String> parts, String label, Object values) {
            if (values instanceof List<?> list && !list.isEmpty()) {
                parts.add(label + "：" + list.stream().map(v -> String.valueOf(v).replaceFirst(":(\\d+)$", " 第$1版"))
                        .collect(Collectors.joining("、")));
            }
        }
    }

    /** The audit trail, newest first. */
    public List<AuditEntry> audit(int limit) {
        return jdbc.query("SELECT id, action, user_id, at, comment, deployment_id, batch_id, details FROM md_audit "
                + "ORDER BY id DESC FETCH FIRST " + Math.max(1, Math.min(limit, 500)) + " ROWS ONLY",
                (rs, i) -> new AuditEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
    }

    void audit(String action, String user, String comment, String deploymentId, String batchId, Map<String, Object> details) {
        try {
            jdbc.update("INSERT INTO md_audit (action, user_id, at, comment, deployment_id, batch_id, details) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    action, user, Timestamp.from(Instant.now()), comment, deploymentId, batchId, json.writeValueAsString(details));
            Map<String, Object> audited = new java.util.LinkedHashMap<>();
            audited.put("comment", comment);
            audited.put("deploymentId", deploymentId == null ? "" : deploymentId);
            audited.put("batchId", batchId == null ? "" : batchId);
            audited.put("details", details);
            events.publishEvent(new AuditApplicationEvent(user, "POLICY_" + action, audited));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs engine calls as the caller, so that Camunda's authorisations, the organisations (tenants) they may see and
     * the operation log apply to them.
     */
    <T> T asUser(Caller caller, Supplier<T> call) {
        List<String> tenants = identity.createTenantQuery().userMember(caller.userId()).includingGroupsOfUser(true)
                .list().stream().map(org.camunda.bpm.engine.identity.Tenant::getId).toList();
        identity.setAuthentication(caller.userId(), List.copyOf(caller.groups()), tenants);
        try {
            return call.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    private static ModelFiles modelsOnly(ModelFiles files) {
        Map<String, byte[]> models = new TreeMap<>();
        files.all().forEach((name, content) -> {
            if (ModelFiles.isModel(name)) {
                models.put(name, content);
            }
        });
        return new ModelFiles(models);
    }

    /**
     * Uploaded files by their bare names; a policy table downloaded from the page (Chinese headers and words, a
     * byte-order mark, its Chinese file name, as CSV or Excel) is turned back into the form its reader reads.
     */
    private Map<String, byte[]> bare(Map<String, byte[]> upload) {
        Map<String, byte[]> bare = new TreeMap<>();
        upload.forEach((name, content) -> {
            String file = ModelFiles.bareName(name);
            java.util.Optional<String> table = TableLayouts.tableFor(file).filter(tables::isTable);
            if (table.isEmpty()) {
                bare.put(file, content);
            } else {
                byte[] template = tables.current(table.get())
                        .map(v -> v.content().getBytes(java.nio.charset.StandardCharsets.UTF_8)).orElse(content);
                bare.put(table.get(), TableLayouts.fromFile(table.get(), file, content, template));
            }
        });
        return bare;
    }
}
