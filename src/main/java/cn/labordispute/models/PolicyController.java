package cn.labordispute.models;

import cn.labordispute.text.Texts;
import cn.labordispute.text.FieldError;
import cn.labordispute.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * The policy editor's page (/policy) and REST endpoint (/api/policy): validate, preview, deploy, roll back, migrate,
 * versions and the audit trail. Only the policy-editor group (and administrators) may use it.
 */
@Controller
public class PolicyController {

    private static final java.util.regex.Pattern PROCESS_NAME = java.util.regex.Pattern.compile("<(?:bpmn:)?process\\s[^>]*?name=\"([^\"]+)\"");

    private final ModelDeployments deployments;
    private final Migrations migrations;
    private final PolicyTables tables;
    private final TableEdits edits;
    private final DecisionTrials decisions;
    private final cn.labordispute.deadlines.StatutoryPeriods periods;

    public PolicyController(ModelDeployments deployments, Migrations migrations, PolicyTables tables, TableEdits edits,
            DecisionTrials decisions, cn.labordispute.deadlines.StatutoryPeriods periods) {
        this.periods = periods;
        this.deployments = deployments;
        this.migrations = migrations;
        this.tables = tables;
        this.edits = edits;
        this.decisions = decisions;
    }

    /** A decision table in the browser's decision-table editor, with the model check on its rows and a trial box. */
    @GetMapping("/policy/decisions/{file}")
    String decisionPage(@PathVariable String file, Caller caller, Model model) {
        deployedDecision(file);
        model.addAttribute("user", caller.userId());
        model.addAttribute("file", file);
        model.addAttribute("decisionFiles", deployments.deployed().ofType(ModelFiles.DMN).keySet());
        return "pages/policy-decision";
    }

    /** The model check of an edited decision table, before it is deployed. */
    @PostMapping("/api/policy/decisions/{file}/check")
    @ResponseBody
    Map<String, Object> checkDecision(@PathVariable String file, @RequestBody(required = false) Map<String, Object> body, Caller caller) {
        deployedDecision(file);
        return Map.of("violations", decisions.check(file, xml(body)));
    }

    @PostMapping("/api/policy/decisions/{file}/form")
    @ResponseBody
    DecisionTrials.Form decisionForm(@PathVariable String file, @RequestBody(required = false) Map<String, Object> body, Caller caller) {
        deployedDecision(file);
        return decisions.form(file, xml(body));
    }

