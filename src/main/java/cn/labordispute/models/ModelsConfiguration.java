package cn.labordispute.models;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Policy tables deployed on one node come into force on the others through a scheduled refresh. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ModelsConfiguration {
}
