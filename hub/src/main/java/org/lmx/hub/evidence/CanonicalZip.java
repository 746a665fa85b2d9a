package org.lmx.hub.evidence;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The one byte form of a ZIP that an evidence bundle may have: entries in the given order, STORED, UTF-8 names,
 * a fixed timestamp (1980-01-01 00:00), no extra fields, no comments, no data descriptors, nothing between the
 * entries or after the end record. Any ZIP tool opens it; the verifier reads it and writes it again, and demands
 * the same bytes, so that no byte of the file is outside what its content says.
 */
public final class CanonicalZip {

    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int END = 0x06054b50;
    private static final short VERSION = 10;
    private static final short UTF8_NAMES = 0x0800;
    private static final short DOS_TIME = 0;
    // 1980-01-01: (year - 1980) << 9 | month << 5 | day
    private static final short DOS_DATE = (1 << 5) | 1;

    private CanonicalZip() {
    }

    /** The canonical bytes of these entries, in this order. */
    public static byte[] write(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] data = e.getValue();
            CRC32 crc = new CRC32();
            crc.update(data);
            long offset = out.size();
            if (offset > 0xFFFFFFFFL || data.length > 0xFFFFFFFFL - 1) {
                throw new IllegalArgumentException("an evidence bundle is limited to 4 GiB (no ZIP64)");
            }
            ByteBuffer local = buffer(30 + name.length).putInt(LOCAL).putShort(VERSION).putShort(UTF8_NAMES)
                    .putShort((short) 0).putShort(DOS_TIME).putShort(DOS_DATE).putInt((int) crc.getValue())
                    .putInt(data.length).putInt(data.length).putShort((short) name.length).putShort((short) 0).put(name);
            out.writeBytes(local.array());
            out.writeBytes(data);
            ByteBuffer header = buffer(46 + name.length).putInt(CENTRAL).putShort(VERSION).putShort(VERSION)
                    .putShort(UTF8_NAMES).putShort((short) 0).putShort(DOS_TIME).putShort(DOS_DATE)
                    .putInt((int) crc.getValue()).putInt(data.length).putInt(data.length).putShort((short) name.length)
                    .putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0)
                    .putInt((int) offset).put(name);
            central.writeBytes(header.array());
        }
        long centralOffset = out.size();
        out.writeBytes(central.toByteArray());
        ByteBuffer end = buffer(22).putInt(END).putShort((short) 0).putShort((short) 0)
                .putShort((short) entries.size()).putShort((short) entries.size()).putInt(central.size())
                .putInt((int) centralOffset).putShort((short) 0);
        out.writeBytes(end.array());
        return out.toByteArray();
    }

    /**
     * The entries of a canonical ZIP, in file order.
     *
     * @throws NotCanonical when the bytes are not exactly the canonical form of the entries they hold
     */
    public static LinkedHashMap<String, byte[]> read(byte[] zip) throws NotCanonical {
        LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>();
        ByteBuffer in = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        try {
            while (in.remaining() >= 4 && in.getInt(in.position()) == LOCAL) {
                int start = in.position();
                in.position(start + 18);
                int size = in.getInt();
                in.getInt();
                int nameLength = Short.toUnsignedInt(in.getShort());
                int extraLength = Short.toUnsignedInt(in.getShort());
                byte[] name = new byte[nameLength];
                in.get(name);
                in.position(in.position() + extraLength);
                if (size < 0 || size > in.remaining()) {
                    throw new NotCanonical("the entry at byte " + start + " claims " + Integer.toUnsignedString(size)
                            + " bytes, more than the file holds");
                }
                byte[] data = new byte[size];
                in.get(data);
                String key = new String(name, StandardCharsets.UTF_8);
                if (entries.put(key, data) != null) {
                    throw new NotCanonical("the entry " + key + " is in the file twice");
                }
            }
        } catch (RuntimeException e) {
            throw new NotCanonical("it cannot be read as a ZIP: " + e);
        }
        byte[] canonical = write(entries);
        if (!Arrays.equals(canonical, zip)) {
            throw new NotCanonical("it is not the canonical form of its " + entries.size() + " entries (first difference"
                    + " at byte " + Math.max(0, Arrays.mismatch(canonical, zip)) + " of " + zip.length + ")");
        }
        return entries;
    }

    /** Names in the order the bundle keeps them. */
    public static List<String> names(Map<String, byte[]> entries) {
        return new ArrayList<>(entries.keySet());
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Bytes that are not a canonical ZIP: a changed byte of an evidence bundle ends here or at a digest. */
    public static final class NotCanonical extends Exception {
        NotCanonical(String message) {
            super(message);
        }
    }
}