    /** Evaluates the edited (not yet deployed) table on the inputs typed in the trial box. */
    @PostMapping("/api/policy/decisions/{file}/trial")
    @ResponseBody
    DecisionTrials.Trial trial(@PathVariable String file, @RequestBody(required = false) Map<String, Object> body, Caller caller) {
        deployedDecision(file);
        Map<String, String> inputs = new LinkedHashMap<>();
        if (body != null && body.get("inputs") instanceof Map<?, ?> typed) {
            typed.forEach((k, v) -> inputs.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        }
        return decisions.evaluate(file, xml(body), inputs);
    }

    /** A process model in the browser's modeler, with the model check marked on its elements. */
    @GetMapping("/policy/models/{file}")
    String modelPage(@PathVariable String file, Caller caller, Model model) {
        ModelFiles deployed = deployments.deployed();
        if (!file.endsWith(ModelFiles.BPMN) || deployed.get(file) == null) {
            throw PolicyChangeRejected.fields(List.of(FieldError.of("file", "policy.model.noFile", file)));
        }
        model.addAttribute("user", caller.userId());
        model.addAttribute("file", file);
        model.addAttribute("modelFiles", deployed.ofType(ModelFiles.BPMN).keySet());
        return "pages/policy-model";
    }

    /** A form in the browser's form editor (form-js), checked with the model rules before it is deployed. */
    @GetMapping("/policy/forms/{file}")
    String formPage(@PathVariable String file, Caller caller, Model model) {
        ModelFiles deployed = deployments.deployed();
        if (!file.endsWith(ModelFiles.FORM) || deployed.get(file) == null) {
            throw PolicyChangeRejected.fields(List.of(FieldError.of("file", "policy.form.noFile", file)));
        }
        model.addAttribute("user", caller.userId());
        model.addAttribute("file", file);
        model.addAttribute("formTitle", ModelingOptions.title(deployed.get(file), file));
        return "pages/policy-form";
    }

    /** What the modeler's step panel offers: the roles, the periods by name and the forms by title. */
    @GetMapping("/api/policy/modeling-options")
    @ResponseBody
    Map<String, Object> modelingOptions(Caller caller) {
        return ModelingOptions.of(deployments.deployed(), periods);
    }

    private void deployedDecision(String file) {
        if (!file.endsWith(ModelFiles.DMN) || !deployments.isDeployed(file)) {
            throw PolicyChangeRejected.fields(List.of(FieldError.of("file", "dmn.noFile", file)));
        }
    }

    private static byte[] xml(Map<String, Object> body) {
        Object xml = body == null ? null : body.get("xml");
        if (!(xml instanceof String text) || text.isBlank()) {
            throw PolicyChangeRejected.fields(List.of(FieldError.of("xml", "dmn.noXml")));
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A policy table as an editable grid in words. */
    @GetMapping("/policy/tables/{name}")
    String tablePage(@PathVariable String name, Caller caller, Model model) {
        model.addAttribute("user", caller.userId());
        model.addAttribute("tl", edits.layout(name));
        model.addAttribute("versions", tables.versions(name));
        return "pages/policy-table";
    }

    @GetMapping("/api/policy/tables/{name}/grid")
    @ResponseBody
    TableEdits.Grid grid(@PathVariable String name, Caller caller) {
        return edits.grid(name);
    }

    /** The cells' problems, as the officer types. */
    @PostMapping("/api/policy/tables/{name}/check")
    @ResponseBody
    Map<String, Object> checkTable(@PathVariable String name, @RequestBody(required = false) Map<String, Object> body, Caller caller) {
        return Map.of("errors", edits.check(name, rows(body)));
    }

    @PostMapping("/api/policy/tables/{name}/preview")
    @ResponseBody
    TableEdits.Preview previewTable(@PathVariable String name, @RequestBody(required = false) Map<String, Object> body, Caller caller) {
        return edits.preview(name, rows(body));
    }

    /** Deploys the edited rows as the table's new version (reason required), through the same path as a file. */
    @PostMapping("/api/policy/tables/{name}/versions")
    ResponseEntity<ModelDeployments.DeploymentResult> deployTable(@PathVariable String name,
            @RequestBody(required = false) Map<String, Object> body, Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(edits.deploy(name, rows(body), (String) (body == null ? null : body.get("comment")), caller));
    }

    /** The table in words with Chinese headers: CSV (with a byte-order mark, for Excel) or Excel. */
    @GetMapping("/api/policy/tables/{name}/download")
    ResponseEntity<byte[]> downloadTable(@PathVariable String name, @RequestParam(defaultValue = "csv") String format, Caller caller) {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw PolicyChangeRejected.fields(List.of(FieldError.of("format", "policy.grid.format")));
        }
        var table = TableLayouts.download(edits.layout(name), edits.stored(name));
        boolean csv = format.equals("csv");
        String file = table.title() + (csv ? ".csv" : ".xlsx");
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                        : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
                        .filename(file, StandardCharsets.UTF_8).build().toString())
                .body(csv ? table.csv() : table.xlsx());
    }

    /** The grid's rows from a request body: a list of lists of cells; anything else is a 400 naming "rows". */
    private static List<List<String>> rows(Map<String, Object> body) {
        Object rows = body == null ? null : body.get("rows");
        if (!(rows instanceof List<?> list)) {
            throw PolicyChangeRejected.fields(List.of(FieldError.of("rows", "policy.grid.rows")));
        }
        List<List<String>> out = new ArrayList<>();
        for (Object row : list) {
            if (!(row instanceof List<?> cells) || cells.size() > 50) {
                throw PolicyChangeRejected.fields(List.of(FieldError.of("rows", "policy.grid.rows")));
            }
            out.add(cells.stream().map(c -> c == null ? "" : String.valueOf(c)).toList());
        }
        if (out.size() > 5000) {
            throw PolicyChangeRejected.fields(List.of(FieldError.of("rows", "policy.grid.rows")));
        }
        return out;
    }

    @GetMapping("/policy")
    String page(Caller caller, HttpServletRequest request, Model model) {
        model.addAttribute("user", caller.userId());
        model.addAttribute("versions", deployments.versions(20));
        ModelFiles deployed = deployments.deployed();
        model.addAttribute("files", deployed.all().keySet());
        Map<String, List<PolicyTables.Version>> tableVersions = new LinkedHashMap<>();
        tables.names().forEach(n -> tableVersions.put(n, tables.versions(n)));
        model.addAttribute("tables", tableVersions);
        Map<String, String> titles = new LinkedHashMap<>();
        TableLayouts.all().forEach(l -> titles.put(l.table(), l.title()));
        model.addAttribute("titles", titles);
        Map<String, String> decisionNames = new LinkedHashMap<>();
        deployed.ofType(ModelFiles.DMN).forEach((f, xml) -> decisionNames.put(f, DecisionTrials.name(xml)));
        model.addAttribute("decisionNames", decisionNames);
        Map<String, String> processNames = new LinkedHashMap<>();
        deployed.ofType(ModelFiles.BPMN).forEach((f, xml) -> {
            java.util.regex.Matcher m = PROCESS_NAME.matcher(new String(xml, StandardCharsets.UTF_8));
            processNames.put(f, m.find() ? m.group(1) : f);
        });
        model.addAttribute("processNames", processNames);
        Map<String, String> formTitles = new java.util.TreeMap<>();
        deployed.ofType(ModelFiles.FORM).forEach((f, json) -> formTitles.put(f, ModelingOptions.title(json, f)));
        model.addAttribute("formTitles", formTitles);
        model.addAttribute("audit", deployments.audit(20));
        model.addAttribute("components", ModelSafety.COMPONENTS);
        return "pages/policy";
    }

    @GetMapping("/api/policy/files")
    @ResponseBody
    List<String> files(Caller caller) {
        return List.copyOf(deployments.deployed().all().keySet());
    }

    /** A file as deployed, to open in Camunda Modeler or a spreadsheet. */
    @GetMapping("/api/policy/files/{name}")
    ResponseEntity<byte[]> file(@PathVariable String name, Caller caller) {
        byte[] content = deployments.deployed().get(name);
        if (content == null) {
            throw new PolicyChangeRejected("name", "没有名为 " + name + " 的已部署文件", "no deployed file named " + name);
        }
        return ResponseEntity.ok().contentType(new MediaType("application", "octet-stream"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(content);
    }

    @PostMapping("/api/policy/validate")
    @ResponseBody
    ModelDeployments.Report validate(@RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(defaultValue = "false") boolean fromRepository,
            @RequestParam(name = "remove", required = false) List<String> remove, Caller caller) {
        return deployments.validate(upload(files, fromRepository, remove), names(remove));
    }

    @PostMapping("/api/policy/preview")
    @ResponseBody
    ModelDeployments.Preview preview(@RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(defaultValue = "false") boolean fromRepository,
            @RequestParam(name = "remove", required = false) List<String> remove, Caller caller) {
        return deployments.preview(upload(files, fromRepository, remove), names(remove));
    }

    @PostMapping("/api/policy/deployments")
    ResponseEntity<ModelDeployments.DeploymentResult> deploy(@RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(defaultValue = "false") boolean fromRepository, @RequestParam(required = false) String comment,
            @RequestParam(name = "remove", required = false) List<String> remove, Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(deployments.deploy(upload(files, fromRepository, remove), names(remove), comment, caller));
    }

    @PostMapping("/api/policy/deployments/{deploymentId}/rollback")
    ResponseEntity<ModelDeployments.DeploymentResult> rollback(@PathVariable String deploymentId,
            @RequestBody(required = false) Map<String, String> body, Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(deployments.rollback(deploymentId, comment(body), caller));
    }

    @PostMapping("/api/policy/tables/{name}/versions/{version}/restore")
    ResponseEntity<ModelDeployments.DeploymentResult> restoreTable(@PathVariable String name, @PathVariable int version,
            @RequestBody(required = false) Map<String, String> body, Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(deployments.restoreTable(name, version, comment(body), caller));
    }

    @GetMapping("/api/policy/versions")
    @ResponseBody
    List<ModelDeployments.VersionView> versions(@RequestParam(defaultValue = "50") int limit, Caller caller) {
        return deployments.versions(Math.max(1, Math.min(limit, 500)));
    }

    @GetMapping("/api/policy/tables/{name}/versions")
    @ResponseBody
    List<PolicyTables.Version> tableVersions(@PathVariable String name, Caller caller) {
        if (!tables.isTable(name)) {
            throw new PolicyChangeRejected("name", "没有名为 " + name + " 的政策表格", "no policy table named " + name);
        }
        return tables.versions(name);
    }

    @PostMapping("/api/policy/migrations/dry-run")
    @ResponseBody
    Migrations.Check dryRun(@RequestBody(required = false) Map<String, Object> body, Caller caller) {
        return migrations.dryRun(text(body, "processKey"), version(body), caller);
    }

    @PostMapping("/api/policy/migrations")
    ResponseEntity<Map<String, Object>> migrate(@RequestBody(required = false) Map<String, Object> body, Caller caller) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(migrations.migrate(text(body, "processKey"), version(body), (String) body.get("comment"), caller));
    }

    @GetMapping("/api/policy/migrations/{batchId}")
    @ResponseBody
    Migrations.Progress progress(@PathVariable String batchId, Caller caller) {
        return migrations.progress(batchId);
    }

    @GetMapping("/api/policy/audit")
    @ResponseBody
    List<ModelDeployments.AuditEntry> audit(@RequestParam(defaultValue = "100") int limit, Caller caller) {
        return deployments.audit(limit);
    }

    @ExceptionHandler(PolicyChangeRejected.class)
    ResponseEntity<Map<String, Object>> rejected(PolicyChangeRejected e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", e.getMessage());
        body.put("errors", e.errors());
        body.put("violations", e.violations());
        return ResponseEntity.badRequest().body(body);
    }

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<Map<String, Object>> forbidden(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of(
                "message", Texts.zh("policy.forbidden"), "messageEn", Texts.en("policy.forbidden"),
                "errors", List.of(FieldError.of("user", "policy.forbidden"))));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Map.of(
                "message", Texts.zh("policy.tooLarge"), "messageEn", Texts.en("policy.tooLarge"),
                "errors", List.of(FieldError.of("files", "policy.tooLarge"))));
    }


