package io.tokligence.gateway.dist.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class RecordFileTest {

    @Test
    void hashesAreUrlsafeBase64WithoutPadding() throws Exception {
        // Expected values from Python: base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=')
        assertThat(RecordFile.hash(sha256(""))).isEqualTo("sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU");
        assertThat(RecordFile.hash(sha256("x"))).isEqualTo("sha256=LXEWQrcmsEQBYnyp-6wy9chTD7GQPMTbAiWHF5IaSIE");
    }

    @Test
    void rendersRowsThenItselfWithoutHash() throws Exception {
        RecordFile record = new RecordFile();
        record.add("tokgateway/__init__.py", sha256(""), 0);
        record.add("tokgateway/bin/linux-x64/odd,name", sha256("x"), 1);

        assertThat(record.render("tokgateway-1.0.dist-info/RECORD")).isEqualTo(
                "tokgateway/__init__.py,sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU,0\n"
                        + "\"tokgateway/bin/linux-x64/odd,name\",sha256=LXEWQrcmsEQBYnyp-6wy9chTD7GQPMTbAiWHF5IaSIE,1\n"
                        + "tokgateway-1.0.dist-info/RECORD,,\n");
    }

    private static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }
}
