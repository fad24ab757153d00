package cn.labordispute.portal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortalProperties.class)
class PortalConfiguration {

    /** Text messages go to the log unless a real gateway (another SmsSender bean) is configured. */
    @Bean
    @ConditionalOnMissingBean(SmsSender.class)
    SmsSender logSmsSender() {
        return new LogSmsSender();
    }
}