    /** File names to remove, from a list or one comma-separated field. */
    private static List<String> names(List<String> remove) {
        return remove == null ? List.of() : remove.stream().flatMap(r -> java.util.Arrays.stream(r.split(",")))
                .map(String::trim).filter(r -> !r.isEmpty()).toList();
    }

    private Map<String, byte[]> upload(List<MultipartFile> files, boolean fromRepository, List<String> remove) {
        Map<String, byte[]> upload = new TreeMap<>();
        if (fromRepository) {
            upload.putAll(shipped());
        }
        for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
            if (f.isEmpty() || f.getOriginalFilename() == null || f.getOriginalFilename().isBlank()) {
                continue;
            }
            try {
                byte[] content = f.getBytes();
                String text = new String(content, StandardCharsets.UTF_8);
                boolean workbook = f.getOriginalFilename().endsWith(".xlsx"); // a table saved by a spreadsheet: read as such
                if (!workbook && (text.indexOf('\0') >= 0 || !StandardCharsets.UTF_8.newEncoder().canEncode(text))) {
                    throw new PolicyChangeRejected("files", f.getOriginalFilename() + " 不是 UTF-8 文本文件",
                            f.getOriginalFilename() + " is not a UTF-8 text file");
                }
                upload.put(ModelFiles.bareName(f.getOriginalFilename()), content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (upload.isEmpty() && names(remove).isEmpty()) {
            throw new PolicyChangeRejected("files", "请选择要校验的文件，或选择“用系统自带的模型”", "choose files, or use the models shipped with the system");
        }
        return upload;
    }

    /** The models, forms and tables this build of the system ships with (the repo's files). */
    private Map<String, byte[]> shipped() {
        Map<String, byte[]> files = new TreeMap<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            List<Resource> found = new ArrayList<>();
            List<String> patterns = new ArrayList<>(List.of("classpath*:bpmn/**/*.bpmn", "classpath*:bpmn/**/*.dmn",
                    "classpath*:forms/**/*.form"));
            tables.names().forEach(name -> patterns.add("classpath*:policy/" + name));
            for (String pattern : patterns) {
                found.addAll(List.of(resolver.getResources(pattern)));
            }
            for (Resource r : found) {
                try (InputStream in = r.getInputStream()) {
                    files.put(r.getFilename(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String comment(Map<String, String> body) {
        return body == null ? null : body.get("comment");
    }

    private static String text(Map<String, Object> body, String field) {
        Object value = body == null ? null : body.get(field);
        if (!(value instanceof String s) || s.isBlank()) {
            throw new PolicyChangeRejected(field, "缺少 " + field, field + " is required");
        }
        return s;
    }

    private static int version(Map<String, Object> body) {
        Object value = body == null ? null : body.get("sourceVersion");
        if (value instanceof Number n && n.intValue() > 0) {
            return n.intValue();
        }
        throw new PolicyChangeRejected("sourceVersion", "须为正整数（要迁移的旧版本号）", "must be a positive whole number (the version to migrate from)");
    }

}
