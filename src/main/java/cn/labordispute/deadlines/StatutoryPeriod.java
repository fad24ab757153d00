package cn.labordispute.deadlines;

/**
 * One row of the periods table: a period by its code ({@code name}, what models and code refer to) and its Chinese
 * name ({@code title}, what people read), its length and unit, and where the law says so.
 */
public record StatutoryPeriod(String name, String title, int length, Unit unit, String countsFrom, String extension, String source,
        String verified) {

    public enum Unit {
        DAYS("日"), WORKING_DAYS("个工作日"), MONTHS("个月"), YEARS("年");

        private final String label;

        Unit(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public StatutoryPeriod withLength(int newLength) {
        return new StatutoryPeriod(name, title, newLength, unit, countsFrom, extension, source, verified);
    }

    /** For people: "15日" or "3个工作日". */
    public String describe() {
        return length + unit.label();
    }
}
