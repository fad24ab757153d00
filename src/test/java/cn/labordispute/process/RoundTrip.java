package cn.labordispute.process;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;

/** A model read and written back by the Camunda model API (what Camunda Modeler's engine-side counterpart writes). */
public final class RoundTrip {

    private RoundTrip() {
    }

    public static InputStream of(String name, InputStream in) throws IOException {
        byte[] content = in.readAllBytes();
        String written;
        if (name.endsWith(".bpmn")) {
            written = Bpmn.convertToString(Bpmn.readModelFromStream(new ByteArrayInputStream(content)));
        } else if (name.endsWith(".dmn")) {
            written = Dmn.convertToString(Dmn.readModelFromStream(new ByteArrayInputStream(content)));
        } else {
            return new ByteArrayInputStream(content);
        }
        return new ByteArrayInputStream(written.getBytes(StandardCharsets.UTF_8));
    }
}
