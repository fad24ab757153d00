package cn.labordispute.supervision;

import java.time.LocalDate;
import java.util.Set;

/**
 * What a statistics request asks for: a period (days in China, both ends included), and optionally one organisation,
 * one mediator, one case cause (with its sub-causes) and individual or collective cases. {@code organisations} is
 * what the caller may see (null: all), already narrowed to the requested organisation.
 */
public record StatisticsFilter(LocalDate from, LocalDate to, Set<String> organisations, String mediator,
        Set<String> causeCodes, Boolean collective) {
}
