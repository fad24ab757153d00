package cn.labordispute.it;

import java.sql.Timestamp;

/**
 * Turns a JDBC statement as the driver sends it into PostgreSQL's own {@code PREPARE} / {@code EXECUTE}: the
 * {@code ?} placeholders numbered, each bound value as a literal of the type the driver gives it. For values a test
 * generated itself; not an escaping routine for input.
 */
final class SqlLiterals {

    private SqlLiterals() {
    }

    /** The SQL with each {@code ?} outside quotes replaced by $1, $2, … */
    static String numberedParameters(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        boolean quoted = false;
        int n = 0;
        for (char c : sql.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == '?' && !quoted) {
                out.append('$').append(++n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The parameter type the PostgreSQL driver declares for a value bound with its setter. */
    static String type(Object value) {
        if (value == null || value instanceof String) {
            return "varchar";
        }
        if (value instanceof Integer || value instanceof Short) {
            return "int4";
        }
        if (value instanceof Long) {
            return "int8";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Double || value instanceof Float) {
            return "float8";
        }
        if (value instanceof java.util.Date) {
            return "timestamp";
        }
        throw new IllegalArgumentException("no PostgreSQL type known for " + value.getClass());
    }

    static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof java.util.Date date) {
            return "'" + new Timestamp(date.getTime()) + "'";
        }
        return "'" + value.toString().replace("'", "''") + "'";
    }
}
