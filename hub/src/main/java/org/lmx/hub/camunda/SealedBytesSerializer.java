package org.lmx.hub.camunda;

import org.camunda.bpm.engine.impl.variable.serializer.ByteArrayValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.BytesValue;
import org.lmx.routes.log.DataCipher;

/**
 * Byte-array process variables sealed with the hub's data key, as the message log seals bodies: the work-permit
 * process keeps the signed application in a variable, which would otherwise lie in plain text in Camunda's byte-array
 * table (runtime and history). Written under a name of its own, so that variables stored before stay readable by
 * Camunda's own serializer; a value it reads without the sealed prefix is returned as it is.
 */
final class SealedBytesSerializer extends ByteArrayValueSerializer {

    static final String NAME = "lmx-sealed-bytes";

    private final DataCipher cipher;

    SealedBytesSerializer(DataCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public void writeValue(BytesValue value, ValueFields fields) {
        super.writeValue(Variables.byteArrayValue(cipher.seal(value.getValue()), value.isTransient()), fields);
    }

    @Override
    public BytesValue readValue(ValueFields fields, boolean deserialize, boolean asTransientValue) {
        BytesValue stored = (BytesValue) super.readValue(fields, deserialize, asTransientValue);
        return Variables.byteArrayValue(cipher.open(stored.getValue()), asTransientValue);
    }
}
