package cn.labordispute.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;

/**
 * A policy table: a UTF-8 CSV file with a header row, '#' comment lines and no quoted commas.
 * Policy staff edit these files; a malformed row fails start-up with the file and line named.
 */
public final class PolicyTable {

    private PolicyTable() {
    }

    /** One row, by column name, with the line number for error messages. */
    public record Row(String source, int line, Map<String, String> values) {

        public String get(String column) {
            String value = values.get(column);
            if (value == null) {
                throw error("missing column '" + column + "'");
            }
            return value.trim();
        }

        /** The column's value, or {@code fallback} where the table has no such column (an older version of it). */
        public String getOr(String column, String fallback) {
            String value = values.get(column);
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        public IllegalStateException error(String what) {
            return new IllegalStateException(source + " line " + line + ": " + what);
        }
    }

    public static List<Row> read(Resource resource) {
        String source = resource.getDescription();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            List<Row> rows = new ArrayList<>();
            String[] header = null;
            String text;
            int line = 0;
            while ((text = in.readLine()) != null) {
                line++;
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                String[] cells = text.split(",", -1);
                if (header == null) {
                    header = cells;
                    continue;
                }
                if (cells.length != header.length) {
                    throw new IllegalStateException(source + " line " + line + ": expected " + header.length
                            + " columns but found " + cells.length);
                }
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    values.put(header[i].trim(), cells[i].trim());
                }
                rows.add(new Row(source, line, values));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy table " + source, e);
        }
    }
}
