package cn.labordispute.supervision;

/** A statistics request's parameters as typed (dates as ISO text), kept to refill the page's form. */
public record StatisticsParams(String from, String to, String organisation, String mediator, String cause,
        String collective) {
}
