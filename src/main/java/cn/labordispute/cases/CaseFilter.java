package cn.labordispute.cases;

import java.time.LocalDate;

/** Filters for the case list; null means "any". */
public record CaseFilter(CaseStage stage, String status, String organisation, String causeCode, LocalDate receivedFrom,
        LocalDate receivedTo, String text, int page, int size) {

    public CaseFilter {
        page = Math.max(page, 0);
        size = size <= 0 ? 20 : Math.min(size, 200);
    }
}
