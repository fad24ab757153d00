package cn.labordispute.demo;

import cn.labordispute.cases.CaseRepository;
import cn.labordispute.cases.CaseFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Creates demo users once, and demo cases when the database has none, if {@code dispute.demo.enabled}. */
@Component
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private final DemoProperties properties;
    private final DemoUsers users;
    private final DemoCases cases;
    private final CaseRepository caseRepository;

    DemoData(DemoProperties properties, DemoUsers users, DemoCases cases, CaseRepository caseRepository) {
        this.properties = properties;
        this.users = users;
        this.cases = cases;
        this.caseRepository = caseRepository;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    @Transactional
    public void load() {
        if (!properties.enabled()) {
            return;
        }
        users.create();
        if (properties.createCases() && caseRepository.count(new CaseFilter(null, null, null, null, null, null, null, 0, 1), null) == 0) {
            cases.create();
            log.info("Demo cases created; log in to /camunda/app/tasklist as wangfang / demo");
        }
    }
}
