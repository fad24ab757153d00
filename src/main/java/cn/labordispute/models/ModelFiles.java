package cn.labordispute.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A complete set of model files as one deployment holds them, by file name (mediation.bpmn, triage.dmn,
 * mediation-acceptance.form, statutory-periods.csv). Names are bare file names: the same in the repo, an upload and
 * the engine's deployments.
 */
public final class ModelFiles {

    public static final String BPMN = ".bpmn";
    public static final String DMN = ".dmn";
    public static final String FORM = ".form";

    private final Map<String, byte[]> files;

    public ModelFiles(Map<String, byte[]> files) {
        this.files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** The models and forms of a project folder: bpmn/ (with sub-folders) and forms/. */
    public static ModelFiles fromFolders(Path... folders) {
        Map<String, byte[]> found = new TreeMap<>();
        for (Path folder : folders) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path p : paths.filter(Files::isRegularFile).filter(p -> isModel(p.getFileName().toString())).toList()) {
                    byte[] previous = found.put(p.getFileName().toString(), Files.readAllBytes(p));
                    if (previous != null) {
                        throw new IllegalStateException("two files named " + p.getFileName() + " under " + folder);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + folder, e);
            }
        }
        return new ModelFiles(found);
    }

    public static boolean isModel(String name) {
        return name.endsWith(BPMN) || name.endsWith(DMN) || name.endsWith(FORM);
    }

    /** File name without folders: "bpmn/mediation.bpmn" and "C:\x\mediation.bpmn" are both "mediation.bpmn". */
    public static String bareName(String name) {
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }

    /** This set with the given files added or replaced. */
    public ModelFiles with(Map<String, byte[]> changes) {
        Map<String, byte[]> merged = new TreeMap<>(files);
        changes.forEach((name, content) -> merged.put(bareName(name), content));
        return new ModelFiles(merged);
    }

    /** This set without the named files. */
    public ModelFiles without(java.util.Collection<String> names) {
        Map<String, byte[]> kept = new TreeMap<>(files);
        names.forEach(kept::remove);
        return new ModelFiles(kept);
    }

    public Map<String, byte[]> all() {
        return files;
    }

    public Map<String, byte[]> ofType(String ending) {
        Map<String, byte[]> found = new TreeMap<>();
        files.forEach((name, content) -> {
            if (name.endsWith(ending)) {
                found.put(name, content);
            }
        });
        return found;
    }

    public byte[] get(String name) {
        return files.get(name);
    }

    public String text(String name) {
        return new String(files.get(name), StandardCharsets.UTF_8);
    }
}
