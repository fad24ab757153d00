package cn.labordispute.documents;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.view.freemarker.FreeMarkerConfig;

/** Renders a document's template (templates/documents/*.ftlh) and names the template's version by its SHA-256. */
@Component
public class DocumentTemplates {

    private final Configuration freemarker;

    DocumentTemplates(FreeMarkerConfig config) {
        this.freemarker = config.getConfiguration();
    }

    String render(DocumentKind kind, Map<String, Object> model) {
        return render(kind.template(), model);
    }

    /** Renders any template under templates/, e.g. documents about an enterprise rather than a case. */
    public String render(String templateName, Map<String, Object> model) {
        try {
            Template template = freemarker.getTemplate(templateName);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException("template " + templateName + " failed: " + e.getMessage(), e);
        }
    }

    /** The SHA-256 of the template source as deployed, so that a stored document names the exact template used. */
    String version(DocumentKind kind) {
        try (InputStream in = new ClassPathResource("templates/" + kind.template()).getInputStream()) {
            return sha256(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
