package cn.labordispute.documents;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

@Configuration
class DocumentsConfiguration {

    /** Who may issue which document, and when; policy staff read and change it (and deploy new versions through /policy). */
    @Bean
    DocumentRules documentRules(@Value("${dispute.documents.rules:classpath:policy/document-rules.csv}") Resource table) {
        return new DocumentRules(table);
    }
}
